import { execFile } from 'node:child_process';
import { renameSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isPostgresUrl } from '../store/open';

/**
 * A consistent online backup of the tracker's database, written beside its final name and moved
 * there only once verified: SQLite through its online backup API (from a connection of its own, so
 * the server keeps writing) and `PRAGMA integrity_check`; PostgreSQL through `pg_dump -Fc` and
 * `pg_restore --list` (the archive is whole and names the tables). Used by the CLI and the scheduler.
 */
export type BackupSource = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; schema?: string };

/** What a backup of DATABASE_URL copies: the SQLite file, or the PostgreSQL database. */
export function backupSource(url: string): BackupSource {
  return isPostgresUrl(url) ? { kind: 'postgres', url } : { kind: 'sqlite', path: url.replace(/^file:/, '') };
}

export type TakenBackup = { file: string; bytes: number; verified: string };

/** Runs a program without blocking the server's event loop; rejects with its standard error. */
function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new Error(
          missing
            ? `${program} could not run: install PostgreSQL's client tools`
            : `${program} failed: ${stderr.trim().slice(0, 400) || error.message}`,
        ),
      );
    });
  });
}

/** The URL without its password (which `ps` would show) and the environment that carries it. */
function pgConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** pg_dump of the database (or one schema of it) in custom format: compressed, restorable table by table. */
export async function pgDump(url: string, file: string, schema?: string): Promise<void> {
  const { dbname, env } = pgConnection(url);
  const only = schema ? [`--schema=${schema}`] : [];
  await run('pg_dump', ['--format=custom', '--no-owner', ...only, `--file=${file}`, `--dbname=${dbname}`], env);
}

async function verifyPg(file: string): Promise<string> {
  const list = await run('pg_restore', ['--list', file], process.env);
  const entries = list.split('\n').filter((l) => l.trim() && !l.startsWith(';'));
  for (const table of ['measures', 'audit_events'])
    if (!entries.some((l) => l.includes('TABLE DATA') && l.includes(` ${table} `)))
      throw new Error(`pg_restore --list: the archive holds no data for ${table}`);
  return `pg_restore --list: ${entries.length} entries`;
}

/** A single self-contained file (no WAL beside it), then checked page by page. */
function verifySqlite(file: string): string {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') throw new Error(`integrity_check: ${integrity.slice(0, 400)}`);
    const measures = Number(db.prepare('SELECT count(*) FROM measures').pluck().get());
    return `integrity_check: ok; ${measures} measures`;
  } finally {
    db.close();
  }
}

/** Takes and verifies a backup into `file`; nothing is left at `file` unless it verified. */
export async function takeBackup(source: BackupSource, file: string): Promise<TakenBackup> {
  const partial = `${file}.partial`;
  try {
    let verified: string;
    if (source.kind === 'sqlite') {
      const db = new Database(source.path, { readonly: true, fileMustExist: true });
      try {
        await db.backup(partial);
      } finally {
        db.close();
      }
      verified = verifySqlite(partial);
    } else {
      await pgDump(source.url, partial, source.schema);
      verified = await verifyPg(partial);
    }
    renameSync(partial, file);
    return { file, bytes: statSync(file).size, verified };
  } finally {
    rmSync(partial, { force: true });
  }
}
