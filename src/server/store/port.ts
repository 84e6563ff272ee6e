import type { CompiledSeeds } from '@/domain/seeds';
import type { AnnualData, AnnualPlanRecord, AnnualResultRecord, FiscalYearRecord } from '@/domain/contract';
import type { UserRole } from '@/domain/auth';
import type { ResultSubmission, Submission } from '@/domain/contract';
import type { AssignmentRecord, MeasureRecord, Milestone, ProgressEvent } from '@/domain/plan';
import type { CiSector, Instruction } from '@/domain/seeds';
import type { PlanSnapshot } from '@/domain/plan';
import type { Status } from '@/domain/plan';
import type { SearchHit } from '@/domain/search';
import type { OidcStore } from './port-oidc';
import type { BackupsPort } from './backups-port';
import type { RoundChange, RoundsPort } from './rounds-port';

/** One append-only audit entry: who, when, what, before → after. */
export type AuditEntry = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};
export type NewAuditEntry = Omit<AuditEntry, 'id'>;

export type NewProgressEvent = Omit<ProgressEvent, 'id'>;

export type ReferenceData = { instructions: Instruction[]; ciSectors: CiSector[] };

export type ScenarioInfo = { id: string; label: { ja: string; en: string }; loadedAt: string };

export type UserRecord = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  ministryId: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  totpSecret: string | null;
  totpEnabled: boolean;
  /** A secret being enrolled: it replaces `totpSecret` only once a code from it is confirmed. */
  totpPendingSecret: string | null;
  /** The last TOTP time step accepted for this account: a code is never accepted twice (RFC 6238 §5.2). */
  totpLastStep: number | null;
  failedLogins: number;
  lockedUntil: string | null;
  disabled: boolean;
  createdAt: string;
  version: number;
};

/** `id` is the SHA-256 of the cookie's token: a copy of the table cannot be replayed as sessions. */
export type SessionRecord = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
  userAgent: string;
};

export type SubmissionRecord = Submission;

/** `Store.lookupSession`: the revision, and the session with its user as they are now. */
export type SessionLookup = { revision: number; session: SessionRecord | null; user: UserRecord | null };

/**
 * What a sign-in attempt is counted against: the account, or one trusted device of it (an OWASP
 * device cookie, `deviceId` its nonce). An account lock holds only for untrusted clients.
 */
export type SignInScope = { userId: string; deviceId: string | null };
export type SignInPolicy = { limit: number; lockMs: number };
/** `allowed`: the password may be checked. `lockedNow`: this attempt's count set the lock. */
export type SignInGate = { allowed: boolean; lockedNow: boolean; lockedUntil: string | null };
export type SignInCount = { failures: number; lockedUntil: string | null };

/**
 * Counts one attempt as a failure before its password is checked (a success clears it afterwards):
 * refused while locked; the `limit`-th count locks the scope and starts the next count from zero.
 * Both adapters apply this inside one transaction, so parallel guesses get `limit` checks at most.
 */
export function countAttempt(
  current: SignInCount,
  now: string,
  policy: SignInPolicy,
): { gate: SignInGate; next: SignInCount } {
  if (current.lockedUntil && current.lockedUntil > now) {
    return { gate: { allowed: false, lockedNow: false, lockedUntil: current.lockedUntil }, next: current };
  }
  const failures = current.failures + 1;
  const lock = failures >= policy.limit;
  const lockedUntil = lock ? new Date(Date.parse(now) + policy.lockMs).toISOString() : null;
  return {
    gate: { allowed: true, lockedNow: lock, lockedUntil },
    next: { failures: lock ? 0 : failures, lockedUntil },
  };
}

/**
 * One change in a commit. `expectVersion` is the version the writer read: the commit fails with
 * StaleVersionError if the stored record has moved on (null: the record must not exist yet).
 */
export type Change =
  | { kind: 'measure'; expectVersion: number; next: MeasureRecord }
  | { kind: 'assignment'; expectVersion: number; next: AssignmentRecord }
  | { kind: 'milestone'; expectVersion: number; next: Milestone }
  | { kind: 'submission'; expectVersion: number | null; next: SubmissionRecord }
  | { kind: 'user'; expectVersion: number | null; next: UserRecord }
  | AnnualChange
  | RoundChange
  | { kind: 'event'; event: NewProgressEvent };

