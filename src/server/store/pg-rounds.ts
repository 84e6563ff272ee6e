import type pg from 'pg';
import type { MailJob, NotificationSettings, RoundRow } from '@/domain/rounds';
import type { RoundChange, RoundsPort } from './rounds-port';
import { transaction, type Sql } from './pg-client';
import { toMailJob, toNotification, toRound, toRow, type Row } from './sqlite-rounds';

/**
 * Rounds, their rows, notifications and mail jobs (migration 7) on PostgreSQL, statement for
 * statement as sqlite-rounds.ts. The seq columns are identities (several instances insert at once).
 * The lease claim is one UPDATE … RETURNING whose WHERE repeats the lease test on the row it updates;
 * the candidate is chosen FOR UPDATE SKIP LOCKED, so two schedulers claiming at once take two jobs.
 */

const JOB_COLUMNS = `id, key, kind, user_id, recipient, subject, body, state, attempts, next_attempt_at, created_at,
  sent_at, last_error`;
const INSERT_JOB = `INSERT INTO mail_jobs (id, key, kind, user_id, recipient, subject, body, state, attempts,
    next_attempt_at, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8)
  ON CONFLICT (key) DO NOTHING`;
const ROW_COLUMNS = [
  'id',
  'round_id',
  'position',
  'ministry_id',
  'measure_id',
  'kind',
  'state',
  'base_version',
  'answer',
  'unchanged',
  'answered_by',
  'answered_at',
  'reviewed_by',
  'reviewed_at',
  'review_comment',
  'version',
];

const json = (v: unknown) => JSON.stringify(v);
const answer = (r: RoundRow) => (r.answer === null ? null : json(r.answer));
const str = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));

