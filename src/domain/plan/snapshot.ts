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
  /** Each measure's place in `snapshot.measures`, and so in every per-measure list derived from it. */
  positionById: Map<string, number>;
  tracksByMeasure: Map<string, AssignmentTrack[]>;
  eventsByMeasure: Map<string, ProgressEvent[]>;
  /** Answers already computed from this (immutable) index, by question; see `memo`. */
  memo: Map<string, MemoEntry>;
};

/**
 * How an answer kept with one index becomes the same answer for the next index, after a write
 * changed the measures at `changed` (positions in `snapshot.measures`): see `updateIndex`.
 */
export type Carry<T> = (value: T, next: PlanIndex, changed: readonly number[]) => T;

type MemoEntry = { value: unknown; carry?: Carry<unknown> };

const MEMO_LIMIT = 64;

/**
 * An index never changes once built (a write makes a new one), so any answer computed from it can
 * be kept with it: states for an as-of date, statistics, a filtered list. Bounded; the least
 * recently used answer goes first. An answer given a `carry` survives a write: `updateIndex`
 * brings it up to date for the measures the write changed instead of dropping it.
 */
export function memo<T>(index: PlanIndex, key: string, compute: () => T, carry?: Carry<T>): T {
  const hit = index.memo.get(key);
  if (hit) {
    index.memo.delete(key);
    index.memo.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  remember(index, key, { value, carry: carry as unknown as Carry<unknown> | undefined });
  return value;
}

function remember(index: PlanIndex, key: string, entry: MemoEntry): void {
  if (index.memo.size >= MEMO_LIMIT) index.memo.delete(index.memo.keys().next().value!);
  index.memo.set(key, entry);
}

function byEffectiveDate(a: ProgressEvent, b: ProgressEvent): number {
  return a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.id - b.id;
}

/** Sorts by effective date, ties by recording order; a list already in order (the usual case) is left alone. */
function sortEvents(list: ProgressEvent[]): ProgressEvent[] {
  for (let i = 1; i < list.length; i++)
    if (byEffectiveDate(list[i - 1]!, list[i]!) > 0) return list.sort(byEffectiveDate);
  return list;
}

/** A measure's tracks, one per assignment in the order given, lead first; each with its own ministry's points. */
function tracksOf(assignments: readonly AssignmentRecord[], events: readonly ProgressEvent[]): AssignmentTrack[] {
  const tracks = assignments.map((record) => ({
    record,
    points: events.filter((e) => e.ministryId === record.ministryId),
  }));
  return tracks.sort((x, y) => roleOrder(x.record.role) - roleOrder(y.record.role));
}

function groupBy<T>(list: readonly T[], keyOf: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const key = keyOf(x);
    const group = out.get(key);
    if (group) group.push(x);
    else out.set(key, [x]);
  }
  return out;
}

export function buildIndex(snapshot: PlanSnapshot): PlanIndex {
  // Grouping first and sorting each measure's few events is much cheaper than sorting them all.
  const eventsByMeasure = groupBy(snapshot.events, (e) => e.measureId);
  for (const list of eventsByMeasure.values()) sortEvents(list);
  const tracksByMeasure = new Map<string, AssignmentTrack[]>();
  for (const [measureId, assignments] of groupBy(snapshot.assignments, (a) => a.measureId)) {
    tracksByMeasure.set(measureId, tracksOf(assignments, eventsByMeasure.get(measureId) ?? []));
  }
  return {
    snapshot,
    measureById: new Map(snapshot.measures.map((m) => [m.id, m])),
    measureByCode: new Map(snapshot.measures.map((m) => [m.code, m])),
    positionById: new Map(snapshot.measures.map((m, i) => [m.id, i])),
    tracksByMeasure,
    eventsByMeasure,
    memo: new Map(),
  };
}

/** What a write changed between two snapshots of the same plan, found by comparing records by identity. */
type PlanDiff = { measureIds: Set<string>; changedRecords: number[]; newEvents: ProgressEvent[] };

/** Beyond this many changed measures, building afresh is as cheap as patching. */
const patchLimit = (measures: number) => 64 + Math.floor(measures / 8);

/**
 * Stores hand over copy-on-write snapshots: a write replaces the records it changed and appends its
 * events, and every other record, list and structure stays the same object. So identity tells what
 * changed. Null when the snapshots are not comparable that way (structure replaced, measures added,
 * removed or re-coded, events rewritten, a full re-read) or when too much changed to be worth patching.
 */
