import type { BackupRun } from '@/domain/contract';
import type { NewAuditEntry } from './port';

export type BackupOutcome =
  | { ok: true; at: string; file: string; bytes: number; verified: string }
  /** `retryAt` null: no more attempts, the run is failed. */
  | { ok: false; at: string; error: string; retryAt: string | null };

/**
 * Scheduled backups' runs (migration 11): one row per slot, which is also its lease. Several
 * instances on one database each ask to claim the current slot; one atomic statement gives it to
 * one of them, and a holder that died loses it when its lease runs out.
 */
export interface BackupsPort {
  /**
   * Makes the slot's run if there is none (pending, due at `now`) and takes it for `worker` until
   * `leaseUntil` if it is pending, due and its lease free or expired: one atomic UPDATE … WHERE (lease
   * expired) … RETURNING. Null when another holds it, it is done or failed, or its retry is not due.
   */
  claimBackup(slot: string, worker: string, now: string, leaseUntil: string): Promise<BackupRun | null>;
  /**
   * Records the attempt's outcome and its audit entry in one transaction, if `worker` still holds the
   * lease; false (nothing written) if it lost it.
   */
  finishBackup(slot: string, worker: string, outcome: BackupOutcome, audit: NewAuditEntry): Promise<boolean>;
  /** Newest slot first. */
  listBackups(limit: number): Promise<BackupRun[]>;
}
