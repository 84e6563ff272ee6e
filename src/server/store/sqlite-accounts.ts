import type Database from 'better-sqlite3';
import type { UserRole } from '@/domain/auth';
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

export function sessionFromRow(r: Row): SessionRecord {
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

/** How many sessions and users the read cache keeps at most (least recently used out first). */
export const ACCOUNT_CACHE_LIMIT = 5000;

/**
 * Accounts, sessions and submissions: reads and the session writes (not audited, not versioned).
 *
 * Every API request looks up its session and user. Those two reads are served from memory (decision
 * record 009) and stay exact:
 * - every write this connection makes to a session or user goes through here (`forgetUser` for the
 *   user changes `commit` applies) and drops what it changed before it returns;
 * - a write by any other connection or process (the CLI, a second server) changes SQLite's
 *   `PRAGMA data_version`, checked at every lookup: then everything cached is dropped;
 * - callers get copies, never the cached records.
 * Expiry is not cached: the caller checks the record's times against the clock on every request.
 */
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

  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  let seenVersion = dataVersion.get();
  const sessions = new Map<string, SessionRecord>();
  const users = new Map<string, UserRecord>();
  /** Drops everything if another connection has committed since the last look. */
  const checkOthers = () => {
    const version = dataVersion.get();
    if (version !== seenVersion) {
      seenVersion = version;
      sessions.clear();
      users.clear();
    }
  };
  const cached = <T extends object>(cache: Map<string, T>, id: string, load: () => T | null): T | null => {
    checkOthers();
    let record = cache.get(id);
    if (record) {
      cache.delete(id); // most recently used last
    } else {
      record = load() ?? undefined;
      if (!record) return null; // misses are not kept: a record created later is found at once
      if (cache.size >= ACCOUNT_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    }
    cache.set(id, record);
    return { ...record };
  };
  const forgetSessionsOf = (userId: string, exceptId?: string) => {
    for (const [id, s] of sessions) if (s.userId === userId && id !== exceptId) sessions.delete(id);
  };

  return {
    userCount: () => (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n,
    getUser: (id: string) => cached(users, id, () => one('SELECT * FROM users WHERE id = ?', userFromRow, id)),
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
    getSession: (id: string) =>
      cached(sessions, id, () => one('SELECT * FROM sessions WHERE id = ?', sessionFromRow, id)),
    touchSession: (id: string, at: string) => {
      try {
        stmt('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(at, id);
      } finally {
        sessions.delete(id);
      }
    },
    deleteSession: (id: string) => {
      try {
        stmt('DELETE FROM sessions WHERE id = ?').run(id);
      } finally {
        sessions.delete(id);
      }
    },
    deleteUserSessions: (userId: string, exceptId?: string) => {
      try {
        db.prepare('DELETE FROM sessions WHERE user_id = ? AND id IS NOT ?').run(userId, exceptId ?? null);
      } finally {
        forgetSessionsOf(userId, exceptId);
      }
    },
    /** `commit` changed (or tried to change) this user: the next lookup reads it afresh. */
    forgetUser: (id: string) => void users.delete(id),
  };
}
