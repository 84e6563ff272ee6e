import { createThrottle } from '../auth/throttle';
import type { CompiledSeeds } from '@/domain/seeds';
import type { AssignmentRecord, ProgressEvent } from '@/domain/plan';
import type { PlanSnapshot } from '@/domain/plan';
import { allSearchRows, findNeedles, type SearchRow } from '@/domain/search';
import { auditMatches, memoryAccounts } from './memory-accounts';
import { memoryAnnual } from './memory-annual';
import { memoryOidc } from './memory-oidc';
import { memoryRounds } from './memory-rounds';
import { memoryBackups } from './memory-backups';
import { isRoundChange } from './rounds-port';
import {
  assignmentKey,
  changeId,
  isAnnualChange,
  latestByAssignment,
  StaleVersionError,
  StoreConflictError,
  touchesPlan,
  type AuditEntry,
  type Change,
  type NewAuditEntry,
  type ReferenceData,
  type ScenarioInfo,
  type Store,
  type UserRecord,
} from './port';

const EMPTY: Omit<PlanSnapshot, 'events'> = {
  planPeriod: { start: '2015-04-01', end: '2018-03-31', label: { ja: '', en: '' } },
  areas: [],
  sections: [],
  items: [],
  organisations: [],
  milestones: [],
  packageEntries: [],
  measures: [],
  assignments: [],
};

/** As the SQLite update does: the sign-in count and lock change only through the store's count and clear. */
function keepSignInCount(next: UserRecord, stored: UserRecord | undefined): UserRecord {
  const copy = structuredClone(next);
  return stored ? { ...copy, failedLogins: stored.failedLogins, lockedUntil: stored.lockedUntil } : copy;
}

