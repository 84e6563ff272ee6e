import type Database from 'better-sqlite3';
import type { MailJob, Notification, NotificationSettings, Round, RoundRow } from '@/domain/rounds';
import type { RoundChange, RoundsPort } from './rounds-port';

/**
 * Rounds, their rows, notifications and mail jobs (migration 7). Plain SQL with named parameters so
 * that a PostgreSQL adapter can follow it statement for statement; the lease claim is one UPDATE.
 */

export type Row = Record<string, string | number | null>;

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function statements(db: Database.Database) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

function prepare(db: Database.Database) {
  const JOB_COLUMNS = `id, key, kind, user_id, recipient, subject, body, state, attempts, next_attempt_at, created_at,
    sent_at, last_error`;
  return {
    insertRound: db.prepare(
      `INSERT INTO rounds (id, title, kind, fy, as_of, opened_on, due_on, ministry_ids, section_codes, instructions,
         reminder_days, state, opened_by, opened_at, closed_by, closed_at, version)
       VALUES (@id, @title, @kind, @fy, @asOf, @openedOn, @dueOn, @ministryIds, @sectionCodes, @instructions,
         @reminderDays, @state, @openedBy, @openedAt, @closedBy, @closedAt, @version)`,
    ),
    updateRound: db.prepare(
      `UPDATE rounds SET title = @title, due_on = @dueOn, state = @state, closed_by = @closedBy, closed_at = @closedAt,
         version = @version WHERE id = @id AND version = @expect`,
    ),
    insertRowFast: db.prepare(
      `INSERT INTO round_rows (id, round_id, position, ministry_id, measure_id, kind, state, base_version, answer,
         unchanged, answered_by, answered_at, reviewed_by, reviewed_at, review_comment, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateRow: db.prepare(
      `UPDATE round_rows SET state = @state, base_version = @baseVersion, answer = @answer, unchanged = @unchanged,
         answered_by = @answeredBy, answered_at = @answeredAt, reviewed_by = @reviewedBy, reviewed_at = @reviewedAt,
         review_comment = @reviewComment, version = @version WHERE id = @id AND version = @expect`,
    ),
    insertNotification: db.prepare(
      `INSERT INTO notifications (id, user_id, kind, round_id, key, params, created_at, read_at, mail_job_id, seq)
       VALUES (@id, @userId, @kind, @roundId, @key, @params, @createdAt, @readAt, NULL,
         (SELECT COALESCE(MAX(seq), 0) + 1 FROM notifications))
       ON CONFLICT (user_id, key) DO NOTHING`,
    ),
    insertJob: db.prepare(
      `INSERT INTO mail_jobs (id, key, kind, user_id, recipient, subject, body, state, attempts, next_attempt_at,
         created_at, seq)
       VALUES (@id, @key, @kind, @userId, @to, @subject, @text, 'pending', 0, @createdAt, @createdAt,
         (SELECT COALESCE(MAX(seq), 0) + 1 FROM mail_jobs))
       ON CONFLICT (key) DO NOTHING`,
    ),
    rounds: db.prepare('SELECT * FROM rounds ORDER BY opened_at DESC, id DESC'),
    round: db.prepare('SELECT * FROM rounds WHERE id = ?'),
    rows: db.prepare('SELECT * FROM round_rows WHERE round_id = ? ORDER BY position'),
    rowsOf: db.prepare('SELECT * FROM round_rows WHERE round_id = ? AND ministry_id = ? ORDER BY position'),
    row: db.prepare('SELECT * FROM round_rows WHERE id = ?'),
    counts: db.prepare(
      `SELECT ministry_id,
         count(*) AS owed,
         sum(CASE WHEN state IN ('answered','accepted') THEN 1 ELSE 0 END) AS answered,
         sum(CASE WHEN state = 'accepted' THEN 1 ELSE 0 END) AS accepted,
         sum(CASE WHEN state = 'returned' THEN 1 ELSE 0 END) AS returned,
         sum(CASE WHEN answered_at IS NOT NULL AND substr(answered_at, 1, 10) > @dueOn THEN 1 ELSE 0 END) AS late,
         max(answered_at) AS last_answered, max(reviewed_at) AS last_reviewed
       FROM round_rows WHERE round_id = @roundId GROUP BY ministry_id`,
    ),
    notifications: db.prepare('SELECT * FROM notifications WHERE user_id = ? ORDER BY seq DESC LIMIT ?'),
    unread: db.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').pluck(),
    readAll: db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL'),
    readOne: db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL'),
    settings: db.prepare('SELECT settings FROM notification_settings WHERE user_id = ?').pluck(),
    setSettings: db.prepare(
      `INSERT INTO notification_settings (user_id, settings) VALUES (?, ?)
       ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings`,
    ),
    unmailedUsers: db.prepare(
      `SELECT DISTINCT user_id FROM notifications WHERE mail_job_id IS NULL AND kind IN (SELECT value FROM json_each(?))`,
    ),
    jobByKey: db.prepare('SELECT id FROM mail_jobs WHERE key = ?').pluck(),
    unmailed: db.prepare(
      `SELECT * FROM notifications WHERE user_id = ? AND mail_job_id IS NULL
         AND kind IN (SELECT value FROM json_each(?)) ORDER BY seq`,
    ),
    markMailed: db.prepare(
      `UPDATE notifications SET mail_job_id = ? WHERE user_id = ? AND mail_job_id IS NULL
         AND kind IN (SELECT value FROM json_each(?)) AND seq <= ?`,
    ),
    // The claim: one statement, whose WHERE repeats the lease test on the row it updates.
    claim: db.prepare(
      `UPDATE mail_jobs SET lease_owner = @worker, lease_until = @leaseUntil
       WHERE id = (SELECT id FROM mail_jobs WHERE state = 'pending' AND next_attempt_at <= @now
                     AND (lease_until IS NULL OR lease_until <= @now) ORDER BY next_attempt_at, seq LIMIT 1)
         AND state = 'pending' AND (lease_until IS NULL OR lease_until <= @now)
       RETURNING ${JOB_COLUMNS}`,
    ),
    finish: db.prepare(
      `UPDATE mail_jobs SET state = @state, attempts = attempts + 1, next_attempt_at = @nextAttemptAt,
         sent_at = @sentAt, last_error = @lastError, lease_owner = NULL, lease_until = NULL
       WHERE id = @id AND lease_owner = @worker AND state = 'pending'`,
    ),
    attempt: db.prepare(
      `INSERT INTO mail_attempts (job_id, at, worker, ok, error, seq)
       VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM mail_attempts))`,
    ),
    job: db.prepare(`SELECT ${JOB_COLUMNS} FROM mail_jobs WHERE id = ?`),
    jobs: db.prepare(`SELECT ${JOB_COLUMNS} FROM mail_jobs ORDER BY seq DESC LIMIT ?`),
    attempts: db.prepare('SELECT at, worker, ok, error FROM mail_attempts WHERE job_id = ? ORDER BY seq'),
  };
}

const roundRow = (r: Round) => ({
  ...r,
  ministryIds: JSON.stringify(r.ministryIds),
  sectionCodes: JSON.stringify(r.sectionCodes),
  reminderDays: JSON.stringify(r.reminderDays),
});
const rowRow = (r: RoundRow, position = 0) => ({
  ...r,
  position,
  answer: r.answer === null ? null : JSON.stringify(r.answer),
  unchanged: r.unchanged ? 1 : 0,
});

/** Applies one change inside the caller's transaction; returns 1, or 0 when the version moved. */
export function writeRound(db: Database.Database, change: RoundChange): number {
  const s = statements(db);
  switch (change.kind) {
    case 'round':
      return change.expectVersion === null
        ? s.insertRound.run(roundRow(change.next)).changes
        : s.updateRound.run({ ...roundRow(change.next), expect: change.expectVersion }).changes;
    case 'roundRows':
      // Positional parameters: opening a round inserts ~25,000 rows (5,000 measures, 40 ministries).
      change.rows.forEach((r, i) =>
        s.insertRowFast.run(
          r.id,
          r.roundId,
          i,
          r.ministryId,
          r.measureId,
          r.kind,
          r.state,
          r.baseVersion,
          r.answer === null ? null : JSON.stringify(r.answer),
          r.unchanged ? 1 : 0,
          r.answeredBy,
          r.answeredAt,
          r.reviewedBy,
          r.reviewedAt,
          r.reviewComment,
          r.version,
        ),
      );
      return 1;
    case 'roundRow':
      return s.updateRow.run({ ...rowRow(change.next), expect: change.expectVersion }).changes;
    case 'notification':
      s.insertNotification.run({ ...change.next, params: JSON.stringify(change.next.params) });
      return 1;
    case 'mailJob':
      s.insertJob.run(change.next);
      return 1;
  }
}

export const toRound = (r: Row): Round => ({
  id: String(r.id),
  title: String(r.title),
  kind: r.kind as Round['kind'],
  fy: Number(r.fy),
  asOf: String(r.as_of),
  openedOn: String(r.opened_on),
  dueOn: String(r.due_on),
  ministryIds: JSON.parse(String(r.ministry_ids)) as string[],
  sectionCodes: JSON.parse(String(r.section_codes)) as string[],
  instructions: String(r.instructions),
  reminderDays: JSON.parse(String(r.reminder_days)) as number[],
  state: r.state as Round['state'],
  openedBy: String(r.opened_by),
  openedAt: String(r.opened_at),
  closedBy: r.closed_by === null ? null : String(r.closed_by),
  closedAt: r.closed_at === null ? null : String(r.closed_at),
  version: Number(r.version),
});
const str = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
export const toRow = (r: Row): RoundRow => ({
  id: String(r.id),
  roundId: String(r.round_id),
  ministryId: String(r.ministry_id),
  measureId: String(r.measure_id),
  kind: r.kind as RoundRow['kind'],
  state: r.state as RoundRow['state'],
  baseVersion: r.base_version === null ? null : Number(r.base_version),
  answer: r.answer === null ? null : (JSON.parse(String(r.answer)) as RoundRow['answer']),
  unchanged: r.unchanged === 1,
  answeredBy: str(r.answered_by),
  answeredAt: str(r.answered_at),
  reviewedBy: str(r.reviewed_by),
  reviewedAt: str(r.reviewed_at),
  reviewComment: str(r.review_comment),
  version: Number(r.version),
});
export const toNotification = (r: Row): Notification => ({
  id: String(r.id),
  userId: String(r.user_id),
  kind: r.kind as Notification['kind'],
  roundId: String(r.round_id),
  key: String(r.key),
  params: JSON.parse(String(r.params)) as Notification['params'],
  createdAt: String(r.created_at),
  readAt: str(r.read_at),
});

/** A mail job with its attempts (`attempts`: its `mail_attempts` rows, in order). */
export const toMailJob = (r: Row, attempts: Row[]): MailJob => ({
  id: String(r.id),
  kind: r.kind as MailJob['kind'],
  userId: String(r.user_id),
  to: String(r.recipient),
  subject: String(r.subject),
  text: String(r.body),
  state: r.state as MailJob['state'],
  attempts: Number(r.attempts),
  nextAttemptAt: String(r.next_attempt_at),
  createdAt: String(r.created_at),
  sentAt: str(r.sent_at),
  lastError: str(r.last_error),
  log: attempts.map((a) => ({ at: String(a.at), worker: String(a.worker), ok: a.ok === 1, error: str(a.error) })),
});

/** The read side and the scheduler's own small transactions. */
export function roundQueries(db: Database.Database): RoundsPort {
  const s = statements(db);
  const toJob = (r: Row): MailJob => toMailJob(r, s.attempts.all(r.id) as Row[]);
  const digestTx = db.transaction(
    (req: Parameters<RoundsPort['createDigest']>[0], render: Parameters<RoundsPort['createDigest']>[1]) => {
      const key = `digest:${req.userId}:${req.day}`;
      if (s.jobByKey.get(key) !== undefined) return null;
      const kinds = JSON.stringify(req.kinds);
      const rows = s.unmailed.all(req.userId, kinds) as Row[];
      if (!rows.length) return null;
      const mail = render(rows.map(toNotification));
      s.insertJob.run({ id: req.id, key, kind: 'digest', userId: req.userId, ...mail, createdAt: req.now });
      s.markMailed.run(req.id, req.userId, kinds, Number(rows.at(-1)!.seq));
      return toJob(s.job.get(req.id) as Row);
    },
  );
  const finishTx = db.transaction((id: string, worker: string, o: Parameters<RoundsPort['finishMailJob']>[2]) => {
    const current = s.job.get(id) as Row | undefined;
    if (!current) return false;
    const changed = s.finish.run({
      id,
      worker,
      state: o.ok ? o.state : o.retryAt ? 'pending' : 'failed',
      nextAttemptAt: !o.ok && o.retryAt ? o.retryAt : String(current.next_attempt_at),
      sentAt: o.ok ? o.at : null,
      lastError: o.ok ? str(current.last_error) : o.error,
    }).changes;
    if (changed !== 1) return false;
    s.attempt.run(id, o.at, worker, o.ok ? 1 : 0, o.ok ? null : o.error);
    return true;
  });
  const readTx = db.transaction((userId: string, ids: readonly string[] | null, at: string) => {
    if (ids === null) s.readAll.run(at, userId);
    else for (const id of ids) s.readOne.run(at, userId, id);
    return Number(s.unread.get(userId));
  });
  const ok = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    listRounds: () => ok(() => (s.rounds.all() as Row[]).map(toRound)),
    getRound: (id) => ok(() => ((r) => (r ? toRound(r) : null))(s.round.get(id) as Row | undefined)),
    roundRows: (roundId, ministryId) =>
      ok(() =>
        ((ministryId === undefined ? s.rows.all(roundId) : s.rowsOf.all(roundId, ministryId)) as Row[]).map(toRow),
      ),
    roundCounts: (roundId, dueOn) =>
      ok(() =>
        (s.counts.all({ roundId, dueOn }) as Row[]).map((r) => {
          const last = [str(r.last_answered), str(r.last_reviewed)].filter((x): x is string => x !== null).sort();
          return {
            ministryId: String(r.ministry_id),
            owed: Number(r.owed),
            answered: Number(r.answered),
            accepted: Number(r.accepted),
            returned: Number(r.returned),
            lateAnswers: Number(r.late),
            lastActivity: last.at(-1) ?? null,
          };
        }),
      ),
    getRoundRow: (id) => ok(() => ((r) => (r ? toRow(r) : null))(s.row.get(id) as Row | undefined)),
    listNotifications: (userId, limit) =>
      ok(() => ({
        items: (s.notifications.all(userId, limit) as Row[]).map(toNotification),
        unread: Number(s.unread.get(userId)),
      })),
    markNotificationsRead: (userId, ids, at) => ok(() => readTx(userId, ids, at)),
    notificationSettings: (userId) =>
      ok(() => {
        const v = s.settings.get(userId) as string | undefined;
        return v === undefined ? null : (JSON.parse(v) as NotificationSettings);
      }),
    setNotificationSettings: (userId, settings) =>
      ok(() => {
        s.setSettings.run(userId, JSON.stringify(settings));
      }),
    usersWithUnmailed: (kinds) =>
      ok(() => (s.unmailedUsers.all(JSON.stringify(kinds)) as Row[]).map((r) => String(r.user_id))),
    createDigest: (req, render) => ok(() => digestTx(req, render)),
    claimMailJob: (worker, now, leaseUntil) =>
      ok(() => ((r) => (r ? toJob(r) : null))(s.claim.get({ worker, now, leaseUntil }) as Row | undefined)),
    finishMailJob: (id, worker, outcome) => ok(() => finishTx(id, worker, outcome)),
    listMailJobs: (limit) => ok(() => (s.jobs.all(limit) as Row[]).map(toJob)),
  };
}
