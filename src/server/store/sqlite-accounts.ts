import type Database from 'better-sqlite3';
import type { UserRole } from '../../domain/auth';
import type { SessionRecord, SubmissionFilter, SubmissionRecord, UserRecord } from './port';

type Row = Record<string, string | number | null>;
const nstr = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));

export function userFromRow(r: Row): UserRecord {
  return {
    id: String(r.id),
    email: String(r.email),
    name: String(r.name),
    role: String(r.role) as UserRole,
    ministryId: nstr(r.ministry_id),
    passwordHash: String(r.password_hash),
    mustChangePassword: r.must_change_password === 1,
    totpSecret: nstr(r.totp_secret),
    totpEnabled: r.totp_enabled === 1,
    totpPendingSecret: nstr(r.totp_pending_secret),
    totpLastStep: r.totp_last_step === null || r.totp_last_step === undefined ? null : Number(r.totp_last_step),
    failedLogins: Number(r.failed_logins),
    lockedUntil: nstr(r.locked_until),
    disabled: r.disabled === 1,
    createdAt: String(r.created_at),
    version: Number(r.version),
  };
}

export function userToRow(u: UserRecord) {
  return {
    ...u,
    mustChangePassword: u.mustChangePassword ? 1 : 0,
    totpEnabled: u.totpEnabled ? 1 : 0,
    disabled: u.disabled ? 1 : 0,
  };
}

export function submissionFromRow(r: Row): SubmissionRecord {
  return {
    id: String(r.id),
    measureId: String(r.measure_id),
    ministryId: String(r.ministry_id),
    baseVersion: Number(r.base_version),
    status: String(r.status) as SubmissionRecord['status'],
    progress: Number(r.progress),
    narrative: String(r.narrative),
    evidence: String(r.evidence),
    state: String(r.state) as SubmissionRecord['state'],
    submittedBy: String(r.submitted_by),
    submittedAt: String(r.submitted_at),
    reviewedBy: nstr(r.reviewed_by),
    reviewedAt: nstr(r.reviewed_at),
    reviewComment: nstr(r.review_comment),
    version: Number(r.version),
  };
}

function sessionFromRow(r: Row): SessionRecord {
  return {
    id: String(r.id),
    userId: String(r.user_id),
    csrfToken: String(r.csrf_token),
    createdAt: String(r.created_at),
    lastSeenAt: String(r.last_seen_at),
    ip: String(r.ip),
    userAgent: String(r.user_agent),
  };
}

/** Accounts, sessions and submissions: reads and the session writes (not audited, not versioned). */
export function accountQueries(db: Database.Database) {
  // Statements are prepared once: these run on every request (the session lookup).
  const prepared = new Map<string, Database.Statement>();
  const stmt = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const one = <T>(sql: string, map: (r: Row) => T, ...args: unknown[]) => {
    const row = stmt(sql).get(...args) as Row | undefined;
    return row ? map(row) : null;
  };
  return {
    userCount: () => (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n,
    getUser: (id: string) => one('SELECT * FROM users WHERE id = ?', userFromRow, id),
    getUserByEmail: (email: string) => one('SELECT * FROM users WHERE email = ?', userFromRow, email),
    listUsers: () => (db.prepare('SELECT * FROM users ORDER BY role, email').all() as Row[]).map(userFromRow),
    getSubmission: (id: string) => one('SELECT * FROM submissions WHERE id = ?', submissionFromRow, id),
    listSubmissions: (f: SubmissionFilter) => {
      const rows = db
        .prepare(
          `SELECT * FROM submissions WHERE (@state IS NULL OR state = @state) AND (@ministryId IS NULL OR ministry_id = @ministryId)
           AND (@measureId IS NULL OR measure_id = @measureId) ORDER BY submitted_at DESC, id DESC`,
        )
        .all({ state: f.state ?? null, ministryId: f.ministryId ?? null, measureId: f.measureId ?? null }) as Row[];
      return rows.map(submissionFromRow);
    },
    createSession: (s: SessionRecord) =>
      void db
        .prepare('INSERT INTO sessions VALUES (@id, @userId, @csrfToken, @createdAt, @lastSeenAt, @ip, @userAgent)')
        .run(s),
    getSession: (id: string) => one('SELECT * FROM sessions WHERE id = ?', sessionFromRow, id),
    touchSession: (id: string, at: string) =>
      void db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(at, id),
    deleteSession: (id: string) => void db.prepare('DELETE FROM sessions WHERE id = ?').run(id),
    deleteUserSessions: (userId: string, exceptId?: string) =>
      void db.prepare('DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?').run(userId, exceptId ?? null),
  };
}
