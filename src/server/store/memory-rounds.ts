import {
  countRows,
  type MailJob,
  type Notification,
  type NotificationSettings,
  type Round,
  type RoundRow,
} from '@/domain/rounds';
import type { RoundChange, RoundsPort } from './rounds-port';

type JobRecord = MailJob & { key: string; leaseOwner: string | null; leaseUntil: string | null };

/** The in-memory adapter's rounds, notifications and mail jobs: the same contract as sqlite-rounds.ts. */
export function memoryRounds() {
  const rounds = new Map<string, Round>();
  const rows = new Map<string, RoundRow>();
  const rowOrder = new Map<string, string[]>();
  const notifications: (Notification & { mailJobId: string | null })[] = [];
  const settings = new Map<string, NotificationSettings>();
  const jobs: JobRecord[] = [];
  const clone = <T>(v: T): T => structuredClone(v);
  const publicJob = ({ key: _k, leaseOwner: _o, leaseUntil: _u, ...job }: JobRecord): MailJob => clone(job);

  /** The stored version a versioned change expects, or undefined; null for the kinds inserted once per key. */
  function find(c: RoundChange): { version: number } | undefined | null {
    if (c.kind === 'round') return rounds.get(c.next.id);
    if (c.kind === 'roundRow') return rows.get(c.next.id);
    return null;
  }
  /** Whether a `roundRows` insert would clash with rows already there. */
  const rowsClash = (c: RoundChange) => c.kind === 'roundRows' && c.rows.some((r) => rows.has(r.id));

  function apply(c: RoundChange): void {
    switch (c.kind) {
      case 'round':
        rounds.set(c.next.id, clone(c.next));
        return;
      case 'roundRows':
        for (const r of c.rows) {
          rows.set(r.id, clone(r));
          rowOrder.set(r.roundId, [...(rowOrder.get(r.roundId) ?? []), r.id]);
        }
        return;
      case 'roundRow':
        rows.set(c.next.id, clone(c.next));
        return;
      case 'notification':
        if (!notifications.some((n) => n.userId === c.next.userId && n.key === c.next.key))
          notifications.push({ ...clone(c.next), mailJobId: null });
        return;
      case 'mailJob':
        if (!jobs.some((j) => j.key === c.next.key)) jobs.push(newJob(c.next));
        return;
    }
  }

  const api: RoundsPort = {
    listRounds: () => Promise.resolve(clone([...rounds.values()].sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1)))),
    getRound: (id) => Promise.resolve(clone(rounds.get(id) ?? null)),
    roundRows: (roundId, ministryId) =>
      Promise.resolve(
        clone(
          (rowOrder.get(roundId) ?? [])
            .map((id) => rows.get(id)!)
            .filter((r) => ministryId === undefined || r.ministryId === ministryId),
        ),
      ),
    roundCounts: (roundId, dueOn) =>
      Promise.resolve(
        countRows(
          (rowOrder.get(roundId) ?? []).map((id) => rows.get(id)!),
          dueOn,
        ),
      ),
    getRoundRow: (id) => Promise.resolve(clone(rows.get(id) ?? null)),
    listNotifications(userId, limit) {
      const mine = notifications.filter((n) => n.userId === userId);
      const items = mine
        .slice()
        .reverse()
        .slice(0, limit)
        .map(({ mailJobId: _m, ...n }) => clone(n));
      return Promise.resolve({ items, unread: mine.filter((n) => !n.readAt).length });
    },
    markNotificationsRead(userId, ids, at) {
      const wanted = ids ? new Set(ids) : null;
      for (const n of notifications)
        if (n.userId === userId && !n.readAt && (!wanted || wanted.has(n.id))) n.readAt = at;
      return Promise.resolve(notifications.filter((n) => n.userId === userId && !n.readAt).length);
    },
    notificationSettings: (userId) => Promise.resolve(clone(settings.get(userId) ?? null)),
    setNotificationSettings(userId, s) {
      settings.set(userId, clone(s));
      return Promise.resolve();
    },
    usersWithUnmailed(kinds) {
      const set = new Set(kinds);
      return Promise.resolve([
        ...new Set(notifications.filter((n) => n.mailJobId === null && set.has(n.kind)).map((n) => n.userId)),
      ]);
    },
    createDigest(req, render) {
      const key = `digest:${req.userId}:${req.day}`;
      if (jobs.some((j) => j.key === key)) return Promise.resolve(null);
      const kinds = new Set(req.kinds);
      const items = notifications.filter((n) => n.userId === req.userId && n.mailJobId === null && kinds.has(n.kind));
      if (!items.length) return Promise.resolve(null);
      const mail = render(items.map(({ mailJobId: _m, ...n }) => clone(n)));
      const job = newJob({ id: req.id, key, kind: 'digest', userId: req.userId, ...mail, createdAt: req.now });
      jobs.push(job);
      for (const n of items) n.mailJobId = job.id;
      return Promise.resolve(publicJob(job));
    },
    claimMailJob(worker, now, leaseUntil) {
      const job = jobs
        .filter((j) => j.state === 'pending' && j.nextAttemptAt <= now && (!j.leaseUntil || j.leaseUntil <= now))
        .sort((a, b) => (a.nextAttemptAt < b.nextAttemptAt ? -1 : a.nextAttemptAt > b.nextAttemptAt ? 1 : 0))[0];
      if (!job) return Promise.resolve(null);
      job.leaseOwner = worker;
      job.leaseUntil = leaseUntil;
      return Promise.resolve(publicJob(job));
    },
    finishMailJob(id, worker, outcome) {
      const job = jobs.find((j) => j.id === id);
      if (!job || job.leaseOwner !== worker || job.state !== 'pending') return Promise.resolve(false);
      job.attempts++;
      job.log.push({ at: outcome.at, worker, ok: outcome.ok, error: outcome.ok ? null : outcome.error });
      job.leaseOwner = null;
      job.leaseUntil = null;
      if (outcome.ok) {
        job.state = outcome.state;
        job.sentAt = outcome.at;
      } else {
        job.lastError = outcome.error;
        if (outcome.retryAt) job.nextAttemptAt = outcome.retryAt;
        else job.state = 'failed';
      }
      return Promise.resolve(true);
    },
    listMailJobs: (limit) => Promise.resolve(jobs.slice().reverse().slice(0, limit).map(publicJob)),
  };
  return { find, rowsClash, apply, api };
}

function newJob(j: {
  id: string;
  key: string;
  kind: MailJob['kind'];
  userId: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}): JobRecord {
  return {
    ...j,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: j.createdAt,
    sentAt: null,
    lastError: null,
    log: [],
    leaseOwner: null,
    leaseUntil: null,
  };
}
