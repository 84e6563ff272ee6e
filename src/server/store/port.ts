import type { CompiledSeeds } from '../../domain/compile-seeds';
import type { ProgressEvent } from '../../domain/model';
import type { CiSector, Instruction } from '../../domain/seed-schema';
import type { PlanSnapshot } from '../../domain/snapshot';
import type { Status } from '../../domain/status';

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

/**
 * The storage port. Every write is one transaction that also appends its audit entry; a write is
 * complete or absent. `revision` grows with every committed write so readers can cache.
 */
export interface Store {
  readonly kind: 'sqlite' | 'memory';
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
  listAudit(query: { limit: number; offset: number; entity?: string }): Promise<{ items: AuditEntry[]; total: number }>;
  close(): Promise<void>;
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
