import { describe, expect, it } from 'vitest';
import { compileSeeds } from '@/domain/seeds';
import type { Notification, Round, RoundRow } from '@/domain/rounds';
import { loadSeedBundle } from '../seeds';
import { nodeHasher } from '../src/server/auth/passwords';
import { newUserRecord } from '../src/server/auth/users';
import { createMemoryStore } from '../src/server/store/memory';
import { StaleVersionError, type Store } from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { freshPgStore, requirePg } from './support/pg';

/**
 * The rounds' part of the store contract (issue 12), on every adapter: versioned rounds and rows,
 * notifications once per user and key, one digest per user and day, and the mail lease.
 */
const bundle = loadSeedBundle();
const seeds = compileSeeds(bundle);
const reference = { instructions: bundle.instructions.instructions, ciSectors: bundle.ciSectors.sectors };
const NOW = '2016-03-31T09:00:00.000Z';
const entry = {
  at: NOW,
  actor: 't',
  action: 'seed',
  entity: 'plan',
  entityId: 'x',
  before: undefined,
  after: {},
  requestId: null,
};

const adapters: [string, () => Store | Promise<Store>][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
  ...(requirePg('rounds store contract: postgres')
    ? [['postgres', freshPgStore] as [string, () => Promise<Store>]]
    : []),
];

const round: Round = {
  id: 'r1',
  title: '照会',
  kind: 'quarterly',
  fy: 2016,
  asOf: '2016-03-31',
  openedOn: '2016-03-31',
  dueOn: '2016-04-20',
  ministryIds: ['npa'],
  sectionCodes: [],
  instructions: '',
  reminderDays: [7, 3, 1],
  state: 'open',
  openedBy: 't',
  openedAt: NOW,
  closedBy: null,
  closedAt: null,
  version: 1,
};
const a = seeds.assignments[0]!;
const row = (n: number): RoundRow => ({
  id: `r1-${n}`,
  roundId: 'r1',
  ministryId: a.ministryId,
  measureId: a.measureId,
  kind: n === 1 ? 'assignment' : 'result',
  state: 'owed',
  baseVersion: null,
  answer: null,
  unchanged: false,
  answeredBy: null,
  answeredAt: null,
  reviewedBy: null,
  reviewedAt: null,
  reviewComment: null,
  version: 1,
});

async function seeded(make: () => Store | Promise<Store>) {
  const store = await make();
  await store.seed(seeds, reference, entry);
  const user = await newUserRecord(
    {
      email: 'l@npa.example.go.jp',
      name: 'L',
      role: 'liaison',
      ministryId: 'npa',
      password: 'x'.repeat(16),
      mustChangePassword: false,
      now: NOW,
    },
    nodeHasher,
  );
  await store.commit([{ kind: 'user', expectVersion: null, next: user }], []);
  await store.commit(
    [
      { kind: 'round', expectVersion: null, next: round },
      { kind: 'roundRows', rows: [row(1), row(2)] },
    ],
    [],
  );
  return { store, user };
}

const note = (userId: string, key: string, kind: Notification['kind'] = 'due_soon'): Notification => ({
  id: `${userId}-${key}-${Math.random()}`,
  userId,
  kind,
  roundId: 'r1',
  key,
  params: { roundTitle: '照会', dueOn: '2016-04-20', ministryId: 'npa', ministryName: null, count: 3, comment: null },
  createdAt: NOW,
  readAt: null,
});

