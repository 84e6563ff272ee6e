import type { NewAuditEntry } from './port';

/** A tracker user's account at the organisation's OpenID Connect provider: one subject per user, one user per subject. */
export type OidcLink = { userId: string; issuer: string; subject: string; linkedAt: string };

/** A session that began at the provider: whether it asserted multi-factor authentication, and its ID token (logout hint). */
export type OidcSessionRecord = { sessionId: string; mfa: boolean; idToken: string };

export class OidcLinkConflictError extends Error {
  constructor(readonly which: 'user' | 'subject') {
    super(`this ${which} is linked already`);
    this.name = 'OidcLinkConflictError';
  }
}

/** The store's part for issue 14 (sqlite-oidc.ts, memory-oidc.ts). */
export interface OidcStore {
  getOidcLinkBySubject(issuer: string, subject: string): Promise<OidcLink | null>;
  getOidcLink(userId: string): Promise<OidcLink | null>;
  listOidcLinks(): Promise<OidcLink[]>;
  /** Links with its audit entries in one transaction; OidcLinkConflictError if the user or the subject is linked. */
  linkOidc(link: OidcLink, audit: NewAuditEntry[]): Promise<void>;
  /** Removes the user's link with its audit entries; false (nothing written) if there was none. */
  unlinkOidc(userId: string, audit: NewAuditEntry[]): Promise<boolean>;
  /** Marks a live session as begun at the provider; it ends with the session. */
  saveOidcSession(record: OidcSessionRecord): Promise<void>;
  getOidcSession(sessionId: string): Promise<OidcSessionRecord | null>;
}
