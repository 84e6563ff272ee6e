import { mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, seedIfEmpty } from './bootstrap';
import { USER_USAGE, userCommand } from './cli-users';
import { seedSynthetic } from './synthetic';
import { systemClock } from './clock';
import { databasePath, parseEnv } from './env';
import { backupSource, takeBackup } from './backups/take-backup';
import { createSqliteStore, openDatabase } from './store/sqlite';
import { migrateData } from './store/migrate-data';
import { describeDatabase, isPostgresUrl, openStore } from './store/open';
import { PG_MIGRATIONS } from './store/pg-migrations';

const USAGE = `usage: npm run cli -- <command>

  seed                     load the strategy from seeds/ into an empty database
  seed synthetic --measures N --ministries M --years Y
                           fill an EMPTY database with a generated plan of that size (benchmarks only)
  scenario list            list the sample scenarios loaded into the database
  scenario load NAME       load seeds/scenarios/NAME.json (clearly labelled sample progress)
  backup FILE              consistent online backup of the database to FILE (SQLite: a database file;
                           PostgreSQL: pg_dump's custom format, restored with pg_restore: docs/deploy.md)
  check                    SQLite: PRAGMA integrity_check and foreign_key_check; PostgreSQL: schema version
  migrate-data --from file:PATH --to postgres://…
                           copy a SQLite tracker into an EMPTY PostgreSQL database and verify every
                           table (row count and checksum)
${USER_USAGE}

The database is DATABASE_URL (default file:data/tracker.db; postgres://… for PostgreSQL).`;

const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seeds/scenarios');

async function main(args: string[]): Promise<number> {
  const [command, sub, arg] = args;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'migrate-data') return migrateDataCommand(args.slice(1));
  const url = parseEnv(process.env).DATABASE_URL;
  const path = describeDatabase(url);
  const postgres = isPostgresUrl(url);
  if (!postgres) mkdirSync(dirname(databasePath(url)), { recursive: true });
  const db = postgres ? null : openDatabase(databasePath(url));
  const store = db ? createSqliteStore(db) : await openStore(url, { poolSize: 2 });
  try {
    switch (command) {
      case 'seed': {
        if (sub === 'synthetic') {
          const { values } = parseArgs({
            args: args.slice(2),
            options: { measures: { type: 'string' }, ministries: { type: 'string' }, years: { type: 'string' } },
          });
          const n = (v: string | undefined, d: number) => (v === undefined ? d : Math.max(1, Math.floor(Number(v))));
          const t0 = Date.now();
          const r = await seedSynthetic(store, systemClock, {
            measures: n(values.measures, 5000),
            ministries: n(values.ministries, 20),
            years: n(values.years, 5),
          });
          console.log(
            `synthetic plan: ${r.measures} measures, ${r.events} updates, ${r.submissions} pending submissions in ${Date.now() - t0} ms → ${path}`,
          );
          return 0;
        }
        const result = await seedIfEmpty(store, systemClock);
        console.log(
          result.seeded
            ? `seeded ${result.measures} measures into ${path}`
            : `${path} already holds a plan; nothing changed`,
        );
        return 0;
      }
      case 'scenario': {
        if (sub === 'list') {
          for (const s of await store.scenarios()) console.log(`${s.id}\t${s.label.ja}\t${s.loadedAt}`);
          return 0;
        }
        if (sub === 'load' && arg && /^[a-z0-9-]+$/.test(arg)) {
          await seedIfEmpty(store, systemClock);
          const raw: unknown = JSON.parse(readFileSync(resolve(SCENARIO_DIR, `${arg}.json`), 'utf8'));
          const scenario = await loadScenario(store, systemClock, raw, 'cli');
          console.log(`loaded sample scenario "${scenario.label.ja}" (${scenario.events.length} updates) into ${path}`);
          return 0;
        }
        break;
      }
      case 'user': {
        await seedIfEmpty(store, systemClock);
        const code = await userCommand(store, systemClock, args.slice(1));
        if (code !== 2) return code;
        break;
      }
      case 'backup': {
        if (!sub) break;
        mkdirSync(dirname(resolve(sub)), { recursive: true });
        const taken = await takeBackup(backupSource(url), sub);
        const format = db ? 'SQLite database file' : 'pg_dump custom format; restore: pg_restore, docs/deploy.md';
        console.log(`backed up ${path} to ${sub} (${taken.bytes} bytes, ${format}; verified: ${taken.verified})`);
        return 0;
      }
      case 'check': {
        if (!db) {
          // openStore has applied the migrations; reading the plan runs every table's main query.
          const snapshot = await store.snapshot();
          console.log(
            `schema ${PG_MIGRATIONS.length}; ${snapshot.measures.length} measures, revision ${snapshot.revision}`,
          );
          return 0;
        }
        const integrity = db.pragma('integrity_check', { simple: true });
        const fk = db.pragma('foreign_key_check') as unknown[];
        console.log(`integrity_check: ${String(integrity)}; foreign key problems: ${fk.length}`);
        return integrity === 'ok' && fk.length === 0 ? 0 : 1;
      }
    }
    console.error(USAGE);
    return 2;
  } finally {
    await store.close();
  }
}

async function migrateDataCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (!values.from?.startsWith('file:') || !values.to || !isPostgresUrl(values.to)) {
    console.error('usage: npm run cli -- migrate-data --from file:data/tracker.db --to postgres://user:pw@host/db');
    return 2;
  }
  const checks = await migrateData(databasePath(values.from), values.to, (line) => console.log(line));
  for (const c of checks)
    console.log(`${c.same ? 'ok  ' : 'DIFF'} ${c.table.padEnd(20)} ${String(c.rows).padStart(8)} rows  ${c.checksum}`);
  const bad = checks.filter((c) => !c.same);
  console.log(
    bad.length
      ? `verification FAILED for ${bad.map((c) => c.table).join(', ')}`
      : `verified: ${checks.length} tables, row counts and checksums equal (audit trail: ${checks.find((c) => c.table === 'audit_events')?.rows ?? 0} entries)`,
  );
  return bad.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