/** The in-memory adapter: the same contract as SQLite, for the browser mock and fast tests. */
export function createMemoryStore(): Store {
  let plan: CompiledSeeds | null = null;
  let reference: ReferenceData = { instructions: [], ciSectors: [] };
  let events: ProgressEvent[] = [];
  const audit: AuditEntry[] = [];
  const loaded: ScenarioInfo[] = [];
  const accounts = memoryAccounts();
  const annual = memoryAnnual();
  const rounds = memoryRounds();
  let revision = 0;

  const clone = <T>(value: T): T => structuredClone(value);
  const appendAudit = (entry: NewAuditEntry) => audit.push({ ...clone(entry), id: audit.length + 1 });

  /** Checks every expectation first, then applies: complete or absent, like the SQLite transaction. */
  function commit(changes: Change[], entries: NewAuditEntry[]) {
    const current = plan ?? EMPTY;
    const find = (c: Exclude<Change, { kind: 'event' }>): { version: number } | undefined => {
      switch (c.kind) {
        case 'measure':
          return current.measures.find((m) => m.id === c.next.id);
        case 'assignment':
          return current.assignments.find(
            (a) => a.measureId === c.next.measureId && a.ministryId === c.next.ministryId,
          );
        case 'milestone':
          return current.milestones.find((m) => m.id === c.next.id);
        case 'submission':
          return accounts.submissions.get(c.next.id);
        case 'user':
          return accounts.users.get(c.next.id) ?? [...accounts.users.values()].find((u) => u.email === c.next.email);
        case 'annualPlan':
        case 'annualResult':
        case 'fiscalYear':
        case 'resultSubmission':
          return annual.find(c);
      }
    };
    for (const c of changes) {
      if (c.kind === 'event') {
        if (
          !current.assignments.some((a) => a.measureId === c.event.measureId && a.ministryId === c.event.ministryId)
        ) {
          throw new StoreConflictError(
            'unknown_reference',
            `no assignment ${c.event.measureId} × ${c.event.ministryId}`,
          );
        }
        continue;
      }
      if (isRoundChange(c)) {
        const found = rounds.find(c);
        const ok =
          found === null
            ? !rounds.rowsClash(c)
            : c.kind === 'round' || c.kind === 'roundRow'
              ? c.expectVersion === null
                ? !found
                : found?.version === c.expectVersion
              : true;
        if (!ok) throw new StaleVersionError(c.kind, changeId(c));
        continue;
      }
      const found = find(c);
      const ok = c.expectVersion === null ? !found : found?.version === c.expectVersion;
      if (!ok) throw new StaleVersionError(c.kind, changeId(c));
    }
    // Copy-on-write: a snapshot already handed out keeps its lists and records (see `snapshot`).
    const replace = <T>(list: T[], match: (x: T) => boolean, next: T): T[] => {
      const copy = list.slice();
      copy.splice(list.findIndex(match), 1, clone(next));
      return copy;
    };
    const added: ProgressEvent[] = [];
    for (const c of changes) {
      if (c.kind === 'event') added.push({ ...clone(c.event), id: events.length + added.length + 1 });
      else if (c.kind === 'measure') current.measures = replace(current.measures, (m) => m.id === c.next.id, c.next);
      else if (c.kind === 'assignment')
        current.assignments = replace(
          current.assignments,
          (a) => a.measureId === c.next.measureId && a.ministryId === c.next.ministryId,
          c.next,
        );
      else if (c.kind === 'milestone')
        current.milestones = replace(current.milestones, (m) => m.id === c.next.id, c.next);
      else if (isAnnualChange(c)) annual.apply(c);
      else if (isRoundChange(c)) rounds.apply(c);
      else if (c.kind === 'submission') accounts.submissions.set(c.next.id, clone(c.next));
      else accounts.users.set(c.next.id, keepSignInCount(c.next, accounts.users.get(c.next.id)));
    }
    if (added.length) events = [...events, ...added];
    entries.forEach(appendAudit);
    if (touchesPlan(changes)) revision++;
  }

  /**
   * One snapshot per revision, shared by every reader and never changed afterwards: writes replace
   * the lists and records they change (copy-on-write) and leave the rest, like the SQLite adapter,
   * so the plan index can be updated from what a write changed (decision record 003). Readers must
   * treat it as read-only.
   */
  let shared: (PlanSnapshot & { revision: number }) | null = null;
  const snapshot = () => {
    if (shared?.revision !== revision) {
      const current = plan ?? EMPTY;
      shared = {
        planPeriod: current.planPeriod,
        areas: current.areas,
        sections: current.sections,
        items: current.items,
        organisations: current.organisations,
        milestones: current.milestones,
        packageEntries: current.packageEntries,
        measures: current.measures,
        assignments: current.assignments,
        events,
        revision,
      };
    }
    return shared;
  };

  // The search rows, rebuilt when the plan's revision moves on (the SQLite adapter keeps them in FTS5).
  let searchIndex: { revision: number; rows: SearchRow[] } | null = null;
  const searchRows = () => {
    if (searchIndex?.revision !== revision) searchIndex = { revision, rows: allSearchRows(snapshot()) };
    return searchIndex.rows;
  };

  const resolve = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };

  return {
    kind: 'memory',
    throttle: (_scope, policy) => createThrottle(policy),
    isEmpty: () => Promise.resolve(plan === null),
    seed: (next, ref, entry) =>
      resolve(() => {
        if (plan) throw new StoreConflictError('not_empty', 'the store already holds a plan');
        plan = clone(next);
        reference = clone(ref);
        appendAudit(entry);
        revision++;
      }),
    revision: () => Promise.resolve(revision),
    lookupSession: async (id) => {
      const session = await accounts.api.getSession(id);
      return { revision, session, user: session && (await accounts.api.getUser(session.userId)) };
    },
    snapshot: () => Promise.resolve(snapshot()),
    reference: () => Promise.resolve(clone(reference)),
    loadScenario: (info, newEvents, entry) =>
      resolve(() => {
        if (!plan) throw new StoreConflictError('unknown_reference', 'the store holds no plan');
        if (loaded.some((s) => s.id === info.id))
          throw new StoreConflictError('already_loaded', `scenario ${info.id} is already loaded`);
        const byKey = new Map(plan.assignments.map((a) => [assignmentKey(a.measureId, a.ministryId), a]));
        const current = plan;
        const unknown = newEvents.find((e) => !byKey.has(assignmentKey(e.measureId, e.ministryId)));
        if (unknown)
          throw new StoreConflictError(
            'unknown_reference',
            `no assignment ${unknown.measureId} × ${unknown.ministryId}`,
          );
        const touched = new Set(newEvents.map((e) => assignmentKey(e.measureId, e.ministryId)));
        const updated = new Map<string, AssignmentRecord>();
        for (const [key, state] of latestByAssignment([...events, ...newEvents])) {
          const a = byKey.get(key);
          if (a && touched.has(key)) updated.set(key, { ...a, ...state, version: a.version + 1 });
        }
        current.assignments = current.assignments.map(
          (a) => updated.get(assignmentKey(a.measureId, a.ministryId)) ?? a,
        );
        events = [...events, ...newEvents.map((e, i) => ({ ...e, id: events.length + i + 1 }))];
        loaded.push({ ...info, loadedAt: entry.at });
        appendAudit(entry);
        revision++;
      }),
    scenarios: () => Promise.resolve(clone(loaded)),
    listAudit({ limit, offset, ...filter }) {
      const matching = audit.filter((a) => auditMatches(a, filter)).reverse();
      return Promise.resolve({ items: clone(matching.slice(offset, offset + limit)), total: matching.length });
    },
    commit: (changes, entries) => resolve(() => commit(changes, entries)),
    annual: (fy) => Promise.resolve(annual.read(fy)),
    getResultSubmission: (id) => Promise.resolve(annual.getSubmission(id)),
    listResultSubmissions: (filter) => Promise.resolve(annual.listSubmissions(filter)),
    searchMeasureText: (needles) => resolve(() => findNeedles(searchRows(), needles)),
    ...accounts.api,
    ...memoryOidc((id) => accounts.sessions.has(id), appendAudit),
    ...rounds.api,
    ...memoryBackups(appendAudit),
    close: () => Promise.resolve(),
  };
}
