import type Database from 'better-sqlite3';
import type { BackupRun } from '@/domain/contract';
import type { BackupsPort } from './backups-port';
import type { NewAuditEntry } from './port';

export type BackupRow = Record<string, string | number | null>;

export const BACKUP_COLUMNS = `slot, state, attempts, next_attempt_at, created_at, finished_at, file, bytes, verified,
  last_error, worker`;

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));

/** One row of backup_runs, as both adapters read it. */
export function toBackupRun(r: BackupRow): BackupRun {
  return {
    slot: String(r.slot),
    state: String(r.state) as BackupRun['state'],
    attempts: Number(r.attempts),
    nextAttemptAt: String(r.next_attempt_at),
    createdAt: String(r.created_at),
    finishedAt: s(r.finished_at),
    file: s(r.file),
    bytes: r.bytes === null || r.bytes === undefined ? null : Number(r.bytes),
    verified: s(r.verified),
    lastError: s(r.last_error),
    worker: s(r.worker),
  };
}

/** The finishing UPDATE's values for an outcome (shared with pg-backups.ts). */
export function finishValues(o: Parameters<BackupsPort['finishBackup']>[2], current: BackupRow) {
  return o.ok
    ? { state: 'done', nextAttemptAt: String(current.next_attempt_at), finishedAt: o.at, file: o.file, bytes: o.bytes }
    : {
        state: o.retryAt ? 'pending' : 'failed',
        nextAttemptAt: o.retryAt ?? String(current.next_attempt_at),
        finishedAt: o.retryAt ? null : o.at,
        file: null,
        bytes: null,
      };
}

/** Backup runs on SQLite (migration 11): the same statements as pg-backups.ts. */
export function sqliteBackups(db: Database.Database, audit: (e: NewAuditEntry) => void): BackupsPort {
  const q = {
    insert: db.prepare(
      `INSERT INTO backup_runs (slot, state, attempts, next_attempt_at, created_at) VALUES (?, 'pending', 0, ?, ?)
       ON CONFLICT (slot) DO NOTHING`,
    ),
    // The claim: one statement whose WHERE is the lease test on the row it updates.
    claim: db.prepare(
      `UPDATE backup_runs SET lease_owner = @worker, lease_until = @leaseUntil, worker = @worker
       WHERE slot = @slot AND state = 'pending' AND next_attempt_at <= @now
         AND (lease_until IS NULL OR lease_until <= @now)
       RETURNING ${BACKUP_COLUMNS}`,
    ),
    one: db.prepare(`SELECT ${BACKUP_COLUMNS} FROM backup_runs WHERE slot = ?`),
    finish: db.prepare(
      `UPDATE backup_runs SET state = @state, attempts = attempts + 1, next_attempt_at = @nextAttemptAt,
         finished_at = @finishedAt, file = @file, bytes = @bytes, verified = @verified, last_error = @lastError,
         lease_owner = NULL, lease_until = NULL
       WHERE slot = @slot AND lease_owner = @worker AND state = 'pending'`,
    ),
    list: db.prepare(`SELECT ${BACKUP_COLUMNS} FROM backup_runs ORDER BY slot DESC LIMIT ?`),
  };
  const claimTx = db.transaction((slot: string, worker: string, now: string, leaseUntil: string) => {
    q.insert.run(slot, now, now);
    return q.claim.get({ slot, worker, now, leaseUntil }) as BackupRow | undefined;
  });
  const finishTx = db.transaction(
    (slot: string, worker: string, o: Parameters<BackupsPort['finishBackup']>[2], entry: NewAuditEntry) => {
      const current = q.one.get(slot) as BackupRow | undefined;
      if (!current) return false;
      const changed = q.finish.run({
        slot,
        worker,
        ...finishValues(o, current),
        verified: o.ok ? o.verified : null,
        lastError: o.ok ? s(current.last_error) : o.error,
      }).changes;
      if (changed !== 1) return false;
      audit(entry);
      return true;
    },
  );
  const wrap = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    claimBackup: (slot, worker, now, leaseUntil) =>
      wrap(() => ((r) => (r ? toBackupRun(r) : null))(claimTx(slot, worker, now, leaseUntil))),
    finishBackup: (slot, worker, outcome, entry) => wrap(() => finishTx(slot, worker, outcome, entry)),
    listBackups: (limit) => wrap(() => (q.list.all(limit) as BackupRow[]).map(toBackupRun)),
  };
}
