import type Database from 'better-sqlite3';
import type { DueKind } from '@/domain/plan';
import type { AssignmentRecord, FyTarget, MeasureRecord, Milestone, ProgressEvent, Tag } from '@/domain/plan';
import type { PlanSnapshot } from '@/domain/plan';
import type { AssignmentRole, Provenance, Rag, Status } from '@/domain/plan';
import type { AuditEntry, Change } from './port';

export type Row = Record<string, string | number | null>;

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const opt = (v: string | number | null | undefined): string | undefined =>
  v === null || v === undefined ? undefined : String(v);
const text = (r: Row, prefix: string) => ({ ja: str(r[`${prefix}_ja`]), en: str(r[`${prefix}_en`]) });

/** The rows a whole-plan read fetches, by table, in the order each query asks for. */
export type SnapshotRows = {
  planPeriod: string | undefined;
  measureMilestones: Row[];
  measurePackages: Row[];
  fyTargets: Row[];
  areas: Row[];
  sections: Row[];
  items: Row[];
  organisations: Row[];
  milestones: Row[];
  packageEntries: Row[];
  measures: Row[];
  assignments: Row[];
  events: Row[];
};

/** The queries of a whole-plan read (SQLite and PostgreSQL alike; `rowid`/`seq` is the listed order). */
export const SNAPSHOT_QUERIES = (listedOrder: string) =>
  ({
    planPeriod: `SELECT value FROM meta WHERE key = 'planPeriod'`,
    measureMilestones: `SELECT measure_id AS a, milestone_id AS b FROM measure_milestones ORDER BY ${listedOrder}`,
    measurePackages: 'SELECT measure_id AS a, package_id AS b FROM measure_package ORDER BY package_id',
    fyTargets: 'SELECT * FROM measure_fy_targets ORDER BY measure_id, fy',
    areas: 'SELECT * FROM areas ORDER BY position',
    sections: 'SELECT * FROM sections ORDER BY position',
    items: 'SELECT * FROM items ORDER BY position',
    organisations: 'SELECT * FROM organisations ORDER BY position',
    milestones: 'SELECT * FROM milestones ORDER BY position',
    packageEntries: 'SELECT * FROM package_entries ORDER BY position',
    measures: 'SELECT * FROM measures ORDER BY position',
    assignments: 'SELECT * FROM assignments ORDER BY position',
    events: 'SELECT * FROM progress_events ORDER BY id',
  }) satisfies Record<keyof SnapshotRows, string>;

/** Reads the whole plan in a handful of queries; the store caches the result per revision. */
export function readSnapshot(db: Database.Database): PlanSnapshot {
  const q = SNAPSHOT_QUERIES('rowid');
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const { planPeriod, ...lists } = q;
  const rows = Object.fromEntries(Object.entries(lists).map(([k, sql]) => [k, all(sql)])) as Omit<
    SnapshotRows,
    'planPeriod'
  >;
  return snapshotFromRows({
    ...rows,
    planPeriod: (db.prepare(planPeriod).get() as { value: string } | undefined)?.value,
  });
}

export function snapshotFromRows(rows: SnapshotRows): PlanSnapshot {
  const planPeriod = JSON.parse(
    rows.planPeriod ?? '{"start":"2015-04-01","end":"2018-03-31","label":{"ja":"","en":""}}',
  ) as PlanSnapshot['planPeriod'];
  const milestonesOf = groupPairs(rows.measureMilestones);
  const packagesOf = groupPairs(rows.measurePackages);
  const targetsOf = groupTargets(rows.fyTargets);
  return {
    planPeriod,
    areas: rows.areas.map((r) => ({
      code: str(r.code),
      title: text(r, 'title'),
      ...(r.motto_ja ? { motto: text(r, 'motto') } : {}),
    })),
    sections: rows.sections.map((r) => ({
      code: str(r.code),
      areaCode: str(r.area_code),
      title: text(r, 'title'),
    })),
    items: rows.items.map((r) => ({
      code: str(r.code),
      sectionCode: str(r.section_code),
      ...(r.parent_code ? { parentCode: str(r.parent_code) } : {}),
      title: text(r, 'title'),
    })),
    organisations: rows.organisations.map((r) => ({
      id: str(r.id),
      kind: str(r.kind) as PlanSnapshot['organisations'][number]['kind'],
      assignable: r.assignable === 1,
      ...(r.parent_id ? { parentId: str(r.parent_id) } : {}),
      ...(r.implies_id ? { impliesId: str(r.implies_id) } : {}),
      name: text(r, 'name'),
      ...(r.short_ja ? { short: text(r, 'short') } : {}),
    })),
    milestones: rows.milestones.map(milestoneFromRow),
    packageEntries: rows.packageEntries.map((r) => ({
      id: str(r.id),
      ...(r.parent_id ? { parentId: str(r.parent_id) } : {}),
      title: text(r, 'title'),
      ...(r.text ? { text: str(r.text) } : {}),
      ...(r.wording ? { wording: str(r.wording) } : {}),
    })),
    measures: rows.measures.map((r) =>
      measureFromRow(r, milestonesOf.get(str(r.id)) ?? [], packagesOf.get(str(r.id)) ?? [], targetsOf.get(str(r.id))),
    ),
    assignments: rows.assignments.map(assignmentFromRow),
    events: rows.events.map(eventFromRow),
  };
}

