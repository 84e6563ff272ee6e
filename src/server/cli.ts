import { mkdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario, seedIfEmpty } from './bootstrap';
import { USER_USAGE, userCommand } from './cli-users';
import { seedSynthetic } from './synthetic';
import { systemClock } from './clock';
import { databasePath, parseEnv } from './env';
import { createSqliteStore, openDatabase } from './store/sqlite';

const USAGE = `usage: npm run cli -- <command>

  seed                     load the strategy from seeds/ into an empty database
  seed synthetic --measures N --ministries M --years Y
                           fill an EMPTY database with a generated plan of that size (benchmarks only)
  scenario list            list the sample scenarios loaded into the database
  scenario load NAME       load seeds/scenarios/NAME.json (clearly labelled sample progress)
  backup FILE              consistent online backup of the database to FILE
  check                    PRAGMA integrity_check and foreign_key_check
${USER_USAGE}

The database is DATABASE_URL (default file:data/tracker.db).`;

const SCENARIO_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../seeds/scenarios');

async function main(args: string[]): Promise<number> {
  const [command, sub, arg] = args;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const path = databasePath(parseEnv(process.env).DATABASE_URL);
  mkdirSync(dirname(path), { recursive: true });
  const db = openDatabase(path);
  const store = createSqliteStore(db);
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
        const { totalPages } = await db.backup(sub);
        console.log(`backed up ${path} to ${sub} (${totalPages} pages)`);
        return 0;
      }
      case 'check': {
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
