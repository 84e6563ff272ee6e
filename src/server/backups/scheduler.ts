import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupRun } from '@/domain/contract';
import type { Clock } from '../clock';
import { backoffMs } from '../rounds/scheduler';
import type { NewAuditEntry, Store } from '../store/port';
import { BACKUP_FILE, backupFileName, slotAt, type BackupSchedule } from './schedule';
import { takeBackup, type BackupSource } from './take-backup';

/**
 * Scheduled backups inside the server (issue 13, decision record 021). Each tick asks the store for
 * the current slot's run under a lease; the instance that gets it takes the backup, verifies it,
 * keeps the newest `keep` files in `dir` and records the outcome (with its audit entry). A failure is
 * retried with back-off (1, 2, 4 … min) up to `maxAttempts`; a holder that died loses its lease.
 */
export type BackupSchedulerOptions = {
  store: Store;
  clock: Clock;
  source: BackupSource;
  dir: string;
  schedule: BackupSchedule;
  keep: number;
  worker?: string;
  leaseMs?: number;
  maxAttempts?: number;
  log?: (message: string, error?: unknown) => void;
};

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** Deletes all but the newest `keep` backups in `dir` (only files named as backups are touched). */
export function pruneBackups(dir: string, keep: number): string[] {
  const files = readdirSync(dir)
    .filter((f) => BACKUP_FILE.test(f))
    .sort()
    .reverse();
  const gone = files.slice(keep);
  for (const f of gone) rmSync(join(dir, f), { force: true });
  return gone;
}

export function createBackupScheduler(o: BackupSchedulerOptions) {
  const { store, clock } = o;
  const worker = o.worker ?? randomUUID();
  const leaseMs = o.leaseMs ?? 60 * 60_000;
  const maxAttempts = o.maxAttempts ?? 6;
  const log = o.log ?? (() => {});
  const entry = (slot: string, action: string, after: unknown): NewAuditEntry => ({
    at: clock.now(),
    actor: `scheduler:${worker}`,
    action,
    entity: 'backup',
    entityId: slot,
    before: undefined,
    after,
    requestId: null,
  });

  async function attempt(run: BackupRun): Promise<BackupRun['state']> {
    const name = backupFileName(run.slot, o.source.kind);
    try {
      mkdirSync(o.dir, { recursive: true });
      const taken = await takeBackup(o.source, join(o.dir, name));
      const pruned = pruneBackups(o.dir, o.keep);
      const result = { file: name, bytes: taken.bytes, verified: taken.verified };
      const kept = await store.finishBackup(
        run.slot,
        worker,
        { ok: true, at: clock.now(), ...result },
        entry(run.slot, 'backup.create', { ...result, pruned }),
      );
      if (!kept) log(`backup ${run.slot}: taken, but the lease was lost before it was recorded`);
      else log(`backup ${run.slot}: ${name}, ${taken.bytes} bytes, ${taken.verified}; pruned ${pruned.length}`);
      return 'done';
    } catch (error) {
      const attempts = run.attempts + 1;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const retryAt = attempts >= maxAttempts ? null : plus(clock.now(), backoffMs(attempts));
      log(`backup ${run.slot}: attempt ${attempts} failed${retryAt ? `, retry at ${retryAt}` : ', giving up'}`, error);
      await store.finishBackup(
        run.slot,
        worker,
        { ok: false, at: clock.now(), error: message, retryAt },
        entry(run.slot, 'backup.fail', { error: message, attempt: attempts, retryAt }),
      );
      return retryAt ? 'pending' : 'failed';
    }
  }

  /** Takes the current slot's backup if this instance gets its lease; the outcome, or null. */
  async function tick(): Promise<BackupRun['state'] | null> {
    const now = clock.now();
    const run = await store.claimBackup(slotAt(o.schedule, now), worker, now, plus(now, leaseMs));
    return run ? attempt(run) : null;
  }

  let running: Promise<unknown> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  return {
    worker,
    tick,
    /** Ticks now (a slot missed while no server ran is taken at once), then every `intervalMs`, never overlapping. */
    start(intervalMs = 60_000) {
      const beat = () => {
        if (running) return;
        running = tick()
          .catch((error: unknown) => log('backup tick failed', error))
          .finally(() => (running = null));
      };
      timer = setInterval(beat, intervalMs);
      timer.unref();
      beat();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
export type BackupScheduler = ReturnType<typeof createBackupScheduler>;
