import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackupScheduler } from '@/server/backups/scheduler';
import { parseSchedule, type BackupSchedule } from '@/server/backups/schedule';
import { seedIfEmpty } from '@/server/bootstrap';
import { mutableClock, type MutableClock } from '@/server/clock';
import type { Store } from '@/server/store/port';
import { createSqliteStore, openDatabase } from '@/server/store/sqlite';
import { createWorld, json } from './support/world';

/**
 * Scheduled backups (issue 13, decision record 021) on a real SQLite file with an injected clock: two
 * schedulers on one database take one backup per slot, a dead holder's lease expires, a failure is
 * retried with back-off, retention keeps the newest files, and administrators read the record.
 */
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'backups-test-'));
  dirs.push(d);
  return d;
};
const stores: Store[] = [];
afterAll(async () => {
  await Promise.allSettled(stores.map((s) => s.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const EVERY_HOUR: BackupSchedule = parseSchedule('1h', undefined);
const LEASE = 30 * 60_000;

async function sqliteWorld(schedule = EVERY_HOUR, keep = 3) {
  const dir = temp();
  const path = join(dir, 'tracker.db');
  const clock: MutableClock = mutableClock('2016-03-31T00:10:00.000Z');
  const open = () => {
    const s = createSqliteStore(openDatabase(path));
    stores.push(s);
    return s;
  };
  const store = open();
  await seedIfEmpty(store, clock);
  const out = join(dir, 'backups');
  const scheduler = (s: Store, worker: string) =>
    createBackupScheduler({
      store: s,
      clock,
      source: { kind: 'sqlite', path },
      dir: out,
      schedule,
      keep,
      worker,
      leaseMs: LEASE,
    });
  return { store, open, clock, out, scheduler };
}

const backupFiles = (dir: string) => readdirSync(dir).filter((f) => !f.endsWith('.partial'));

describe('scheduled backups on SQLite', () => {
  it('two schedulers on one database take one verified backup per slot, named with its time', async () => {
    const w = await sqliteWorld();
    const a = w.scheduler(w.store, 'A');
    const b = w.scheduler(w.open(), 'B');
    const outcomes = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o === null)).toHaveLength(3);
    expect(backupFiles(w.out)).toEqual(['tracker-20160331T000000Z.db']);
    const copy = new Database(join(w.out, 'tracker-20160331T000000Z.db'), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM measures').pluck().get()).toBe(258);
    copy.close();
    // Later in the same slot: nothing; the next slot: one more.
    w.clock.advance(40 * 60_000);
    expect(await Promise.all([a.tick(), b.tick()])).toEqual([null, null]);
    w.clock.advance(20 * 60_000);
    expect((await Promise.all([b.tick(), a.tick()])).filter((o) => o === 'done')).toHaveLength(1);
    const runs = await w.store.listBackups(10);
    expect(runs.map((r) => [r.slot, r.state, r.file])).toEqual([
      ['2016-03-31T01:00:00.000Z', 'done', 'tracker-20160331T010000Z.db'],
      ['2016-03-31T00:00:00.000Z', 'done', 'tracker-20160331T000000Z.db'],
    ]);
    expect(runs[0]!.verified).toMatch(/^integrity_check: ok; 258 measures$/);
    const trail = await w.store.listAudit({ limit: 10, offset: 0, entity: 'backup' });
    expect(trail.items.map((e) => e.action)).toEqual(['backup.create', 'backup.create']);
  });

  it('takes over the slot of a holder that died once its lease expires', async () => {
    const w = await sqliteWorld();
    const now = w.clock.now();
    // An instance claimed the slot and was killed before it finished.
    await w.store.claimBackup('2016-03-31T00:00:00.000Z', 'dead', now, new Date(Date.parse(now) + LEASE).toISOString());
    const live = w.scheduler(w.open(), 'live');
    expect(await live.tick()).toBeNull();
    w.clock.advance(LEASE - 1000);
    expect(await live.tick()).toBeNull();
    w.clock.advance(1000);
    expect(await live.tick()).toBe('done');
    expect(await w.store.listBackups(1)).toEqual([expect.objectContaining({ state: 'done', worker: 'live' })]);
  });

  it('retries a failed backup with back-off, reports the error, and keeps only the newest files', async () => {
    const w = await sqliteWorld(EVERY_HOUR, 2);
    writeFileSync(w.out, 'not a folder'); // BACKUP_DIR is a file: the backup cannot be written
    const s = w.scheduler(w.store, 'A');
    expect(await s.tick()).toBe('pending');
    const [failed] = await w.store.listBackups(1);
    expect(failed).toMatchObject({ state: 'pending', attempts: 1, file: null });
    expect(failed!.lastError).toMatch(/EEXIST|ENOTDIR/);
    expect(failed!.nextAttemptAt).toBe('2016-03-31T00:11:00.000Z'); // 1 minute
    const fail = await w.store.listAudit({ limit: 10, offset: 0, action: 'backup.fail' });
    expect(fail.items[0]!.after).toMatchObject({ attempt: 1, retryAt: '2016-03-31T00:11:00.000Z' });
    expect(await s.tick()).toBeNull(); // backing off
    rmSync(w.out);
    w.clock.advance(60_000);
    expect(await s.tick()).toBe('done');
    expect(await w.store.listBackups(1)).toEqual([expect.objectContaining({ state: 'done', attempts: 2 })]);
    // Three more hourly slots with BACKUP_KEEP=2: the two newest stay; other files in the folder stay too.
    writeFileSync(join(w.out, 'notes.txt'), 'kept');
    for (let i = 0; i < 3; i++) {
      w.clock.advance(60 * 60_000);
      expect(await s.tick()).toBe('done');
    }
    expect(backupFiles(w.out).sort()).toEqual([
      'notes.txt',
      'tracker-20160331T020000Z.db',
      'tracker-20160331T030000Z.db',
    ]);
    expect((await w.store.listAudit({ limit: 1, offset: 0, action: 'backup.create' })).items[0]!.after).toMatchObject({
      pruned: ['tracker-20160331T010000Z.db'],
    });
  });

  it('gives up after the last attempt and records the run as failed', async () => {
    const w = await sqliteWorld();
    writeFileSync(w.out, 'not a folder');
    const s = createBackupScheduler({
      store: w.store,
      clock: w.clock,
      source: { kind: 'sqlite', path: join(w.out, '..', 'tracker.db') },
      dir: w.out,
      schedule: EVERY_HOUR,
      keep: 3,
      maxAttempts: 2,
    });
    expect(await s.tick()).toBe('pending');
    w.clock.advance(60_000);
    expect(await s.tick()).toBe('failed');
    w.clock.advance(10 * 60_000);
    expect(await s.tick()).toBeNull();
    expect(await w.store.listBackups(1)).toEqual([expect.objectContaining({ state: 'failed', attempts: 2 })]);
  });
});

describe('GET /api/admin/backups', () => {
  it('shows administrators the schedule and every run', async () => {
    const w = await createWorld({ config: { backups: { dir: '/var/backups/tracker', every: 'every 6h', keep: 14 } } });
    await w.store.claimBackup('2016-03-31T00:00:00.000Z', 'A', '2016-03-31T00:00:01.000Z', '2016-03-31T01:00:00.000Z');
    const admin = await w.as('admin');
    const body = await json<{ schedule: unknown; items: { slot: string; state: string }[] }>(
      await admin.get('/api/admin/backups'),
    );
    expect(body.schedule).toEqual({ dir: '/var/backups/tracker', every: 'every 6h', keep: 14 });
    expect(body.items).toEqual([expect.objectContaining({ slot: '2016-03-31T00:00:00.000Z', state: 'pending' })]);
    expect((await (await w.as('staff')).get('/api/admin/backups')).status).toBe(403);
  });
});
