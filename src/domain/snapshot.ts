import { effectiveDue } from './deadline';
import type { IsoDate } from './dates';
import { computeHealth } from './health';
import type {
  Area,
  AssignmentRecord,
  Item,
  MeasureRecord,
  Milestone,
  Organisation,
  PackageEntry,
  PlanPeriod,
  ProgressEvent,
  Section,
} from './model';
import { rollUpAssignments, stateAt, type AssignmentState, type ProgressPoint } from './progress';
import type { AssignmentRole, Health, Provenance, Status } from './status';

/** Everything the read side needs, as the store hands it over. */
export type PlanSnapshot = {
  planPeriod: PlanPeriod;
  areas: Area[];
  sections: Section[];
  items: Item[];
  organisations: Organisation[];
  milestones: Milestone[];
  packageEntries: PackageEntry[];
  measures: MeasureRecord[];
  assignments: AssignmentRecord[];
  events: ProgressEvent[];
};

export type AssignmentTrack = {
  record: AssignmentRecord;
  points: ProgressPoint[];
};

/** A snapshot grouped for fast as-of questions; build once per snapshot, reuse per request. */
export type PlanIndex = {
  snapshot: PlanSnapshot;
  measureById: Map<string, MeasureRecord>;
  measureByCode: Map<string, MeasureRecord>;
  tracksByMeasure: Map<string, AssignmentTrack[]>;
  eventsByMeasure: Map<string, ProgressEvent[]>;
  /** Answers already computed from this (immutable) index, by question; see `memo`. */
  memo: Map<string, unknown>;
};

const MEMO_LIMIT = 64;

/**
 * An index never changes once built (a write builds a new one), so any answer computed from it can
 * be kept with it: states for an as-of date, statistics, a filtered list. Bounded, oldest out first.
 */
export function memo<T>(index: PlanIndex, key: string, compute: () => T): T {
  if (index.memo.has(key)) return index.memo.get(key) as T;
  const value = compute();
  if (index.memo.size >= MEMO_LIMIT) index.memo.delete(index.memo.keys().next().value!);
  index.memo.set(key, value);
  return value;
}

function byEffectiveDate(a: ProgressEvent, b: ProgressEvent): number {
  return a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.id - b.id;
}

export function buildIndex(snapshot: PlanSnapshot): PlanIndex {
  const eventsByMeasure = new Map<string, ProgressEvent[]>();
  for (const e of [...snapshot.events].sort(byEffectiveDate)) {
    const list = eventsByMeasure.get(e.measureId);
    if (list) list.push(e);
    else eventsByMeasure.set(e.measureId, [e]);
  }
  const tracksByMeasure = new Map<string, AssignmentTrack[]>();
  for (const a of snapshot.assignments) {
    const points = (eventsByMeasure.get(a.measureId) ?? []).filter((e) => e.ministryId === a.ministryId);
    const track = { record: a, points };
    const list = tracksByMeasure.get(a.measureId);
    if (list) list.push(track);
    else tracksByMeasure.set(a.measureId, [track]);
  }
  for (const list of tracksByMeasure.values()) list.sort((x, y) => roleOrder(x.record.role) - roleOrder(y.record.role));
  return {
    snapshot,
    measureById: new Map(snapshot.measures.map((m) => [m.id, m])),
    measureByCode: new Map(snapshot.measures.map((m) => [m.code, m])),
    tracksByMeasure,
    eventsByMeasure,
    memo: new Map(),
  };
}

function roleOrder(role: AssignmentRole): number {
  return role === 'lead' ? 0 : 1;
}

export type AssignmentView = {
  ministryId: string;
  role: AssignmentRole;
  provenance: Provenance;
  confirmed: boolean;
  status: Status;
  progress: number;
  lastUpdate: IsoDate | null;
  narrative: string;
  version: number;
};

export type MeasureState = {
  measure: MeasureRecord;
  status: Status;
  progress: number;
  health: Health;
  dueDate: IsoDate;
  lastUpdate: IsoDate | null;
  assignments: AssignmentView[];
};

/** A measure as it stood at `asOf`: each assignment's last update, rolled up, and its health. */
export function measureStateAt(index: PlanIndex, measure: MeasureRecord, asOf: IsoDate): MeasureState {
  const tracks = index.tracksByMeasure.get(measure.id) ?? [];
  const assignments = tracks.map(({ record, points }) => assignmentView(record, stateAt(points, asOf)));
  const rolled = rollUpAssignments(assignments);
  const dueDate = effectiveDue(measure.due, index.snapshot.planPeriod.end);
  const health = computeHealth(
    { status: rolled.status, progress: rolled.progress, start: measure.start, due: dueDate, dueKind: measure.due.kind },
    asOf,
  );
  const lastUpdate = assignments.reduce<IsoDate | null>(
    (acc, a) => (a.lastUpdate && (!acc || a.lastUpdate > acc) ? a.lastUpdate : acc),
    null,
  );
  return { measure, ...rolled, health, dueDate, lastUpdate, assignments };
}

function assignmentView(record: AssignmentRecord, state: AssignmentState): AssignmentView {
  return {
    ministryId: record.ministryId,
    role: record.role,
    provenance: record.provenance,
    confirmed: record.confirmed,
    status: state.status,
    progress: state.progress,
    lastUpdate: state.lastUpdate,
    narrative: state.narrative,
    version: record.version,
  };
}

/** Every measure's state at `asOf`, computed once per index and date. Treat the result as read-only. */
export function allStatesAt(index: PlanIndex, asOf: IsoDate): MeasureState[] {
  return memo(index, `states:${asOf}`, () => index.snapshot.measures.map((m) => measureStateAt(index, m, asOf)));
}
