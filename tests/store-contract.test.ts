import { nodeHasher } from '../src/server/auth/passwords';
import { describe, expect, it } from 'vitest';
import { compileSeeds } from '@/domain/seeds';
import { loadSeedBundle } from '../seeds';
import { createMemoryStore } from '../src/server/store/memory';
import {
  StaleVersionError,
  StoreConflictError,
  type NewAuditEntry,
  type NewProgressEvent,
  type Store,
} from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { newUserRecord } from '../src/server/auth/users';
import { freshPgStore, requirePg } from './support/pg';

const NOW = '2016-03-31T09:00:00.000Z';
const userFields = {
  email: 'contract@nisc.example.go.jp',
  name: 'Contract',
  role: 'viewer',
  ministryId: null,
  password: 'not-hashed-for-real-here',
  mustChangePassword: false,
} as const;

/** One contract, every adapter: the mock and production cannot drift apart. */
const bundle = loadSeedBundle();
const seeds = compileSeeds(bundle);
const reference = { instructions: bundle.instructions.instructions, ciSectors: bundle.ciSectors.sectors };
const audit = (action: string): NewAuditEntry => ({
  at: '2016-03-31T09:00:00.000Z',
  actor: 'test',
  action,
  entity: 'plan',
  entityId: 'x',
  before: undefined,
  after: { n: 1 },
  requestId: null,
});
const event = (over: Partial<NewProgressEvent> = {}): NewProgressEvent => ({
  measureId: seeds.assignments[0]!.measureId,
  ministryId: seeds.assignments[0]!.ministryId,
  effectiveOn: '2015-09-30',
  status: 'in_progress',
  progress: 40,
  narrative: 'n',
  actor: 'sample:t',
  submittedBy: null,
  comment: '',
  recordedAt: '2016-03-31T09:00:00.000Z',
  origin: 'scenario',
  ...over,
});

const adapters: [string, () => Store | Promise<Store>][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
  ...(requirePg('store contract: postgres') ? [['postgres', freshPgStore] as [string, () => Promise<Store>]] : []),
];