/** The annual cycle's records (issue 5): plan texts, results per ministry, a started fiscal year. */
export type AnnualChange =
  | { kind: 'annualPlan'; expectVersion: number | null; next: AnnualPlanRecord }
  | { kind: 'annualResult'; expectVersion: number | null; next: AnnualResultRecord }
  | { kind: 'fiscalYear'; expectVersion: number | null; next: FiscalYearRecord }
  /** A liaison's results text awaiting (or after) NISC review (issue 18, decision record 020). */
  | { kind: 'resultSubmission'; expectVersion: number | null; next: ResultSubmission };

export function isAnnualChange(change: Change): change is AnnualChange {
  return (
    change.kind === 'annualPlan' ||
    change.kind === 'annualResult' ||
    change.kind === 'fiscalYear' ||
    change.kind === 'resultSubmission'
  );
}

export class StaleVersionError extends Error {
  constructor(
    readonly entity: Exclude<Change['kind'], 'event'>,
    readonly entityId: string,
  ) {
    super(`${entity} ${entityId} has changed since it was read`);
    this.name = 'StaleVersionError';
  }
}

export function changeId(change: Exclude<Change, { kind: 'event' }>): string {
  switch (change.kind) {
    case 'assignment':
      return `${change.next.measureId}/${change.next.ministryId}`;
    case 'annualPlan':
      return `${change.next.fy}/${change.next.measureId}`;
    case 'annualResult':
      return `${change.next.fy}/${change.next.measureId}/${change.next.ministryId}`;
    case 'fiscalYear':
      return String(change.next.fy);
    case 'roundRows':
      return change.rows[0]?.roundId ?? '';
    case 'notification':
      return `${change.next.userId}/${change.next.key}`;
    case 'mailJob':
      return change.next.key;
    default:
      return change.next.id;
  }
}

/** Changes to these kinds alter what the read side computes, so they move the revision on. */
export function touchesPlan(changes: readonly Change[]): boolean {
  return changes.some(
    (c) => c.kind === 'measure' || c.kind === 'assignment' || c.kind === 'milestone' || c.kind === 'event',
  );
}

export type AuditFilter = {
  limit: number;
  offset: number;
  entity?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
};

export type SubmissionFilter = { state?: Submission['state']; ministryId?: string; measureId?: string };
/** Newest first. */
export type ResultSubmissionFilter = SubmissionFilter & { fy?: number };

/**
 * The storage port. Every write is one transaction that also appends its audit entry; a write is
 * complete or absent. `revision` grows with every committed write so readers can cache.
 */