function diffSnapshots(a: PlanSnapshot, b: PlanSnapshot): PlanDiff | null {
  const sameStructure =
    a.planPeriod === b.planPeriod &&
    a.areas === b.areas &&
    a.sections === b.sections &&
    a.items === b.items &&
    a.organisations === b.organisations &&
    a.packageEntries === b.packageEntries;
  if (!sameStructure) return null;
  if (a.measures.length !== b.measures.length || a.assignments.length !== b.assignments.length) return null;
  if (b.events.length < a.events.length) return null;
  const limit = patchLimit(b.measures.length);
  const measureIds = new Set<string>();
  const changedRecords: number[] = [];
  for (let i = 0; i < b.measures.length; i++) {
    const [x, y] = [a.measures[i]!, b.measures[i]!];
    if (x === y) continue;
    if (x.id !== y.id || x.code !== y.code) return null;
    measureIds.add(y.id);
    changedRecords.push(i);
    if (measureIds.size > limit) return null;
  }
  for (let i = 0; i < b.assignments.length; i++) {
    const [x, y] = [a.assignments[i]!, b.assignments[i]!];
    if (x === y) continue;
    if (x.measureId !== y.measureId || x.ministryId !== y.ministryId) return null;
    measureIds.add(y.measureId);
    if (measureIds.size > limit) return null;
  }
  for (let i = 0; i < a.events.length; i++) if (a.events[i] !== b.events[i]) return null;
  const newEvents = b.events.slice(a.events.length);
  for (const e of newEvents) measureIds.add(e.measureId);
  if (measureIds.size > limit) return null;
  return { measureIds, changedRecords, newEvents };
}

/**
 * The index of `next`, made from the index of the snapshot before it (decision record 003): only
 * the measures a write changed are regrouped, and answers kept with a `carry` (states per as-of
 * date, completion timelines) are recomputed for those measures only; every other kept answer is
 * dropped. The result answers every question exactly as `buildIndex(next)` would; when the
 * snapshots are not comparable by identity (see `diffSnapshots`), it is `buildIndex(next)`.
 */
export function updateIndex(prev: PlanIndex, next: PlanSnapshot): PlanIndex {
  if (next === prev.snapshot) return prev;
  const diff = diffSnapshots(prev.snapshot, next);
  if (!diff) return buildIndex(next);
  const { measureIds, changedRecords, newEvents } = diff;

  let { measureById, measureByCode } = prev;
  if (changedRecords.length) {
    measureById = new Map(measureById);
    measureByCode = new Map(measureByCode);
    for (const i of changedRecords) {
      const m = next.measures[i]!;
      measureById.set(m.id, m);
      // Codes are unique; should two measures ever share one, the later keeps it, as in buildIndex.
      if (measureByCode.get(m.code)?.id === m.id) measureByCode.set(m.code, m);
    }
  }
  let eventsByMeasure = prev.eventsByMeasure;
  if (newEvents.length) {
    eventsByMeasure = new Map(eventsByMeasure);
    for (const [measureId, added] of groupBy(newEvents, (e) => e.measureId)) {
      eventsByMeasure.set(measureId, sortEvents([...(eventsByMeasure.get(measureId) ?? []), ...added]));
    }
  }
  const tracksByMeasure = new Map(prev.tracksByMeasure);
  const assignments = groupBy(
    next.assignments.filter((a) => measureIds.has(a.measureId)),
    (a) => a.measureId,
  );
  for (const measureId of measureIds) {
    const own = assignments.get(measureId);
    if (own) tracksByMeasure.set(measureId, tracksOf(own, eventsByMeasure.get(measureId) ?? []));
    else tracksByMeasure.delete(measureId);
  }

  const index: PlanIndex = {
    snapshot: next,
    measureById,
    measureByCode,
    positionById: prev.positionById,
    tracksByMeasure,
    eventsByMeasure,
    memo: new Map(),
  };
  const changed = [...measureIds]
    .map((id) => prev.positionById.get(id))
    .filter((i): i is number => i !== undefined)
    .sort((x, y) => x - y);
  for (const [key, entry] of prev.memo) {
    if (!entry.carry) continue;
    const value = changed.length ? entry.carry(entry.value, index, changed) : entry.value;
    index.memo.set(key, { value, carry: entry.carry });
  }
  return index;
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
    {
      status: rolled.status,
      progress: rolled.progress,
      start: measure.start,
      due: dueDate,
      dueKind: measure.due.kind,
      fyTargets: measure.fyTargets,
    },
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
  return memo(
    index,
    `states:${asOf}`,
    () => index.snapshot.measures.map((m) => measureStateAt(index, m, asOf)),
    (states, next, changed) => {
      const out = states.slice();
      for (const i of changed) out[i] = measureStateAt(next, next.snapshot.measures[i]!, asOf);
      return out;
    },
  );
}
