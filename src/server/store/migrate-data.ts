import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { MIGRATIONS } from './migrations';
import { PG_MIGRATIONS } from './pg-migrations';
import { createPool, migratePg } from './pg';
import { insertMany, sqlOn, transaction, type Sql } from './pg-client';

export type TableCheck = { table: string; rows: number; checksum: string; same: boolean };

/**
 * Tables of the SQLite file in the order they were created (each after the tables it refers to). A
 * virtual table (the FTS5 search index, migration 9) is read as the plain table PostgreSQL has under
 * its name; its shadow tables (measure_search_data, _idx, …) are FTS5's storage and are left out.
 */
function sqliteTables(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_master t WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
           AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'
                             AND t.name LIKE replace(v.name, '_', '\\_') || '\\_%' ESCAPE '\\')
         ORDER BY rowid`,
      )
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

type Column = { name: string; pk: number };
const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as Column[]).filter(Boolean);

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Order by primary key (SQLite BINARY = PostgreSQL "C" for text; numbers by value on both). */
const orderBy = (cols: Column[]) => {
  const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  return (pk.length ? pk : cols).map((c) => quote(c.name)).join(', ');
};

/** One row as text the same on both sides: numbers as decimals, null as null. */
const normal = (v: unknown) =>
  v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'bigint' ? String(v) : JSON.stringify(v);

function digest(rows: Iterable<unknown[]>): { rows: number; checksum: string } {
  const hash = createHash('sha256');
  let n = 0;
  for (const row of rows) {
    hash.update(JSON.stringify(row.map(normal)));
    hash.update('\n');
    n++;
  }
  return { rows: n, checksum: hash.digest('hex').slice(0, 16) };
}

async function pgDigest(sql: Sql, table: string, cols: Column[]) {
  const names = cols.map((c) => quote(c.name)).join(', ');
  const rows = await sql.rows<Record<string, unknown>>(
    `SELECT ${names} FROM ${quote(table)} ORDER BY ${orderBy(cols)}`,
  );
  return digest(rows.map((r) => cols.map((c) => r[c.name])));
}

/** PostgreSQL's identity columns (SQLite's rowids and max + 1 sequences), continued after the copied values. */
const IDENTITIES = [
  ['progress_events', 'id'],
  ['audit_events', 'id'],
  ['notifications', 'seq'],
  ['mail_jobs', 'seq'],
  ['mail_attempts', 'seq'],
] as const;

/**
 * Copies a SQLite tracker into an EMPTY PostgreSQL database (migrated to the same schema version)
 * in one transaction, then compares every table: row count and a checksum over its rows in key
 * order. The audit trail is copied with its ids; the append-only trigger stays on.
 */
export async function migrateData(fromPath: string, toUrl: string, log: (line: string) => void): Promise<TableCheck[]> {
  const db = new Database(fromPath, { readonly: true, fileMustExist: true });
  const pool: pg.Pool = createPool({ url: toUrl, max: 2 });
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== MIGRATIONS.length)
      throw new Error(
        `the SQLite file is at schema ${version}; start the server on it once to bring it to ${MIGRATIONS.length}`,
      );
    if (PG_MIGRATIONS.length !== MIGRATIONS.length)
      throw new Error(
        `this build has ${MIGRATIONS.length} SQLite migrations but ${PG_MIGRATIONS.length} PostgreSQL ones: add the missing PostgreSQL migrations first`,
      );
    await migratePg(pool);
    const tables = sqliteTables(db);
    const sql = sqlOn(pool);
    for (const table of tables) {
      const rows = Number((await sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table)}`))?.n);
      const expected = table === 'meta' ? 1 : 0; // the migrations' own revision row
      if (rows > expected) throw new Error(`the target database is not empty (${table} holds ${rows} rows)`);
    }
    // One snapshot of the file: every table read in the same read transaction.
    const read = db.transaction(() =>
      tables.map((table) => {
        const cols = columnsOf(db, table);
        const rows = db
          .prepare(`SELECT ${cols.map((c) => quote(c.name)).join(', ')} FROM ${quote(table)} ORDER BY rowid`)
          .raw()
          .all() as unknown[][];
        return { table, cols, rows };
      }),
    );
    const data = read();
    await transaction(pool, async (tx) => {
      await tx.run('SET CONSTRAINTS ALL DEFERRED');
      await tx.run('DELETE FROM meta');
      for (const { table, cols, rows } of data) {
        await insertMany(
          tx,
          quote(table),
          cols.map((c) => c.name),
          rows,
        );
        log(`copied ${table}: ${rows.length} rows`);
      }
      // Identity columns continue after the copied ids.
      for (const [table, column] of IDENTITIES)
        await tx.once(
          `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), GREATEST((SELECT max(${column}) FROM ${table}), 1), (SELECT count(*) > 0 FROM ${table}))`,
        );
    });
    const checks: TableCheck[] = [];
    for (const { table, cols, rows } of data) {
      const source = digest(rows.length ? sortLike(db, table, cols) : []);
      const target = await pgDigest(sql, table, cols);
      const same = source.rows === target.rows && source.checksum === target.checksum;
      checks.push({ table, rows: target.rows, checksum: target.checksum, same });
    }
    return checks;
  } finally {
    db.close();
    await pool.end();
  }
}

function sortLike(db: Database.Database, table: string, cols: Column[]): unknown[][] {
  return db
    .prepare(`SELECT ${cols.map((c) => quote(c.name)).join(', ')} FROM ${quote(table)} ORDER BY ${orderBy(cols)}`)
    .raw()
    .all() as unknown[][];
}
