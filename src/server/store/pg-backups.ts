import type pg from 'pg';
import type { BackupsPort } from './backups-port';
import { transaction, type Sql } from './pg-client';
import type { NewAuditEntry } from './port';
import { BACKUP_COLUMNS, finishValues, toBackupRun, type BackupRow } from './sqlite-backups';

/**
 * Backup runs on PostgreSQL (migration 11), statement for statement as sqlite-backups.ts. The claim
 * is one UPDATE whose WHERE repeats the lease test on the row it updates: of several instances
 * asking at once, the row lock makes the others re-check it and find the lease taken.
 */
export function pgBackups(
  pool: pg.Pool,
  sql: Sql,
  insertAudit: (q: Sql, e: NewAuditEntry) => Promise<number>,
): BackupsPort {
  return {
    async claimBackup(slot, worker, now, leaseUntil) {
      await sql.run(
        `INSERT INTO backup_runs (slot, state, attempts, next_attempt_at, created_at) VALUES ($1, 'pending', 0, $2, $2)
         ON CONFLICT (slot) DO NOTHING`,
        [slot, now],
      );
      const row = await sql.one<BackupRow>(
        `UPDATE backup_runs SET lease_owner = $2, lease_until = $3, worker = $2
         WHERE slot = $1 AND state = 'pending' AND next_attempt_at <= $4
           AND (lease_until IS NULL OR lease_until <= $4)
         RETURNING ${BACKUP_COLUMNS}`,
        [slot, worker, leaseUntil, now],
      );
      return row ? toBackupRun(row) : null;
    },
    finishBackup: (slot, worker, o, entry) =>
      transaction(pool, async (q) => {
        const current = await q.one<BackupRow>(`SELECT ${BACKUP_COLUMNS} FROM backup_runs WHERE slot = $1`, [slot]);
        if (!current) return false;
        const v = finishValues(o, current);
        const changed = await q.run(
          `UPDATE backup_runs SET state = $3, attempts = attempts + 1, next_attempt_at = $4, finished_at = $5,
             file = $6, bytes = $7, verified = $8, last_error = $9, lease_owner = NULL, lease_until = NULL
           WHERE slot = $1 AND lease_owner = $2 AND state = 'pending'`,
          [
            slot,
            worker,
            v.state,
            v.nextAttemptAt,
            v.finishedAt,
            v.file,
            v.bytes,
            o.ok ? o.verified : null,
            o.ok ? (current.last_error ?? null) : o.error,
          ],
        );
        if (changed !== 1) return false;
        await insertAudit(q, entry);
        return true;
      }),
    listBackups: async (limit) =>
      (await sql.rows<BackupRow>(`SELECT ${BACKUP_COLUMNS} FROM backup_runs ORDER BY slot DESC LIMIT $1`, [limit])).map(
        toBackupRun,
      ),
  };
}
