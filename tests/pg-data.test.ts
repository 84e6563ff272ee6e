import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgStore } from '../src/server/store/pg';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { PG_TEST_URL, requirePg } from './support/pg';

/**
 * `npm run cli -- migrate-data` and `npm run cli -- backup` on PostgreSQL, as an operator runs them
 * (docs/deploy.md): a SQLite tracker with a scenario, an account and its audit trail copied into an
 * empty database and verified; that database backed up with pg_dump and restored with pg_restore.
 */
const dir = mkdtempSync(join(tmpdir(), 'pg-data-'));
const databases: string[] = [];

const cli = (args: string[], env: Record<string, string>, input?: string) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_TEST_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `t_data_${process.pid}_${databases.length}_${Date.now().toString(36)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  databases.push(name);
  return Object.assign(new URL(PG_TEST_URL!), { pathname: `/${name}` }).toString();
}

if (requirePg('postgres: migrate-data, backup and restore')) {
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await admin(async (c) => {
      for (const name of databases) await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  });

  describe('postgres: migrate-data, backup and restore', () => {
    it('copies a SQLite tracker into an empty database, verifies it, backs it up and restores it', async () => {
      const file = join(dir, 'tracker.db');
      const sqliteEnv = { DATABASE_URL: `file:${file}` };
      expect(cli(['scenario', 'load', 'sample'], sqliteEnv).status).toBe(0);
      const add = ['user', 'add', '--email', 'move@nisc.example.go.jp', '--name', 'Move', '--role', 'nisc_staff'];
      expect(cli(add, sqliteEnv, 'moving-house-2015-pg').status).toBe(0);
      const source = createSqliteStore(openDatabase(file));
      const expected = {
        snapshot: await source.snapshot(),
        audit: await source.listAudit({ limit: 1000, offset: 0 }),
        users: await source.listUsers(),
      };
      await source.close();

      const target = await freshDatabase();
      const moved = cli(['migrate-data', '--from', `file:${file}`, '--to', target], {});
      expect(moved.out).toMatch(/verified: \d+ tables, row counts and checksums equal/);
      expect(moved.out).toMatch(/ok +audit_events +\d+ rows/);
      expect(moved.status).toBe(0);
      // A second copy into the same (now full) database is refused and changes nothing.
      const again = cli(['migrate-data', '--from', `file:${file}`, '--to', target], {});
      expect(again.status).toBe(1);
      expect(again.out).toMatch(/not empty/);

      const check = async (url: string) => {
        const store = await openPgStore({ url, max: 2 });
        try {
          const snapshot = await store.snapshot();
          expect({ ...snapshot, revision: 0 }).toEqual({ ...expected.snapshot, revision: 0 });
          expect(await store.listAudit({ limit: 1000, offset: 0 })).toEqual(expected.audit);
          expect(await store.listUsers()).toEqual(expected.users);
        } finally {
          await store.close();
        }
      };
      await check(target);

      const dump = join(dir, 'tracker.dump');
      const backup = cli(['backup', dump], { DATABASE_URL: target });
      expect(backup.out).toMatch(/pg_dump custom format/);
      expect(backup.status).toBe(0);
      const restored = await freshDatabase();
      const restore = spawnSync('pg_restore', ['--no-owner', `--dbname=${restored}`, dump], { encoding: 'utf8' });
      expect(restore.stderr).toBe('');
      expect(restore.status).toBe(0);
      await check(restored);
      // The restored database is a working tracker: the CLI opens, migrates and reads it.
      expect(cli(['check'], { DATABASE_URL: restored }).out).toMatch(/258 measures/);
    }, 120_000);
  });
}
