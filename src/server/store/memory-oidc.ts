import type { NewAuditEntry } from './port';
import { OidcLinkConflictError, type OidcLink, type OidcSessionRecord, type OidcStore } from './port-oidc';

/**
 * OpenID Connect links and sessions for the in-memory store. `sessionAlive` says whether a session still
 * exists, as SQLite's cascade would; `audit` appends to the store's trail in the same synchronous step.
 */
export function memoryOidc(sessionAlive: (id: string) => boolean, audit: (entry: NewAuditEntry) => void): OidcStore {
  const links = new Map<string, OidcLink>();
  const sessions = new Map<string, OidcSessionRecord>();
  const copy = <T>(v: T | undefined) => Promise.resolve(v === undefined ? null : structuredClone(v));
  const bySubject = (issuer: string, subject: string) =>
    [...links.values()].find((l) => l.issuer === issuer && l.subject === subject);
  return {
    getOidcLinkBySubject: (issuer, subject) => copy(bySubject(issuer, subject)),
    getOidcLink: (userId) => copy(links.get(userId)),
    listOidcLinks: () => Promise.resolve(structuredClone([...links.values()])),
    linkOidc: (link, entries) => {
      if (links.has(link.userId)) return Promise.reject(new OidcLinkConflictError('user'));
      if (bySubject(link.issuer, link.subject)) return Promise.reject(new OidcLinkConflictError('subject'));
      links.set(link.userId, structuredClone(link));
      entries.forEach(audit);
      return Promise.resolve();
    },
    unlinkOidc: (userId, entries) => {
      if (!links.delete(userId)) return Promise.resolve(false);
      entries.forEach(audit);
      return Promise.resolve(true);
    },
    saveOidcSession: (record) => {
      for (const id of sessions.keys()) if (!sessionAlive(id)) sessions.delete(id); // the cascade, lazily
      if (sessionAlive(record.sessionId)) sessions.set(record.sessionId, structuredClone(record));
      return Promise.resolve();
    },
    getOidcSession: (sessionId) => copy(sessionAlive(sessionId) ? sessions.get(sessionId) : undefined),
  };
}
