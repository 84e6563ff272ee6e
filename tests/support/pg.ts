import { afterAll, describe, it } from 'vitest';
import pg from 'pg';
import { openPgStore } from '@/server/store/pg';
import type { Store } from '@/server/store/port';

/**
 * The PostgreSQL suites read the server from PG_TEST_URL (`.ci/run` starts one with `.ci/postgres`
 * and sets it). Without it they are not run and say so; under CI (CI or PG_REQUIRED set) a missing
 * server fails them.
 */
export const PG_TEST_URL = process.env.PG_TEST_URL;

/** Registers, when PostgreSQL is missing, the notice (or, under CI, the failing test) for `suite`. */
export function requirePg(suite: string): boolean {
  if (PG_TEST_URL) return true;
  if (process.env.CI || process.env.PG_REQUIRED) {
    describe(suite, () => {
      it('needs a PostgreSQL server in PG_TEST_URL (CI runs .ci/postgres)', () => {
        throw new Error(`${suite}: PG_TEST_URL is not set; CI must provide PostgreSQL (.ci/postgres)`);
      });
    });
  } else {
    console.log(`${suite}: PostgreSQL suites NOT RUN: set PG_TEST_URL (see .ci/postgres) to run them`);
    // A file must hold a suite: the skipped one says in the report what was not run, and why.
    describe.skip(`${suite} (PostgreSQL suites not run: PG_TEST_URL is not set)`, () => {
      it('needs a PostgreSQL server in PG_TEST_URL', () => {});
    });
  }
  return false;
}

const opened: { store: Store; schema: string }[] = [];
let counter = 0;

/** A migrated, empty PostgreSQL store in a schema of its own, dropped after the file's tests. */
export async function freshPgStore(): Promise<Store> {
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const store = await openPgStore({ url: PG_TEST_URL!, schema, max: 4 });
  opened.push({ store, schema });
  return store;
}

/** The test schema's name of a store made by freshPgStore (for a second store on the same data). */
export function schemaOf(store: Store): string {
  return opened.find((o) => o.store === store)!.schema;
}

/** Runs `text` as the test role, outside any store (for tests that look at the database itself). */
export async function pgQuery<R extends pg.QueryResultRow>(schema: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: PG_TEST_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

if (PG_TEST_URL) {
  afterAll(async () => {
    const done = opened.splice(0);
    await Promise.allSettled(done.map((o) => o.store.close()));
    const client = new pg.Client({ connectionString: PG_TEST_URL });
    await client.connect();
    try {
      for (const { schema } of done) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await client.end();
    }
  });
}
