import { z } from 'zod';

/**
 * Scheduled backups (issue 13): one run per slot (the scheduled time it stands for), taken by whichever
 * instance claims its lease first, verified, and kept as the record administrators read.
 */
export const BackupRunSchema = z.object({
  /** The scheduled time this backup stands for (ISO, UTC): one run per slot. */
  slot: z.string(),
  state: z.enum(['pending', 'done', 'failed']),
  attempts: z.int(),
  nextAttemptAt: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The backup's file name in BACKUP_DIR, once verified. */
  file: z.string().nullable(),
  bytes: z.int().nullable(),
  /** What the verification found (`integrity_check: ok`, `pg_restore --list: 212 entries`). */
  verified: z.string().nullable(),
  lastError: z.string().nullable(),
  /** The instance that took it (or last tried). */
  worker: z.string().nullable(),
});
export type BackupRun = z.infer<typeof BackupRunSchema>;

export const BackupListSchema = z.object({
  /** Whether this instance schedules backups (BACKUP_DIR set), and how. */
  schedule: z.object({ dir: z.string(), every: z.string(), keep: z.int() }).nullable(),
  items: z.array(BackupRunSchema),
});
export type BackupList = z.infer<typeof BackupListSchema>;
