import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from './port';
import { openPgStore } from './pg';
import { createSqliteStore, openDatabase } from './sqlite';

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

/** Where a store lives, for logs: the file, or the server and database without the password. */
export function describeDatabase(url: string): string {
  if (!isPostgresUrl(url)) return url.replace(/^file:/, '');
  const u = new URL(url);
  return `postgres://${u.username ? `${u.username}@` : ''}${u.host}${u.pathname}`;
}

/** DATABASE_URL → the store: `file:…` SQLite (created if missing), `postgres://…` PostgreSQL. */
export async function openStore(url: string, options: { poolSize?: number } = {}): Promise<Store> {
  if (isPostgresUrl(url)) return openPgStore({ url, max: options.poolSize });
  const path = url.replace(/^file:/, '');
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return createSqliteStore(openDatabase(path));
}