describe.each(adapters)('rounds store contract (%s)', (_name, make) => {
  it('keeps rounds and rows in order, versioned', async () => {
    const { store } = await seeded(make);
    expect(await store.getRound('r1')).toEqual(round);
    expect((await store.roundRows('r1')).map((r) => r.id)).toEqual(['r1-1', 'r1-2']);
    expect(await store.roundRows('r1', 'nobody')).toEqual([]);
    const answered: RoundRow = {
      ...row(1),
      state: 'answered',
      answer: { status: 'in_progress', progress: 5, narrative: 'n' },
      version: 2,
    };
    await store.commit([{ kind: 'roundRow', expectVersion: 1, next: answered }], []);
    expect(await store.getRoundRow('r1-1')).toEqual(answered);
    await expect(
      store.commit([{ kind: 'roundRow', expectVersion: 1, next: { ...answered, version: 3 } }], []),
    ).rejects.toThrow(StaleVersionError);
    await expect(store.commit([{ kind: 'round', expectVersion: null, next: round }], [])).rejects.toThrow();
    await expect(
      store.commit([{ kind: 'round', expectVersion: 1, next: { ...round, state: 'closed', version: 2 } }], []),
    ).resolves.toBeUndefined();
    expect((await store.getRound('r1'))?.state).toBe('closed');
  });

  it('makes a notification once per user and key, counts and marks unread', async () => {
    const { store, user } = await seeded(make);
    await store.commit([{ kind: 'notification', next: note(user.id, 'k1') }], []);
    await store.commit(
      [
        { kind: 'notification', next: note(user.id, 'k1') },
        { kind: 'notification', next: note(user.id, 'k2') },
      ],
      [],
    );
    const list = await store.listNotifications(user.id, 10);
    expect(list.items.map((n) => n.key)).toEqual(['k2', 'k1']);
    expect(list.unread).toBe(2);
    expect(await store.markNotificationsRead(user.id, [list.items[1]!.id], NOW)).toBe(1);
    expect(await store.markNotificationsRead(user.id, null, NOW)).toBe(0);
  });

  it('makes at most one digest per user and day, of notifications not mailed yet', async () => {
    const { store, user } = await seeded(make);
    await store.commit(
      [note(user.id, 'k1'), note(user.id, 'k2'), note(user.id, 'o', 'round_opened')].map((n) => ({
        kind: 'notification' as const,
        next: n,
      })),
      [],
    );
    expect(await store.usersWithUnmailed(['due_soon'])).toEqual([user.id]);
    const render = (items: Notification[]) => ({
      to: user.email,
      subject: `${items.length}`,
      text: items.map((i) => i.key).join(','),
    });
    const job = await store.createDigest(
      { id: 'd1', userId: user.id, day: '2016-04-01', now: NOW, kinds: ['due_soon'] },
      render,
    );
    expect(job).toMatchObject({ id: 'd1', subject: '2', text: 'k1,k2', state: 'pending', attempts: 0 });
    await store.commit([{ kind: 'notification', next: note(user.id, 'k3') }], []);
    expect(
      await store.createDigest({ id: 'd2', userId: user.id, day: '2016-04-01', now: NOW, kinds: ['due_soon'] }, render),
    ).toBeNull();
    const next = await store.createDigest(
      { id: 'd3', userId: user.id, day: '2016-04-02', now: NOW, kinds: ['due_soon'] },
      render,
    );
    expect(next?.text).toBe('k3');
    expect(await store.usersWithUnmailed(['due_soon'])).toEqual([]);
  });

  it('leases a job to one worker at a time; an expired lease is taken over; the attempt is recorded', async () => {
    const { store, user } = await seeded(make);
    const job = {
      id: 'j1',
      key: 'opened:r1:u',
      kind: 'round_opened' as const,
      userId: user.id,
      to: user.email,
      subject: 's',
      text: 't',
      createdAt: NOW,
    };
    await store.commit(
      [
        { kind: 'mailJob', next: job },
        { kind: 'mailJob', next: { ...job, id: 'j2' } },
      ],
      [],
    );
    expect(await store.listMailJobs(10)).toHaveLength(1); // the same key twice: one job
    const later = '2016-03-31T09:05:00.000Z';
    expect(await store.claimMailJob('A', NOW, later)).toMatchObject({ id: 'j1' });
    expect(await store.claimMailJob('B', NOW, later)).toBeNull();
    // A's lease expires: B takes it over, and A can no longer finish it.
    expect(await store.claimMailJob('B', later, '2016-03-31T09:10:00.000Z')).toMatchObject({ id: 'j1' });
    expect(await store.finishMailJob('j1', 'A', { ok: true, at: later, state: 'sent' })).toBe(false);
    expect(
      await store.finishMailJob('j1', 'B', {
        ok: false,
        at: later,
        error: 'boom',
        retryAt: '2016-03-31T09:06:00.000Z',
      }),
    ).toBe(true);
    expect(await store.claimMailJob('B', later, '2016-03-31T09:10:00.000Z')).toBeNull(); // backing off
    expect(await store.claimMailJob('B', '2016-03-31T09:06:00.000Z', '2016-03-31T09:11:00.000Z')).toMatchObject({
      attempts: 1,
    });
    expect(await store.finishMailJob('j1', 'B', { ok: true, at: '2016-03-31T09:06:01.000Z', state: 'outbox' })).toBe(
      true,
    );
    const [done] = await store.listMailJobs(10);
    expect(done).toMatchObject({ state: 'outbox', attempts: 2, lastError: 'boom', sentAt: '2016-03-31T09:06:01.000Z' });
    expect(done!.log.map((l) => [l.worker, l.ok])).toEqual([
      ['B', false],
      ['B', true],
    ]);
    expect(await store.claimMailJob('C', '2016-04-30T00:00:00.000Z', '2016-04-30T00:05:00.000Z')).toBeNull();
  });

  it('keeps notification settings per user', async () => {
    const { store, user } = await seeded(make);
    expect(await store.notificationSettings(user.id)).toBeNull();
    await store.setNotificationSettings(user.id, { language: 'en', mailOff: ['overdue'] });
    expect(await store.notificationSettings(user.id)).toEqual({ language: 'en', mailOff: ['overdue'] });
  });
});
