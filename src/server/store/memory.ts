import type { CompiledSeeds } from '../../domain/compile-seeds';
import type { ProgressEvent } from '../../domain/model';
import type { PlanSnapshot } from '../../domain/snapshot';
import {
  assignmentKey,
  latestByAssignment,
  StoreConflictError,
  type AuditEntry,
  type NewAuditEntry,
  type ReferenceData,
  type ScenarioInfo,
  type Store,
} from './port';

/** The in-memory adapter: the same contract as SQLite, for the browser mock and fast tests. */
export function createMemoryStore(): Store {
  let seeds: CompiledSeeds | null = null;
  let reference: ReferenceData = { instructions: [], ciSectors: [] };
  let events: ProgressEvent[] = [];
  const audit: AuditEntry[] = [];
  const loaded: ScenarioInfo[] = [];
  let revision = 0;

  const appendAudit = (entry: NewAuditEntry) => audit.push({ ...entry, id: audit.length + 1 });
  const clone = <T>(value: T): T => structuredClone(value);

  return {
    kind: 'memory',
    isEmpty: () => Promise.resolve(seeds === null),
    seed(next, ref, entry) {
      if (seeds) return Promise.reject(new StoreConflictError('not_empty', 'the store already holds a plan'));
      seeds = clone(next);
      reference = clone(ref);
      appendAudit(entry);
      revision++;
      return Promise.resolve();
    },
    revision: () => Promise.resolve(revision),
    snapshot() {
      const base: PlanSnapshot = seeds
        ? { ...clone(seeds), events: clone(events) }
        : {
            planPeriod: { start: '2015-04-01', end: '2018-03-31', label: { ja: '', en: '' } },
            areas: [],
            sections: [],
            items: [],
            organisations: [],
            milestones: [],
            packageEntries: [],
            measures: [],
            assignments: [],
            events: [],
          };
      return Promise.resolve({ ...base, revision });
    },
    reference: () => Promise.resolve(clone(reference)),
    loadScenario(info, newEvents, entry) {
      if (!seeds) return Promise.reject(new StoreConflictError('unknown_reference', 'the store holds no plan'));
      if (loaded.some((s) => s.id === info.id))
        return Promise.reject(new StoreConflictError('already_loaded', `scenario ${info.id} is already loaded`));
      const byKey = new Map(seeds.assignments.map((a) => [assignmentKey(a.measureId, a.ministryId), a]));
      const unknown = newEvents.find((e) => !byKey.has(assignmentKey(e.measureId, e.ministryId)));
      if (unknown)
        return Promise.reject(
          new StoreConflictError('unknown_reference', `no assignment ${unknown.measureId} × ${unknown.ministryId}`),
        );
      for (const [key, state] of latestByAssignment([...events, ...newEvents])) {
        const a = byKey.get(key);
        if (a) Object.assign(a, state, { version: a.version + 1 });
      }
      events = [...events, ...newEvents.map((e, i) => ({ ...e, id: events.length + i + 1 }))];
      loaded.push({ ...info, loadedAt: entry.at });
      appendAudit(entry);
      revision++;
      return Promise.resolve();
    },
    scenarios: () => Promise.resolve(clone(loaded)),
    listAudit({ limit, offset, entity }) {
      const matching = audit.filter((a) => !entity || a.entity === entity).reverse();
      return Promise.resolve({ items: clone(matching.slice(offset, offset + limit)), total: matching.length });
    },
    close: () => Promise.resolve(),
  };
}
