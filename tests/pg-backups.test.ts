import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackupScheduler } from '@/server/backups/scheduler';
import { parseSchedule } from '@/server/backups/schedule';
import { seedIfEmpty } from '@/server/bootstrap';
import { mutableClock } from '@/server/clock';
import { openPgStore } from '@/server/store/pg';
import type { Store } from '@/server/store/port';
import { freshPgStore, PG_TEST_URL, requirePg, schemaOf } from './support/pg';

/**
 * Scheduled backups on PostgreSQL (issue 13, decision record 021): instances on one database, each
 * with its own scheduler, take one pg_dump per slot between them (verified by pg_restore --list); a
 * lease held by an instance that died expires; retention keeps the newest.
 */
if (requirePg('scheduled backups: postgres')) {
  const dir = mkdtempSync(join(tmpdir(), 'pg-backups-test-'));
  const others: Store[] = [];
  afterAll(async () => {
    await Promise.allSettled(others.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  describe('scheduled backups: postgres', () => {
    it('three instances take one backup per slot; a dead holder’s lease expires; the newest are kept', async () => {
      const clock = mutableClock('2016-03-31T00:10:00.000Z');
      const first = await freshPgStore();
      await seedIfEmpty(first, clock);
      const schema = schemaOf(first);
      const instances = [first];
      for (let i = 0; i < 2; i++) {
        const s = await openPgStore({ url: PG_TEST_URL!, schema, max: 2 });
        others.push(s);
        instances.push(s);
      }
      const out = join(dir, 'backups');
      const schedulers = instances.map((store, i) =>
        createBackupScheduler({
          store,
          clock,
          source: { kind: 'postgres', url: PG_TEST_URL!, schema },
          dir: out,
          schedule: parseSchedule('1h', undefined),
          keep: 2,
          worker: `instance-${i}`,
          leaseMs: 30 * 60_000,
        }),
      );
      const tickAll = () => Promise.all(schedulers.flatMap((s) => [s.tick(), s.tick()]));

      const firstSlot = await tickAll();
      expect(firstSlot.filter((o) => o === 'done')).toHaveLength(1);
      expect(firstSlot.filter((o) => o === null)).toHaveLength(5);
      expect(readdirSync(out)).toEqual(['tracker-20160331T000000Z.dump']);
      const list = execFileSync('pg_restore', ['--list', join(out, 'tracker-20160331T000000Z.dump')], {
        encoding: 'utf8',
      });
      expect(list).toMatch(/TABLE DATA \S+ measures /);
      expect(list).toMatch(/TABLE DATA \S+ backup_runs /);

      // The next slot is claimed by an instance that then dies (kill -9: no finish, the lease stays).
      clock.set('2016-03-31T01:00:05.000Z');
      await instances[2]!.claimBackup('2016-03-31T01:00:00.000Z', 'killed', clock.now(), '2016-03-31T01:30:05.000Z');
      expect(await tickAll()).toEqual([null, null, null, null, null, null]);
      clock.set('2016-03-31T01:30:05.000Z');
      expect((await tickAll()).filter((o) => o === 'done')).toHaveLength(1);

      clock.set('2016-03-31T02:00:00.000Z');
      expect((await tickAll()).filter((o) => o === 'done')).toHaveLength(1);
      expect(readdirSync(out).sort()).toEqual(['tracker-20160331T010000Z.dump', 'tracker-20160331T020000Z.dump']);
      const runs = await instances[1]!.listBackups(10);
      expect(runs.map((r) => [r.slot, r.state, r.attempts])).toEqual([
        ['2016-03-31T02:00:00.000Z', 'done', 1],
        ['2016-03-31T01:00:00.000Z', 'done', 1],
        ['2016-03-31T00:00:00.000Z', 'done', 1],
      ]);
      expect(runs[1]!.worker).not.toBe('killed');
      expect(runs[0]!.verified).toMatch(/^pg_restore --list: \d+ entries$/);
      const trail = await first.listAudit({ limit: 10, offset: 0, entity: 'backup' });
      expect(trail.items.map((e) => e.action)).toEqual(['backup.create', 'backup.create', 'backup.create']);
    });
  });
}
