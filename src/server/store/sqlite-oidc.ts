import type Database from 'better-sqlite3';
import type { NewAuditEntry } from './port';
import { OidcLinkConflictError, type OidcLink, type OidcSessionRecord, type OidcStore } from './port-oidc';

type LinkRow = { user_id: string; issuer: string; subject: string; linked_at: string };
const toLink = (r: LinkRow): OidcLink => ({
  userId: r.user_id,
  issuer: r.issuer,
  subject: r.subject,
  linkedAt: r.linked_at,
});

/** OpenID Connect links and sessions (migration 8), in plain SQL; `audit` appends inside the same transaction. */
export function oidcQueries(db: Database.Database, audit: (entry: NewAuditEntry) => void): OidcStore {
  const bySubject = db.prepare('SELECT * FROM oidc_links WHERE issuer = ? AND subject = ?');
  const byUser = db.prepare('SELECT * FROM oidc_links WHERE user_id = ?');
  const insert = db.prepare('INSERT INTO oidc_links (user_id, issuer, subject, linked_at) VALUES (?, ?, ?, ?)');
  const remove = db.prepare('DELETE FROM oidc_links WHERE user_id = ?');
  const link = db.transaction((l: OidcLink, entries: NewAuditEntry[]) => {
    if (byUser.get(l.userId)) throw new OidcLinkConflictError('user');
    if (bySubject.get(l.issuer, l.subject)) throw new OidcLinkConflictError('subject');
    insert.run(l.userId, l.issuer, l.subject, l.linkedAt);
    entries.forEach(audit);
  });
  const unlink = db.transaction((userId: string, entries: NewAuditEntry[]) => {
    if (remove.run(userId).changes === 0) return false;
    entries.forEach(audit);
    return true;
  });
  const saveSession = db.prepare('INSERT INTO oidc_sessions (session_id, mfa, id_token) VALUES (?, ?, ?)');
  const readSession = db.prepare('SELECT mfa, id_token FROM oidc_sessions WHERE session_id = ?');
  const run = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    getOidcLinkBySubject: (issuer, subject) =>
      run(() => {
        const row = bySubject.get(issuer, subject) as LinkRow | undefined;
        return row ? toLink(row) : null;
      }),
    getOidcLink: (userId) =>
      run(() => {
        const row = byUser.get(userId) as LinkRow | undefined;
        return row ? toLink(row) : null;
      }),
    listOidcLinks: () => run(() => (db.prepare('SELECT * FROM oidc_links').all() as LinkRow[]).map(toLink)),
    linkOidc: (l, entries) => run(() => link.immediate(l, entries)),
    unlinkOidc: (userId, entries) => run(() => unlink.immediate(userId, entries)),
    saveOidcSession: (s: OidcSessionRecord) => run(() => void saveSession.run(s.sessionId, s.mfa ? 1 : 0, s.idToken)),
    getOidcSession: (sessionId) =>
      run(() => {
        const row = readSession.get(sessionId) as { mfa: number; id_token: string } | undefined;
        return row ? { sessionId, mfa: row.mfa === 1, idToken: row.id_token } : null;
      }),
  };
}