function measureFromRow(r: Row, milestoneIds: string[], packageIds: string[], fyTargets?: FyTarget[]): MeasureRecord {
  return {
    id: str(r.id),
    code: str(r.code),
    itemCode: str(r.item_code),
    sectionCode: str(r.section_code),
    areaCode: str(r.area_code),
    title: text(r, 'title'),
    quote: str(r.quote),
    due: {
      wording: opt(r.due_wording) ?? null,
      kind: str(r.due_kind) as DueKind,
      date: opt(r.due_date) ?? null,
      source: (opt(r.due_source) ?? null) as MeasureRecord['due']['source'],
    },
    start: str(r.start),
    tags: JSON.parse(str(r.tags)) as Tag[],
    milestoneIds,
    packageIds,
    crossRefId: opt(r.cross_ref_id) ?? null,
    rag: r.rag_rating ? { rating: str(r.rag_rating) as Rag, reason: str(r.rag_reason) } : null,
    ...(fyTargets?.length ? { fyTargets } : {}),
    position: Number(r.position),
    version: Number(r.version),
  };
}

function assignmentFromRow(r: Row): AssignmentRecord {
  return {
    measureId: str(r.measure_id),
    ministryId: str(r.ministry_id),
    role: str(r.role) as AssignmentRole,
    provenance: str(r.provenance) as Provenance,
    confirmed: r.confirmed === 1,
    status: str(r.status) as Status,
    progress: Number(r.progress),
    narrative: str(r.narrative),
    version: Number(r.version),
  };
}

function milestoneFromRow(r: Row): Milestone {
  return {
    id: str(r.id),
    kind: str(r.kind) as 'event' | 'plan',
    title: text(r, 'title'),
    start: str(r.start),
    end: str(r.end),
    version: Number(r.version),
  };
}

function eventFromRow(r: Row): ProgressEvent {
  return {
    id: Number(r.id),
    measureId: str(r.measure_id),
    ministryId: str(r.ministry_id),
    effectiveOn: str(r.effective_on),
    status: str(r.status) as Status,
    progress: Number(r.progress),
    narrative: str(r.narrative),
    actor: str(r.actor),
    submittedBy: opt(r.submitted_by) ?? null,
    comment: str(r.comment),
    recordedAt: str(r.recorded_at),
    origin: str(r.origin) as ProgressEvent['origin'],
  };
}

/**
 * The snapshot after a commit, made from the snapshot before it (decision record 003): the rows
 * the commit wrote are read again — inside its transaction, so nothing else can slip in — and
 * replace their records; new events are appended; every other list and record is shared with
 * `before`. The same as `readSnapshot` at the new revision, for a few point queries instead of a
 * read of the whole plan, and the plan index can tell by identity what changed.
 */
const committedStatements = new WeakMap<Database.Database, ReturnType<typeof prepareCommitted>>();
function prepareCommitted(db: Database.Database) {
  return {
    measure: db.prepare('SELECT * FROM measures WHERE id = ?'),
    milestonesOf: db.prepare('SELECT milestone_id FROM measure_milestones WHERE measure_id = ? ORDER BY rowid').pluck(),
    packagesOf: db.prepare('SELECT package_id FROM measure_package WHERE measure_id = ? ORDER BY package_id').pluck(),
    targetsOf: db.prepare('SELECT * FROM measure_fy_targets WHERE measure_id = ? ORDER BY fy'),
    assignment: db.prepare('SELECT * FROM assignments WHERE measure_id = ? AND ministry_id = ?'),
    milestone: db.prepare('SELECT * FROM milestones WHERE id = ?'),
    eventsAfter: db.prepare('SELECT * FROM progress_events WHERE id > ? ORDER BY id'),
  };
}

function swapped<T>(list: T[], key: (x: T) => string, next: Map<string, T>): T[] {
  if (next.size === 0) return list;
  let found = 0;
  const out = list.map((x) => {
    const n = next.get(key(x));
    if (n === undefined) return x;
    found++;
    return n;
  });
  if (found !== next.size) throw new Error('a committed row is missing from the cached snapshot');
  return out;
}