describe.each(adapters)('store contract: %s', (_name, create) => {
  it('starts empty and holds exactly the seeded plan afterwards', async () => {
    const store = await create();
    expect(await store.isEmpty()).toBe(true);
    await store.seed(seeds, reference, audit('seed'));
    expect(await store.isEmpty()).toBe(false);
    const snap = await store.snapshot();
    expect(snap.measures).toEqual(seeds.measures);
    expect(snap.assignments).toEqual(seeds.assignments);
    expect(snap.items).toEqual(seeds.items);
    expect(snap.organisations).toEqual(seeds.organisations);
    expect(snap.milestones).toEqual(seeds.milestones);
    expect(snap.packageEntries).toEqual(seeds.packageEntries);
    expect(snap.planPeriod).toEqual(seeds.planPeriod);
    expect(await store.reference()).toEqual(reference);
  });

  it('refuses to seed twice and changes nothing', async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    const revision = await store.revision();
    await expect(store.seed(seeds, reference, audit('seed'))).rejects.toBeInstanceOf(StoreConflictError);
    expect(await store.revision()).toBe(revision);
    expect((await store.listAudit({ limit: 10, offset: 0 })).total).toBe(1);
  });

  it('records a scenario atomically: current state, history, audit and revision together', async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    const before = await store.revision();
    await store.loadScenario(
      { id: 't', label: { ja: 'テスト', en: 'Test' } },
      [event(), event({ effectiveOn: '2016-03-31', progress: 70 })],
      audit('scenario.load'),
    );
    const snap = await store.snapshot();
    expect(snap.events.map((e) => e.progress)).toEqual([40, 70]);
    const a = snap.assignments.find((x) => x.measureId === event().measureId && x.ministryId === event().ministryId);
    expect(a).toMatchObject({ status: 'in_progress', progress: 70, version: 2 });
    expect(await store.revision()).toBeGreaterThan(before);
    expect((await store.scenarios()).map((s) => s.id)).toEqual(['t']);
    const log = await store.listAudit({ limit: 10, offset: 0 });
    expect(log.items.map((e) => e.action)).toEqual(['scenario.load', 'seed']);
    expect(log.items[0]?.after).toEqual({ n: 1 });
  });

  it('refuses a scenario naming an unknown assignment, and writes none of it', async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    const before = await store.snapshot();
    await expect(
      store.loadScenario(
        { id: 't', label: { ja: 'テスト', en: 'Test' } },
        [event(), event({ ministryId: 'nobody' })],
        audit('scenario.load'),
      ),
    ).rejects.toMatchObject({ code: 'unknown_reference' });
    const after = await store.snapshot();
    expect(after.events).toEqual([]);
    expect(after.assignments).toEqual(before.assignments);
    expect(await store.scenarios()).toEqual([]);
    expect((await store.listAudit({ limit: 10, offset: 0 })).total).toBe(1);
  });

  it('refuses to load the same scenario twice', async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    const info = { id: 't', label: { ja: 'テスト', en: 'Test' } };
    await store.loadScenario(info, [event()], audit('scenario.load'));
    await expect(store.loadScenario(info, [event()], audit('scenario.load'))).rejects.toMatchObject({
      code: 'already_loaded',
    });
    expect((await store.snapshot()).events).toHaveLength(1);
  });

  it('pages the audit trail newest first and filters by entity', async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    await store.loadScenario({ id: 't', label: { ja: 'テ', en: 'T' } }, [event()], {
      ...audit('scenario.load'),
      entity: 'scenario',
    });
    expect((await store.listAudit({ limit: 1, offset: 0 })).items.map((e) => e.action)).toEqual(['scenario.load']);
    expect((await store.listAudit({ limit: 1, offset: 1 })).items.map((e) => e.action)).toEqual(['seed']);
    expect((await store.listAudit({ limit: 10, offset: 0, entity: 'plan' })).items.map((e) => e.action)).toEqual([
      'seed',
    ]);
  });

  it('keeps annual plans, results and started years: created once, updated by version, read per year', async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    const { measureId, ministryId } = seeds.assignments[0]!;
    const plan = { fy: 2016, measureId, planText: 'p', nextPlanText: 'n', updatedBy: 'a', updatedAt: 't', version: 1 };
    const result = { fy: 2016, measureId, ministryId, text: 'r', updatedBy: 'a', updatedAt: 't', version: 1 };
    const year = { fy: 2016, startedAt: 't', startedBy: 'a', roster: [{ measureId, number: '（ア）' }], version: 1 };
    const revision = await store.revision();
    await store.commit(
      [
        { kind: 'annualPlan', expectVersion: null, next: plan },
        { kind: 'annualResult', expectVersion: null, next: result },
        { kind: 'fiscalYear', expectVersion: null, next: year },
      ],
      [audit('plan.start')],
    );
    expect(await store.annual(2016)).toEqual({ fiscalYear: year, plans: [plan], results: [result] });
    expect(await store.annual(2015)).toEqual({ fiscalYear: null, plans: [], results: [] });
    expect(await store.revision()).toBe(revision); // the plan index does not depend on them
    // Creating twice, or updating from a version that moved, fails the whole commit.
    await expect(store.commit([{ kind: 'annualPlan', expectVersion: null, next: plan }], [])).rejects.toBeInstanceOf(
      StaleVersionError,
    );
    await expect(
      store.commit(
        [
          { kind: 'annualResult', expectVersion: 1, next: { ...result, text: 'r2', version: 2 } },
          { kind: 'annualPlan', expectVersion: 5, next: { ...plan, version: 6 } },
        ],
        [audit('x')],
      ),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect((await store.annual(2016)).results[0]!.text).toBe('r');
    await store.commit(
      [{ kind: 'annualPlan', expectVersion: 1, next: { ...plan, planText: 'p2', version: 2 } }],
      [audit('plan.update')],
    );
    expect((await store.annual(2016)).plans).toEqual([{ ...plan, planText: 'p2', version: 2 }]);
  });

  it('counts sign-in attempts atomically: of 20 at once, 5 pass and the 5th locks; devices count apart', async () => {
    const store = await create();
    const user = { ...(await newUserRecord({ ...userFields, now: NOW }, nodeHasher)), passwordHash: 'x' };
    await store.commit([{ kind: 'user', expectVersion: null, next: user }], []);
    const policy = { limit: 5, lockMs: 15 * 60_000 };
    const account = { userId: user.id, deviceId: null };
    const gates = await Promise.all(Array.from({ length: 20 }, () => store.countSignInAttempt(account, NOW, policy)));
    expect(gates.filter((g) => g.allowed)).toHaveLength(5);
    expect(gates.filter((g) => g.lockedNow)).toEqual([
      { allowed: true, lockedNow: true, lockedUntil: '2016-03-31T09:15:00.000Z' },
    ]);
    expect(await store.getUser(user.id)).toMatchObject({ lockedUntil: '2016-03-31T09:15:00.000Z', version: 1 }); // not versioned
    // An edit made from the record read before the lock (an administrator renaming) keeps the lock.
    await store.commit([{ kind: 'user', expectVersion: 1, next: { ...user, name: 'Renamed', version: 2 } }], []);
    expect(await store.getUser(user.id)).toMatchObject({ name: 'Renamed', lockedUntil: '2016-03-31T09:15:00.000Z' });
    // A trusted device of the same account has its own count; clearing it leaves the account locked.
    const device = { userId: user.id, deviceId: 'nonce-1' };
    expect(await store.countSignInAttempt(device, NOW, policy)).toMatchObject({ allowed: true, lockedNow: false });
    await store.clearSignInFailures(device);
    expect((await store.countSignInAttempt(account, NOW, policy)).allowed).toBe(false);
    // After the lock, counting starts again; a success clears the account.
    expect((await store.countSignInAttempt(account, '2016-03-31T09:15:00.000Z', policy)).allowed).toBe(true);
    await store.clearSignInFailures(account);
    expect(await store.getUser(user.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect((await store.countSignInAttempt({ userId: 'nobody', deviceId: null }, NOW, policy)).allowed).toBe(false);
  });

  it('looks a session up with its user and the revision: what getSession, getUser and revision say now', async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    expect(await store.lookupSession('nothing')).toEqual({
      revision: await store.revision(),
      session: null,
      user: null,
    });
    const user = { ...(await newUserRecord({ ...userFields, now: NOW }, nodeHasher)), passwordHash: 'x' };
    await store.commit([{ kind: 'user', expectVersion: null, next: user }], []);
    const session = {
      id: 's1',
      userId: user.id,
      csrfToken: 'c',
      createdAt: NOW,
      lastSeenAt: NOW,
      ip: '::1',
      userAgent: 'u',
    };
    await store.createSession(session);
    expect(await store.lookupSession('s1')).toEqual({ revision: await store.revision(), session, user });
    // Each change is in the next lookup: a role change, a touch, a plan commit, the sign-out.
    await store.commit([{ kind: 'user', expectVersion: 1, next: { ...user, role: 'nisc_staff', version: 2 } }], []);
    await store.touchSession('s1', '2016-03-31T09:05:00.000Z');
    const x = (await store.snapshot()).assignments[0]!;
    await store.commit(
      [{ kind: 'assignment', expectVersion: x.version, next: { ...x, progress: 5, version: x.version + 1 } }],
      [audit('assignment.update')],
    );
    const next = await store.lookupSession('s1');
    expect(next.revision).toBe(await store.revision());
    expect(next.session?.lastSeenAt).toBe('2016-03-31T09:05:00.000Z');
    expect(next.user).toMatchObject({ role: 'nisc_staff', version: 2 });
    await store.deleteSession('s1');
    expect(await store.lookupSession('s1')).toMatchObject({ session: null, user: null });
  });

  it('keeps a server secret: random, created once, the same on every read', async () => {
    const store = await create();
    const first = await store.serverSecret('device-cookie');
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await store.serverSecret('device-cookie')).toBe(first);
    expect(await store.serverSecret('other')).not.toBe(first);
  });

  it("keeps a measure's fiscal-year targets with its version: replaced together, cleared, untouched by a stale write", async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    const m = (await store.snapshot()).measures[0]!;
    const targets = [
      { fy: 2015, percent: 30 },
      { fy: 2016, percent: 60 },
    ];
    await store.commit(
      [{ kind: 'measure', expectVersion: m.version, next: { ...m, fyTargets: targets, version: m.version + 1 } }],
      [audit('measure.fy_targets')],
    );
    expect((await store.snapshot()).measures[0]).toEqual({ ...m, fyTargets: targets, version: m.version + 1 });
    // A stale write changes neither the targets nor the version.
    await expect(
      store.commit(
        [
          {
            kind: 'measure',
            expectVersion: m.version,
            next: { ...m, fyTargets: [{ fy: 2016, percent: 10 }], version: m.version + 1 },
          },
        ],
        [],
      ),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect((await store.snapshot()).measures[0]!.fyTargets).toEqual(targets);
    await store.commit(
      [{ kind: 'measure', expectVersion: m.version + 1, next: { ...m, version: m.version + 2 } }],
      [audit('measure.fy_targets')],
    );
    expect((await store.snapshot()).measures[0]).toEqual({ ...m, version: m.version + 2 });
  });
});

describe('sqlite specifics', () => {
  it('runs in WAL mode with synchronous=FULL and foreign keys on', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
  });

  it('refuses to edit or delete audit events at the database level', async () => {
    const db = openDatabase(':memory:');
    await createSqliteStore(db).seed(seeds, reference, audit('seed'));
    expect(() => db.prepare(`UPDATE audit_events SET actor = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_events').run()).toThrow(/append-only/);
  });

  it('refuses a database from a newer build', async () => {
    const db = openDatabase(':memory:');
    db.pragma('user_version = 999');
    const { migrate } = await import('../src/server/store/sqlite');
    expect(() => migrate(db)).toThrow(/newer than this build/);
  });
});
