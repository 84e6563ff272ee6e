import type { SessionRecord, SubmissionFilter } from './port';
import type { Sql } from './pg-client';
import { sessionFromRow, submissionFromRow, userFromRow } from './sqlite-accounts';

/**
 * Accounts, sessions and submissions on PostgreSQL: reads and the session writes (not audited, not
 * versioned). Nothing is cached in the process (decision record 013): another instance may sign a
 * session out, change a password or a role at any moment, so every lookup asks the database, one
 * indexed point read over a prepared statement.
 */
export function pgAccounts(sql: Sql) {
  const count = async (text: string) => Number((await sql.one<{ n: number }>(text))?.n ?? 0);
  return {
    userCount: () => count('SELECT count(*)::int AS n FROM users'),
    getUser: async (id: string) => {
      const row = await sql.one('SELECT * FROM users WHERE id = $1', [id]);
      return row ? userFromRow(row) : null;
    },
    getUserByEmail: async (email: string) => {
      const row = await sql.one('SELECT * FROM users WHERE email = $1', [email]);
      return row ? userFromRow(row) : null;
    },
    listUsers: async () => (await sql.rows('SELECT * FROM users ORDER BY role, email')).map(userFromRow),
    getSubmission: async (id: string) => {
      const row = await sql.one('SELECT * FROM submissions WHERE id = $1', [id]);
      return row ? submissionFromRow(row) : null;
    },
    listSubmissions: async (f: SubmissionFilter) =>
      (
        await sql.rows(
          `SELECT * FROM submissions WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR ministry_id = $2)
           AND ($3::text IS NULL OR measure_id = $3) ORDER BY submitted_at DESC, id DESC`,
          [f.state ?? null, f.ministryId ?? null, f.measureId ?? null],
        )
      ).map(submissionFromRow),
    createSession: async (s: SessionRecord) => {
      await sql.run(
        `INSERT INTO sessions (id, user_id, csrf_token, created_at, last_seen_at, ip, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [s.id, s.userId, s.csrfToken, s.createdAt, s.lastSeenAt, s.ip, s.userAgent],
      );
    },
    getSession: async (id: string) => {
      const row = await sql.one('SELECT * FROM sessions WHERE id = $1', [id]);
      return row ? sessionFromRow(row) : null;
    },
    touchSession: async (id: string, at: string) => {
      await sql.run('UPDATE sessions SET last_seen_at = $1 WHERE id = $2', [at, id]);
    },
    deleteSession: async (id: string) => {
      await sql.run('DELETE FROM sessions WHERE id = $1', [id]);
    },
    deleteUserSessions: async (userId: string, exceptId?: string) => {
      await sql.run('DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2', [userId, exceptId ?? null]);
    },
  };
}
