import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../src/server/store/memory';
import type { NewAuditEntry, Store } from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { freshPgStore, requirePg } from './support/pg';

/**
 * The scheduled backups' part of the store contract (issue 13, decision record 021), on every adapter:
 * one run per slot, its lease taken by one worker at a time and taken over once expired, finished only
 * by its holder (with its audit entry), retried when due, and a failed run left alone.
 */
const adapters: [string, () => Store | Promise<Store>][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
  ...(requirePg('backups store contract: postgres')
    ? [['postgres', freshPgStore] as [string, () => Promise<Store>]]
    : []),
];

const SLOT = '2016-03-30T18:00:00.000Z';
const T0 = '2016-03-30T18:00:30.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const audit = (action: string): NewAuditEntry => ({
  at: T0,
  actor: 'scheduler:t',
  action,
  entity: 'backup',
  entityId: SLOT,
  before: undefined,
  after: { n: 1 },
  requestId: null,
});
const done = { ok: true as const, at: at(1), file: 'tracker-20160330T180000Z.db', bytes: 4096, verified: 'ok' };

describe.each(adapters)('backups store contract: %s', (_name, make) => {
  it('gives a slot to one worker, to another once the lease expires, and lets only the holder finish', async () => {
    const store = await make();
    expect(await store.claimBackup(SLOT, 'A', T0, at(10))).toMatchObject({ slot: SLOT, state: 'pending', attempts: 0 });
    expect(await store.claimBackup(SLOT, 'B', at(5), at(15))).toBeNull(); // A holds it
    expect(await store.claimBackup(SLOT, 'B', at(10), at(20))).toMatchObject({ worker: 'B' }); // expired
    expect(await store.finishBackup(SLOT, 'A', done, audit('backup.create'))).toBe(false);
    expect((await store.listAudit({ limit: 10, offset: 0, entity: 'backup' })).total).toBe(0);
    expect(await store.finishBackup(SLOT, 'B', done, audit('backup.create'))).toBe(true);
    expect(await store.listBackups(10)).toEqual([
      expect.objectContaining({ slot: SLOT, state: 'done', attempts: 1, file: done.file, bytes: 4096, worker: 'B' }),
    ]);
    expect(await store.claimBackup(SLOT, 'C', at(60), at(70))).toBeNull(); // done: never taken again
    const trail = await store.listAudit({ limit: 10, offset: 0, entity: 'backup' });
    expect(trail.items.map((e) => [e.action, e.entityId])).toEqual([['backup.create', SLOT]]);
  });

  it('retries a failed attempt once due, and leaves a run that gave up', async () => {
    const store = await make();
    await store.claimBackup(SLOT, 'A', T0, at(10));
    const fail = (retryAt: string | null) => ({ ok: false as const, at: at(1), error: 'disk full', retryAt });
    expect(await store.finishBackup(SLOT, 'A', fail(at(2)), audit('backup.fail'))).toBe(true);
    expect(await store.claimBackup(SLOT, 'A', at(1), at(11))).toBeNull(); // backing off
    expect(await store.claimBackup(SLOT, 'B', at(2), at(12))).toMatchObject({ attempts: 1, lastError: 'disk full' });
    expect(await store.finishBackup(SLOT, 'B', fail(null), audit('backup.fail'))).toBe(true);
    expect(await store.claimBackup(SLOT, 'A', at(600), at(610))).toBeNull();
    const [run] = await store.listBackups(10);
    expect(run).toMatchObject({ state: 'failed', attempts: 2, lastError: 'disk full', finishedAt: at(1), file: null });
    // Another slot is a run of its own, listed newest first.
    const next = '2016-03-31T18:00:00.000Z';
    expect(await store.claimBackup(next, 'A', next, at(2000))).toMatchObject({ slot: next });
    expect((await store.listBackups(10)).map((r) => r.slot)).toEqual([next, SLOT]);
  });
});