export interface Store extends OidcStore, RoundsPort, BackupsPort {
  readonly kind: 'sqlite' | 'memory' | 'postgres';
  isEmpty(): Promise<boolean>;
  /** Loads the strategy into an empty store. Refuses a store that holds data. */
  seed(seeds: CompiledSeeds, reference: ReferenceData, audit: NewAuditEntry): Promise<void>;
  revision(): Promise<number>;
  snapshot(): Promise<PlanSnapshot & { revision: number }>;
  reference(): Promise<ReferenceData>;
  /**
   * Records a labelled sample scenario: its events, each assignment's current state set to its
   * latest event. Refuses an unknown measure or assignment, and a scenario already loaded.
   */
  loadScenario(
    scenario: Omit<ScenarioInfo, 'loadedAt'>,
    events: NewProgressEvent[],
    audit: NewAuditEntry,
  ): Promise<void>;
  scenarios(): Promise<ScenarioInfo[]>;
  listAudit(query: AuditFilter): Promise<{ items: AuditEntry[]; total: number }>;
  /** A fiscal year's plan texts, results and (once started) its roster; written through `commit`. */
  annual(fy: number): Promise<AnnualData>;
  /** Applies every change and appends every audit entry in one transaction, or none of them. */
  commit(changes: Change[], audit: NewAuditEntry[]): Promise<void>;
  userCount(): Promise<number>;
  getUser(id: string): Promise<UserRecord | null>;
  getUserByEmail(email: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  getSubmission(id: string): Promise<SubmissionRecord | null>;
  listSubmissions(filter: SubmissionFilter): Promise<SubmissionRecord[]>;
  getResultSubmission(id: string): Promise<ResultSubmission | null>;
  listResultSubmissions(filter: ResultSubmissionFilter): Promise<ResultSubmission[]>;
  createSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  /**
   * What an API request reads before its handler, at one instant: the plan revision now, the session
   * `id` and that session's user (null if either is gone). One round trip on PostgreSQL, where the
   * session and user are not cached (decision record 013); the request's plan reads then
   * use this revision instead of asking again.
   */
  lookupSession(id: string): Promise<SessionLookup>;
  touchSession(id: string, at: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Ends every session of a user but `exceptId` (a password change keeps the session that made it). */
  deleteUserSessions(userId: string, exceptId?: string): Promise<void>;
  /**
   * `countAttempt` on the scope's stored count, in one transaction. The count and lock are not versioned
   * (a sign-in must not make an administrator's edit stale) and `commit` never writes them: only this
   * and `clearSignInFailures` do.
   */
  countSignInAttempt(scope: SignInScope, now: string, policy: SignInPolicy): Promise<SignInGate>;
  /** Forgets the failures counted against the scope, once an attempt has succeeded. */
  clearSignInFailures(scope: SignInScope): Promise<void>;
  /**
   * Search candidates (decision record 016). For each needle, one hit per (measure, field) whose
   * indexed text contains the needle as a plain, case-sensitive substring; nothing for an empty
   * needle; no duplicates; any order. The indexed texts are `searchRows(measure, plan)` of
   * '@/domain/search' (already normalised), written when the plan is seeded; needles arrive
   * normalised too, so the adapter compares strings and nothing else. `findNeedles` is the reference.
   */
  searchMeasureText(needles: readonly string[]): Promise<SearchHit[]>;
  /** A random secret kept with the data, created on first use: the same for every server instance. */
  serverSecret(name: string): Promise<string>;
  /**
   * Failures per key (a client address, an account re-authenticating) in a sliding window. In process
   * for memory and SQLite (one server holds the file); in the database for PostgreSQL, so that every
   * instance counts against the same window.
   */
  throttle(scope: string, policy: ThrottlePolicy): Throttle;
  close(): Promise<void>;
}

export type ThrottlePolicy = { limit: number; windowMs: number };

/** A sliding-window failure counter (auth/throttle.ts in process, pg-sign-in.ts in PostgreSQL). */
export type Throttle = {
  /** Milliseconds until the key may try again, or 0. */
  retryAfter(key: string, nowMs: number): Promise<number>;
  /**
   * Checks and counts an attempt in one atomic step, before the slow password check: otherwise any
   * number of concurrent guesses all pass `retryAfter` before the first failure is recorded. Returns
   * the wait as `retryAfter` does; 0 means the attempt is counted as a failure until `forgive`.
   */
  begin(key: string, nowMs: number): Promise<number>;
  /** Takes back the failure `begin` counted at `at`, for an attempt that turned out not to be one. */
  forgive(key: string, at: number): Promise<void>;
};

/**
 * The database cannot be reached (down, restarting, failing over, out of connections): the request
 * may succeed if retried shortly, so the API answers 503 with Retry-After, never 500.
 */
export class StoreUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the database is unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}

export class StoreConflictError extends Error {
  constructor(
    readonly code: 'not_empty' | 'unknown_reference' | 'already_loaded',
    message: string,
  ) {
    super(message);
    this.name = 'StoreConflictError';
  }
}

/** The latest event per assignment decides its current state. */
export function latestByAssignment(
  events: readonly NewProgressEvent[],
): Map<string, { status: Status; progress: number; narrative: string }> {
  const latest = new Map<string, NewProgressEvent>();
  for (const e of events) {
    const key = `${e.measureId}\u0000${e.ministryId}`;
    const prev = latest.get(key);
    if (!prev || e.effectiveOn >= prev.effectiveOn) latest.set(key, e);
  }
  return new Map([...latest].map(([k, e]) => [k, { status: e.status, progress: e.progress, narrative: e.narrative }]));
}

export function assignmentKey(measureId: string, ministryId: string): string {
  return `${measureId}\u0000${ministryId}`;
}
