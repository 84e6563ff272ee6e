import type { BackupRun } from '@/domain/contract';
import type { BackupsPort } from './backups-port';
import type { NewAuditEntry } from './port';

type Run = BackupRun & { leaseOwner: string | null; leaseUntil: string | null };

/** Backup runs in memory: the same contract as sqlite-backups.ts. */
export function memoryBackups(audit: (e: NewAuditEntry) => void): BackupsPort {
  const runs = new Map<string, Run>();
  const pub = ({ leaseOwner: _o, leaseUntil: _u, ...run }: Run): BackupRun => ({ ...run });
  return {
    claimBackup(slot, worker, now, leaseUntil) {
      if (!runs.has(slot))
        runs.set(slot, {
          slot,
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
          finishedAt: null,
          file: null,
          bytes: null,
          verified: null,
          lastError: null,
          worker: null,
          leaseOwner: null,
          leaseUntil: null,
        });
      const run = runs.get(slot)!;
      const free = run.leaseUntil === null || run.leaseUntil <= now;
      if (run.state !== 'pending' || run.nextAttemptAt > now || !free) return Promise.resolve(null);
      Object.assign(run, { leaseOwner: worker, leaseUntil, worker });
      return Promise.resolve(pub(run));
    },
    finishBackup(slot, worker, o, entry) {
      const run = runs.get(slot);
      if (!run || run.leaseOwner !== worker || run.state !== 'pending') return Promise.resolve(false);
      run.attempts += 1;
      run.leaseOwner = null;
      run.leaseUntil = null;
      if (o.ok)
        Object.assign(run, { state: 'done', finishedAt: o.at, file: o.file, bytes: o.bytes, verified: o.verified });
      else
        Object.assign(run, {
          state: o.retryAt ? 'pending' : 'failed',
          nextAttemptAt: o.retryAt ?? run.nextAttemptAt,
          finishedAt: o.retryAt ? null : o.at,
          lastError: o.error,
        });
      audit(entry);
      return Promise.resolve(true);
    },
    listBackups: (limit) =>
      Promise.resolve(
        [...runs.values()]
          .sort((a, b) => (a.slot < b.slot ? 1 : -1))
          .slice(0, limit)
          .map(pub),
      ),
  };
}
