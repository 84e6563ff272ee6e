import type pg from 'pg';
import type { NewAuditEntry } from './port';
import { transaction, type Sql } from './pg-client';
import { OidcLinkConflictError, type OidcLink, type OidcStore } from './port-oidc';

type LinkRow = { user_id: string; issuer: string; subject: string; linked_at: string };
const toLink = (r: LinkRow): OidcLink => ({
  userId: r.user_id,
  issuer: r.issuer,
  subject: r.subject,
  linkedAt: r.linked_at,
});

/**
 * OpenID Connect links and sessions (migration 8) on PostgreSQL, statement for statement as
 * sqlite-oidc.ts. A link is inserted with ON CONFLICT DO NOTHING: of two instances linking the same
 * user or subject at once, the second changes no row and reports the conflict, and its transaction
 * (with the audit entries) is rolled back.
 */
export function pgOidc(pool: pg.Pool, sql: Sql, audit: (q: Sql, entry: NewAuditEntry) => Promise<unknown>): OidcStore {
  const bySubject = 'SELECT * FROM oidc_links WHERE issuer = $1 AND subject = $2';
  const byUser = 'SELECT * FROM oidc_links WHERE user_id = $1';
  return {
    getOidcLinkBySubject: async (issuer, subject) => {
      const row = await sql.one<LinkRow>(bySubject, [issuer, subject]);
      return row ? toLink(row) : null;
    },
    getOidcLink: async (userId) => {
      const row = await sql.one<LinkRow>(byUser, [userId]);
      return row ? toLink(row) : null;
    },
    listOidcLinks: async () => (await sql.rows<LinkRow>('SELECT * FROM oidc_links')).map(toLink),
    linkOidc: (l, entries) =>
      transaction(pool, async (q) => {
        if (await q.one(byUser, [l.userId])) throw new OidcLinkConflictError('user');
        if (await q.one(bySubject, [l.issuer, l.subject])) throw new OidcLinkConflictError('subject');
        const added = await q.run(
          'INSERT INTO oidc_links (user_id, issuer, subject, linked_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [l.userId, l.issuer, l.subject, l.linkedAt],
        );
        if (added !== 1) throw new OidcLinkConflictError((await q.one(byUser, [l.userId])) ? 'user' : 'subject');
        for (const entry of entries) await audit(q, entry);
      }),
    unlinkOidc: (userId, entries) =>
      transaction(pool, async (q) => {
        if ((await q.run('DELETE FROM oidc_links WHERE user_id = $1', [userId])) === 0) return false;
        for (const entry of entries) await audit(q, entry);
        return true;
      }),
    saveOidcSession: async (s) => {
      await sql.run('INSERT INTO oidc_sessions (session_id, mfa, id_token) VALUES ($1, $2, $3)', [
        s.sessionId,
        s.mfa ? 1 : 0,
        s.idToken,
      ]);
    },
    getOidcSession: async (sessionId) => {
      const row = await sql.one<{ mfa: number; id_token: string }>(
        'SELECT mfa, id_token FROM oidc_sessions WHERE session_id = $1',
        [sessionId],
      );
      return row ? { sessionId, mfa: row.mfa === 1, idToken: row.id_token } : null;
    },
  };
}
