import type { SessionLookup, SessionRecord, SubmissionFilter } from './port';
import type { Row } from './sqlite-read';
import type { Sql } from './pg-client';
import { sessionFromRow, submissionFromRow, userFromRow } from './sqlite-accounts';

/**
 * Accounts, sessions and submissions on PostgreSQL: reads and the session writes (not audited, not
 * versioned). Nothing is cached in the process (decision record 013): another instance may sign a
 * session out, change a password or a role at any moment, so every lookup asks the database, with
 * indexed point reads over prepared statements; a request's own lookup is one statement.
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
    lookupSession: sessionLookups(sql),
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

/**
 * Every request's session lookup with the plan revision (Store.lookupSession), in one prepared
 * statement: one snapshot, at most one round trip per request (decision record 013). Lookups asked
 * for while a lookup statement is on its way wait for the next one and go in it together: under load
 * one statement answers many requests, and each is answered by a statement sent after it asked, so it
 * sees every commit made before the request came in, as a statement of its own would. Alone, a
 * lookup goes at once. Each caller gets records of its own (sign-in changes `lastSeenAt` in place).
 */
function sessionLookups(sql: Sql): (id: string) => Promise<SessionLookup> {
  type Waiting = { resolve: (found: SessionLookup) => void; reject: (error: unknown) => void };
  let next = new Map<string, Waiting[]>();
  let sending = false;
  const send = async () => {
    const batch = next;
    next = new Map();
    sending = true;
    try {
      const rows = await sql.rows<{ revision: string | null; id: string; session: Row | null; user: Row | null }>(
        `SELECT (SELECT value::bigint FROM meta WHERE key = 'revision') AS revision, wanted.id,
                to_json(s) AS session, to_json(u) AS "user"
         FROM unnest($1::text[]) AS wanted (id)
         LEFT JOIN sessions s ON s.id = wanted.id
         LEFT JOIN users u ON u.id = s.user_id`,
        [[...batch.keys()]],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      for (const [id, waiting] of batch) {
        const row = byId.get(id);
        for (const w of waiting)
          if (!row) w.reject(new Error(`no lookup row for session ${id.slice(0, 8)}…`));
          else
            w.resolve({
              revision: Number(row.revision ?? 0),
              session: row.session ? sessionFromRow(row.session) : null,
              user: row.session && row.user ? userFromRow(row.user) : null,
            });
      }
    } catch (error) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
    } finally {
      sending = false;
      if (next.size) void send();
    }
  };
  return (id) =>
    new Promise<SessionLookup>((resolve, reject) => {
      const waiting = next.get(id);
      if (waiting) waiting.push({ resolve, reject });
      else next.set(id, [{ resolve, reject }]);
      if (!sending) void send();
    });
}
