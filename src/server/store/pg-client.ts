import type pg from 'pg';
import { StoreUnavailableError } from './port';
import type { Row } from './sqlite-read';

/**
 * The PostgreSQL adapter's access to the database: parameterised queries, each a named prepared
 * statement (parsed and planned once per connection), and transactions at a chosen isolation level
 * that retry on a serialisation failure or deadlock. Losing the server (down, restarting, failing
 * over, no connection free in time) becomes StoreUnavailableError: 503 with Retry-After, not 500.
 */
export type Sql = {
  rows<R = Row>(text: string, values?: readonly unknown[]): Promise<R[]>;
  one<R = Row>(text: string, values?: readonly unknown[]): Promise<R | undefined>;
  /** Rows changed. */
  run(text: string, values?: readonly unknown[]): Promise<number>;
  /** Rows changed, by an unnamed statement: for text built at run time and run once. */
  once(text: string, values?: readonly unknown[]): Promise<number>;
};

export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

const names = new Map<string, string>();
/** The same text always gets the same statement name, so each connection prepares it once. */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `tracker_${names.size}`));
  return name;
}

/** SQLSTATE classes and client errors that mean "the server is not there", not "the query is wrong". */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (/^(08|57P0[1-4]|53300|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)/.test(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error|Connection closed|not queryable/i.test(
    error.message,
  );
}

const unavailable = (error: unknown): Error =>
  isUnavailable(error) ? new StoreUnavailableError(error) : error instanceof Error ? error : new Error(String(error));

export function sqlOn(client: pg.Pool | pg.PoolClient): Sql {
  const query = async (text: string, values: readonly unknown[] = [], named = true) => {
    try {
      return await client.query({ ...(named ? { name: statementName(text) } : {}), text, values: values as unknown[] });
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    rows: async <R>(text: string, values?: readonly unknown[]) => (await query(text, values)).rows as R[],
    one: async <R>(text: string, values?: readonly unknown[]) => (await query(text, values)).rows[0] as R | undefined,
    run: async (text: string, values?: readonly unknown[]) => (await query(text, values)).rowCount ?? 0,
    once: async (text: string, values?: readonly unknown[]) => (await query(text, values, false)).rowCount ?? 0,
  };
}

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
export async function transaction<T>(
  pool: pg.Pool,
  fn: (sql: Sql) => Promise<T>,
  isolation: Isolation = 'READ COMMITTED',
  readOnly = false,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw unavailable(error);
    }
    let broken = false;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}${readOnly ? ' READ ONLY' : ''}`);
      const result = await fn(sqlOn(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true; // the connection is gone: do not give it back to the pool
      }
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      if (RETRYABLE.has(code) && attempt < 5) continue;
      throw unavailable(error);
    } finally {
      client.release(broken);
    }
  }
}

/** Inserts `rows` (values in `columns` order) in multi-row statements of at most ~30,000 parameters. */
export async function insertMany(
  sql: Sql,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const per = Math.max(1, Math.floor(30_000 / columns.length));
  for (let at = 0; at < rows.length; at += per) {
    const chunk = rows.slice(at, at + per);
    const values = chunk.map((_, r) => `(${columns.map((_c, i) => `$${r * columns.length + i + 1}`).join(', ')})`);
    await sql.once(
      `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')}`,
      chunk.flat(),
    );
  }
}
