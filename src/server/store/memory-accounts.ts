import {
  countAttempt,
  type AuditEntry,
  type AuditFilter,
  type SessionRecord,
  type SignInCount,
  type Store,
  type SubmissionRecord,
  type UserRecord,
} from './port';

type AccountApi = Pick<
  Store,
  | 'userCount'
  | 'getUser'
  | 'getUserByEmail'
  | 'listUsers'
  | 'getSubmission'
  | 'listSubmissions'
  | 'createSession'
  | 'getSession'
  | 'touchSession'
  | 'deleteSession'
  | 'deleteUserSessions'
  | 'countSignInAttempt'
  | 'clearSignInFailures'
  | 'serverSecret'
>;

/** Users, sessions and submissions for the in-memory store; writes to users and submissions go through commit. */
export function memoryAccounts() {
  const users = new Map<string, UserRecord>();
  const submissions = new Map<string, SubmissionRecord>();
  const sessions = new Map<string, SessionRecord>();
  const devices = new Map<string, SignInCount & { userId: string }>();
  const secrets = new Map<string, string>();
  const copy = <T>(v: T | undefined): Promise<T | null> => Promise.resolve(v === undefined ? null : structuredClone(v));
  const api: AccountApi = {
    userCount: () => Promise.resolve(users.size),
    getUser: (id) => copy(users.get(id)),
    getUserByEmail: (email) => copy([...users.values()].find((u) => u.email === email)),
    listUsers: () =>
      Promise.resolve(
        structuredClone(
          [...users.values()].sort((a, b) => a.role.localeCompare(b.role) || a.email.localeCompare(b.email)),
        ),
      ),
    getSubmission: (id) => copy(submissions.get(id)),
    listSubmissions: (f) =>
      Promise.resolve(
        structuredClone(
          [...submissions.values()]
            .filter(
              (s) =>
                (!f.state || s.state === f.state) &&
                (!f.ministryId || s.ministryId === f.ministryId) &&
                (!f.measureId || s.measureId === f.measureId),
            )
            .sort((a, b) =>
              a.submittedAt === b.submittedAt ? b.id.localeCompare(a.id) : b.submittedAt.localeCompare(a.submittedAt),
            ),
        ),
      ),
    createSession: (s) => {
      sessions.set(s.id, structuredClone(s));
      return Promise.resolve();
    },
    getSession: (id) => copy(sessions.get(id)),
    touchSession: (id, at) => {
      const s = sessions.get(id);
      if (s) s.lastSeenAt = at;
      return Promise.resolve();
    },
    deleteSession: (id) => {
      sessions.delete(id);
      return Promise.resolve();
    },
    deleteUserSessions: (userId, exceptId) => {
      for (const [id, s] of sessions) if (s.userId === userId && id !== exceptId) sessions.delete(id);
      return Promise.resolve();
    },
    // Synchronous from read to write: no other request runs in between, as in SQLite's transaction.
    countSignInAttempt: ({ userId, deviceId }, now, policy) => {
      const user = users.get(userId);
      if (!user) return Promise.resolve({ allowed: false, lockedNow: false, lockedUntil: null });
      const device = deviceId ? devices.get(deviceId) : undefined;
      const stored = deviceId
        ? { failures: device?.failures ?? 0, lockedUntil: device?.lockedUntil ?? null }
        : { failures: user.failedLogins, lockedUntil: user.lockedUntil };
      const { gate, next } = countAttempt(stored, now, policy);
      if (gate.allowed && deviceId) devices.set(deviceId, { userId, ...next });
      else if (gate.allowed) users.set(userId, { ...user, failedLogins: next.failures, lockedUntil: next.lockedUntil });
      return Promise.resolve(gate);
    },
    clearSignInFailures: ({ userId, deviceId }) => {
      const user = users.get(userId);
      if (deviceId) devices.delete(deviceId);
      else if (user && (user.failedLogins || user.lockedUntil))
        users.set(userId, { ...user, failedLogins: 0, lockedUntil: null });
      return Promise.resolve();
    },
    serverSecret: (name) => {
      // Web Crypto, not node:crypto: this store also runs in the browser (the offline mock).
      const random = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16)).join('');
      if (!secrets.has(name)) secrets.set(name, random());
      return Promise.resolve(secrets.get(name)!);
    },
  };
  return { users, submissions, sessions, api };
}

export function auditMatches(a: AuditEntry, f: Omit<AuditFilter, 'limit' | 'offset'>): boolean {
  return (
    (!f.entity || a.entity === f.entity) &&
    (!f.entityId || a.entityId === f.entityId) &&
    (!f.actor || a.actor === f.actor) &&
    (!f.action || a.action === f.action) &&
    (!f.from || a.at >= f.from) &&
    (!f.to || a.at < f.to)
  );
}