/** Applies one change inside the caller's transaction; returns 1, or 0 when the version moved (or the record exists). */
export async function writeRoundPg(sql: Sql, change: RoundChange): Promise<number> {
  switch (change.kind) {
    case 'round': {
      const r = change.next;
      if (change.expectVersion === null)
        return sql.run(
          `INSERT INTO rounds (id, title, kind, fy, as_of, opened_on, due_on, ministry_ids, section_codes, instructions,
             reminder_days, state, opened_by, opened_at, closed_by, closed_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT DO NOTHING`,
          [
            r.id,
            r.title,
            r.kind,
            r.fy,
            r.asOf,
            r.openedOn,
            r.dueOn,
            json(r.ministryIds),
            json(r.sectionCodes),
            r.instructions,
            json(r.reminderDays),
            r.state,
            r.openedBy,
            r.openedAt,
            r.closedBy,
            r.closedAt,
            r.version,
          ],
        );
      return sql.run(
        `UPDATE rounds SET title = $1, due_on = $2, state = $3, closed_by = $4, closed_at = $5, version = $6
         WHERE id = $7 AND version = $8`,
        [r.title, r.dueOn, r.state, r.closedBy, r.closedAt, r.version, r.id, change.expectVersion],
      );
    }
    case 'roundRows': {
      // Multi-row statements: opening a round inserts ~25,000 rows (5,000 measures, 40 ministries).
      const values = change.rows.map((r, i) => [
        r.id,
        r.roundId,
        i,
        r.ministryId,
        r.measureId,
        r.kind,
        r.state,
        r.baseVersion,
        answer(r),
        r.unchanged ? 1 : 0,
        r.answeredBy,
        r.answeredAt,
        r.reviewedBy,
        r.reviewedAt,
        r.reviewComment,
        r.version,
      ]);
      const per = Math.floor(30_000 / ROW_COLUMNS.length);
      let added = 0;
      for (let at = 0; at < values.length; at += per) {
        const chunk = values.slice(at, at + per);
        const tuples = chunk.map(
          (_, r) => `(${ROW_COLUMNS.map((_c, i) => `$${r * ROW_COLUMNS.length + i + 1}`).join(', ')})`,
        );
        added += await sql.once(
          `INSERT INTO round_rows (${ROW_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
          chunk.flat(),
        );
      }
      // A row that exists already: the round was opened twice (memory's rowsClash).
      return added === values.length ? 1 : 0;
    }
    case 'roundRow': {
      const r = change.next;
      return sql.run(
        `UPDATE round_rows SET state = $1, base_version = $2, answer = $3, unchanged = $4, answered_by = $5,
           answered_at = $6, reviewed_by = $7, reviewed_at = $8, review_comment = $9, version = $10
         WHERE id = $11 AND version = $12`,
        [
          r.state,
          r.baseVersion,
          answer(r),
          r.unchanged ? 1 : 0,
          r.answeredBy,
          r.answeredAt,
          r.reviewedBy,
          r.reviewedAt,
          r.reviewComment,
          r.version,
          r.id,
          change.expectVersion,
        ],
      );
    }
    case 'notification': {
      const n = change.next;
      await sql.run(
        `INSERT INTO notifications (id, user_id, kind, round_id, key, params, created_at, read_at, mail_job_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL)
         ON CONFLICT (user_id, key) DO NOTHING`,
        [n.id, n.userId, n.kind, n.roundId, n.key, json(n.params), n.createdAt, n.readAt],
      );
      return 1;
    }
    case 'mailJob': {
      const j = change.next;
      await sql.run(INSERT_JOB, [j.id, j.key, j.kind, j.userId, j.to, j.subject, j.text, j.createdAt]);
      return 1;
    }
  }
}

/** The jobs with their attempts, read in one more query. */
async function toJobs(sql: Sql, rows: Row[]): Promise<MailJob[]> {
  if (!rows.length) return [];
  const attempts = await sql.rows<Row>(
    'SELECT job_id, at, worker, ok, error FROM mail_attempts WHERE job_id = ANY($1) ORDER BY seq',
    [rows.map((r) => String(r.id))],
  );
  return rows.map((r) =>
    toMailJob(
      r,
      attempts.filter((a) => a.job_id === r.id),
    ),
  );
}
const toJob = async (sql: Sql, row: Row | undefined) => (row ? (await toJobs(sql, [row]))[0]! : null);

/** The read side and the scheduler's own small transactions. */
export function pgRounds(pool: pg.Pool, sql: Sql): RoundsPort {
  const unread = async (q: Sql, userId: string) =>
    Number(
      (
        await q.one<{ n: number }>(
          'SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
          [userId],
        )
      )?.n ?? 0,
    );
  return {
    listRounds: async () =>
      (await sql.rows<Row>('SELECT * FROM rounds ORDER BY opened_at DESC, id DESC')).map((r) => toRound(r)),
    getRound: async (id) => {
      const r = await sql.one<Row>('SELECT * FROM rounds WHERE id = $1', [id]);
      return r ? toRound(r) : null;
    },
    roundRows: async (roundId, ministryId) =>
      (ministryId === undefined
        ? await sql.rows<Row>('SELECT * FROM round_rows WHERE round_id = $1 ORDER BY position', [roundId])
        : await sql.rows<Row>('SELECT * FROM round_rows WHERE round_id = $1 AND ministry_id = $2 ORDER BY position', [
            roundId,
            ministryId,
          ])
      ).map((r) => toRow(r)),
    getRoundRow: async (id) => {
      const r = await sql.one<Row>('SELECT * FROM round_rows WHERE id = $1', [id]);
      return r ? toRow(r) : null;
    },
    roundCounts: async (roundId, dueOn) =>
      (
        await sql.rows<Row>(
          `SELECT ministry_id,
             count(*)::int AS owed,
             sum(CASE WHEN state IN ('answered','accepted') THEN 1 ELSE 0 END)::int AS answered,
             sum(CASE WHEN state = 'accepted' THEN 1 ELSE 0 END)::int AS accepted,
             sum(CASE WHEN state = 'returned' THEN 1 ELSE 0 END)::int AS returned,
             sum(CASE WHEN answered_at IS NOT NULL AND substr(answered_at, 1, 10) > $2 THEN 1 ELSE 0 END)::int AS late,
             max(answered_at) AS last_answered, max(reviewed_at) AS last_reviewed
           FROM round_rows WHERE round_id = $1 GROUP BY ministry_id`,
          [roundId, dueOn],
        )
      ).map((r) => {
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
    listNotifications: async (userId, limit) => ({
      items: (
        await sql.rows<Row>('SELECT * FROM notifications WHERE user_id = $1 ORDER BY seq DESC LIMIT $2', [
          userId,
          limit,
        ])
      ).map((r) => toNotification(r)),
      unread: await unread(sql, userId),
    }),
    markNotificationsRead: (userId, ids, at) =>
      transaction(pool, async (q) => {
        if (ids === null)
          await q.run('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL', [at, userId]);
        else
          await q.run('UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND id = ANY($3) AND read_at IS NULL', [
            at,
            userId,
            [...ids],
          ]);
        return unread(q, userId);
      }),
    notificationSettings: async (userId) => {
      const r = await sql.one<{ settings: string }>('SELECT settings FROM notification_settings WHERE user_id = $1', [
        userId,
      ]);
      return r ? (JSON.parse(r.settings) as NotificationSettings) : null;
    },
    setNotificationSettings: async (userId, settings) => {
      await sql.run(
        `INSERT INTO notification_settings (user_id, settings) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings`,
        [userId, json(settings)],
      );
    },
    usersWithUnmailed: async (kinds) =>
      (
        await sql.rows<{ user_id: string }>(
          'SELECT DISTINCT user_id FROM notifications WHERE mail_job_id IS NULL AND kind = ANY($1)',
          [[...kinds]],
        )
      ).map((r) => r.user_id),
    createDigest: (req, render) =>
      transaction(pool, async (q) => {
        const key = `digest:${req.userId}:${req.day}`;
        if (await q.one('SELECT id FROM mail_jobs WHERE key = $1', [key])) return null;
        const kinds = [...req.kinds];
        const rows = await q.rows<Row>(
          `SELECT * FROM notifications WHERE user_id = $1 AND mail_job_id IS NULL AND kind = ANY($2) ORDER BY seq`,
          [req.userId, kinds],
        );
        if (!rows.length) return null;
        const mail = render(rows.map((r) => toNotification(r)));
        // Another instance made this digest meanwhile: its insert wins, this one writes nothing.
        const added = await q.run(INSERT_JOB, [
          req.id,
          key,
          'digest',
          req.userId,
          mail.to,
          mail.subject,
          mail.text,
          req.now,
        ]);
        if (added !== 1) return null;
        await q.run(
          `UPDATE notifications SET mail_job_id = $1 WHERE user_id = $2 AND mail_job_id IS NULL
             AND kind = ANY($3) AND seq <= $4`,
          [req.id, req.userId, kinds, Number(rows.at(-1)!.seq)],
        );
        return toJob(q, await q.one<Row>(`SELECT ${JOB_COLUMNS} FROM mail_jobs WHERE id = $1`, [req.id]));
      }),
    claimMailJob: async (worker, now, leaseUntil) =>
      toJob(
        sql,
        await sql.one<Row>(
          `UPDATE mail_jobs SET lease_owner = $1, lease_until = $2
           WHERE id = (SELECT id FROM mail_jobs WHERE state = 'pending' AND next_attempt_at <= $3
                         AND (lease_until IS NULL OR lease_until <= $3) ORDER BY next_attempt_at, seq LIMIT 1
                         FOR UPDATE SKIP LOCKED)
             AND state = 'pending' AND (lease_until IS NULL OR lease_until <= $3)
           RETURNING ${JOB_COLUMNS}`,
          [worker, leaseUntil, now],
        ),
      ),
    finishMailJob: (id, worker, o) =>
      transaction(pool, async (q) => {
        const current = await q.one<Row>(`SELECT ${JOB_COLUMNS} FROM mail_jobs WHERE id = $1`, [id]);
        if (!current) return false;
        const changed = await q.run(
          `UPDATE mail_jobs SET state = $1, attempts = attempts + 1, next_attempt_at = $2, sent_at = $3,
             last_error = $4, lease_owner = NULL, lease_until = NULL
           WHERE id = $5 AND lease_owner = $6 AND state = 'pending'`,
          [
            o.ok ? o.state : o.retryAt ? 'pending' : 'failed',
            !o.ok && o.retryAt ? o.retryAt : String(current.next_attempt_at),
            o.ok ? o.at : null,
            o.ok ? str(current.last_error) : o.error,
            id,
            worker,
          ],
        );
        if (changed !== 1) return false;
        await q.run('INSERT INTO mail_attempts (job_id, at, worker, ok, error) VALUES ($1, $2, $3, $4, $5)', [
          id,
          o.at,
          worker,
          o.ok ? 1 : 0,
          o.ok ? null : o.error,
        ]);
        return true;
      }),
    listMailJobs: async (limit) =>
      toJobs(sql, await sql.rows<Row>(`SELECT ${JOB_COLUMNS} FROM mail_jobs ORDER BY seq DESC LIMIT $1`, [limit])),
  };
}