export function readCommitted(db: Database.Database, before: PlanSnapshot, changes: readonly Change[]): PlanSnapshot {
  let s = committedStatements.get(db);
  if (!s) committedStatements.set(db, (s = prepareCommitted(db)));
  const st = s;
  return patchSnapshot(before, planKeys(changes), {
    measure: (id) => ({
      row: st.measure.get(id) as Row,
      milestoneIds: (st.milestonesOf.all(id) as string[]).map(str),
      packageIds: (st.packagesOf.all(id) as string[]).map(str),
      targets: st.targetsOf.all(id) as Row[],
    }),
    assignment: (measureId, ministryId) => st.assignment.get(measureId, ministryId) as Row,
    milestone: (id) => st.milestone.get(id) as Row,
    eventsAfter: (id) => st.eventsAfter.all(id) as Row[],
  });
}

/** The rows `patchSnapshot` needs, read inside the commit's transaction (fetched ahead by async adapters). */
export type CommittedRows = {
  measure(id: string): { row: Row; milestoneIds: string[]; packageIds: string[]; targets: Row[] };
  assignment(measureId: string, ministryId: string): Row;
  milestone(id: string): Row;
  eventsAfter(id: number): Row[];
};

/** What a commit changed in the plan, by key: enough to read those rows again (and to log, pg.ts). */
export type PlanKey =
  | { kind: 'measure'; id: string }
  | { kind: 'assignment'; measureId: string; ministryId: string }
  | { kind: 'milestone'; id: string }
  | { kind: 'event' };

export function planKeys(changes: readonly Change[]): PlanKey[] {
  const keys: PlanKey[] = [];
  for (const c of changes) {
    if (c.kind === 'measure' || c.kind === 'milestone') keys.push({ kind: c.kind, id: c.next.id });
    else if (c.kind === 'assignment')
      keys.push({ kind: 'assignment', measureId: c.next.measureId, ministryId: c.next.ministryId });
    else if (c.kind === 'event') keys.push({ kind: 'event' });
  }
  return keys;
}

export function patchSnapshot(before: PlanSnapshot, changes: readonly PlanKey[], rows: CommittedRows): PlanSnapshot {
  const measures = new Map<string, MeasureRecord>();
  const assignments = new Map<string, AssignmentRecord>();
  const milestones = new Map<string, Milestone>();
  for (const change of changes) {
    if (change.kind === 'measure') {
      const id = change.id;
      const m = rows.measure(id);
      measures.set(id, measureFromRow(m.row, m.milestoneIds, m.packageIds, groupTargets(m.targets).get(id)));
    } else if (change.kind === 'assignment') {
      const { measureId, ministryId } = change;
      assignments.set(`${measureId}\u0000${ministryId}`, assignmentFromRow(rows.assignment(measureId, ministryId)));
    } else if (change.kind === 'milestone') {
      milestones.set(change.id, milestoneFromRow(rows.milestone(change.id)));
    }
  }
  let events = before.events;
  if (changes.some((c) => c.kind === 'event')) {
    const after = events[events.length - 1]?.id ?? 0;
    events = [...events, ...rows.eventsAfter(after).map(eventFromRow)];
  }
  return {
    ...before,
    measures: swapped(before.measures, (m) => m.id, measures),
    assignments: swapped(before.assignments, (a) => `${a.measureId}\u0000${a.ministryId}`, assignments),
    milestones: swapped(before.milestones, (m) => m.id, milestones),
    events,
  };
}

function groupTargets(rows: Row[]): Map<string, FyTarget[]> {
  const out = new Map<string, FyTarget[]>();
  for (const r of rows) {
    const t = { fy: Number(r.fy), percent: Number(r.percent) };
    const list = out.get(str(r.measure_id));
    if (list) list.push(t);
    else out.set(str(r.measure_id), [t]);
  }
  return out;
}

function groupPairs(rows: Row[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(str(r.a));
    if (list) list.push(str(r.b));
    else out.set(str(r.a), [str(r.b)]);
  }
  return out;
}

/** An audit row as the port returns it (both SQL adapters store it alike). */
export function toAuditEntry(r: Record<string, string | number | null>): AuditEntry {
  return {
    id: Number(r.id),
    at: String(r.at),
    actor: String(r.actor),
    action: String(r.action),
    entity: String(r.entity),
    entityId: String(r.entity_id),
    before: r.before === null ? undefined : (JSON.parse(String(r.before)) as unknown),
    after: r.after === null ? undefined : (JSON.parse(String(r.after)) as unknown),
    requestId: r.request_id === null ? null : String(r.request_id),
  };
}
