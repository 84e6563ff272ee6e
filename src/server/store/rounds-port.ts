import type { MailJob, Notification, NotificationSettings, Round, RoundRow, RowCounts } from '@/domain/rounds';

/**
 * The reporting rounds' part of the store (issue 12): rounds, their rows, notifications and the mail
 * jobs. Versioned records are written through `commit` (these change kinds); notifications and mail
 * jobs are inserted once per key (a second insert of the same key is ignored, not an error), so a
 * restarted or second scheduler cannot make the same reminder twice.
 */
export type RoundChange =
  | { kind: 'round'; expectVersion: number | null; next: Round }
  /** A round's rows, inserted once when it opens. */
  | { kind: 'roundRows'; rows: RoundRow[] }
  | { kind: 'roundRow'; expectVersion: number; next: RoundRow }
  | { kind: 'notification'; next: Notification }
  | { kind: 'mailJob'; next: NewMailJob };

export const ROUND_CHANGE_KINDS: ReadonlySet<string> = new Set([
  'round',
  'roundRows',
  'roundRow',
  'notification',
  'mailJob',
]);
export function isRoundChange(change: { kind: string }): change is RoundChange {
  return ROUND_CHANGE_KINDS.has(change.kind);
}

export type NewMailJob = {
  id: string;
  /** Unique: `opened:<round>:<user>` or `digest:<user>:<day>`. */
  key: string;
  kind: MailJob['kind'];
  userId: string;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
};

export type MailOutcome =
  | { ok: true; at: string; state: 'sent' | 'outbox' }
  /** `retryAt` null: give up (state failed). */
  | { ok: false; at: string; error: string; retryAt: string | null };

export type DigestRequest = {
  id: string;
  userId: string;
  day: string;
  now: string;
  /** The kinds the user still wants by mail. */
  kinds: readonly Notification['kind'][];
};

export interface RoundsPort {
  listRounds(): Promise<Round[]>;
  getRound(id: string): Promise<Round | null>;
  /** A round's rows in the plan's order, optionally one ministry's. */
  roundRows(roundId: string, ministryId?: string): Promise<RoundRow[]>;
  getRoundRow(id: string): Promise<RoundRow | null>;
  /** The board's figures per ministry, counted in the store (GROUP BY), not by reading every row. */
  roundCounts(roundId: string, dueOn: string): Promise<RowCounts[]>;
  listNotifications(userId: string, limit: number): Promise<{ items: Notification[]; unread: number }>;
  /** Marks the user's notifications read (`ids` null: all); returns the unread count left. */
  markNotificationsRead(userId: string, ids: readonly string[] | null, at: string): Promise<number>;
  notificationSettings(userId: string): Promise<NotificationSettings | null>;
  setNotificationSettings(userId: string, settings: NotificationSettings): Promise<void>;
  /** Users with notifications of these kinds not yet put in a digest. */
  usersWithUnmailed(kinds: readonly Notification['kind'][]): Promise<string[]>;
  /**
   * In one transaction: unless the user has a digest for `day` already, takes their notifications not
   * yet mailed (of `kinds`), and if there are any, inserts the digest `render` makes of them and marks
   * them mailed. Returns the job, or null.
   */
  createDigest(
    request: DigestRequest,
    render: (items: Notification[]) => { to: string; subject: string; text: string },
  ): Promise<MailJob | null>;
  /**
   * Takes the next due job whose lease is free or expired, for `worker` until `leaseUntil`: one atomic
   * UPDATE … WHERE (lease expired), so two schedulers never hold the same job.
   */
  claimMailJob(worker: string, now: string, leaseUntil: string): Promise<MailJob | null>;
  /** Records the attempt and its outcome, if `worker` still holds the lease; false if it lost it. */
  finishMailJob(id: string, worker: string, outcome: MailOutcome): Promise<boolean>;
  listMailJobs(limit: number): Promise<MailJob[]>;
}
