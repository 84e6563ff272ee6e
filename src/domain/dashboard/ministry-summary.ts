import type { IsoDate } from '@/domain/plan';
import type { Due } from '@/domain/plan';
import type { LocalizedText } from '@/domain/plan';
import type { Organisation } from '@/domain/plan';
import { ministryProgress } from './plan-progress';
import type { ProgressSeriesPoint } from './series';
import { allStatesAt, type MeasureState, type PlanIndex } from '@/domain/plan';
import type { AssignmentRole, Health, Provenance, Status } from '@/domain/plan';
import { assignmentHealth, ministryCounts, type MinistryCounts } from './summary';

/** One ministry's page: what it leads and contributes to, what is due next, what it reported. */

/** How many upcoming deadlines and history entries the page shows. */
export const MINISTRY_DUE_NEXT_LIMIT = 10;
export const MINISTRY_HISTORY_LIMIT = 20;

export type MinistryAssignmentRow = {
  measureId: string;
  code: string;
  title: LocalizedText;
  role: AssignmentRole;
  provenance: Provenance;
  confirmed: boolean;
  /** The ministry's own share: its status, progress and last update. */
  status: Status;
  progress: number;
  lastUpdate: IsoDate | null;
  /** Health of the ministry's share (done once its part is, else the measure's health). */
  health: Health;
  /** The measure as a whole. */
  measureStatus: Status;
  measureHealth: Health;
  due: Due;
  dueDate: IsoDate;
};

export type MinistryHistoryEntry = {
  id: number;
  measureId: string;
  code: string;
  title: LocalizedText;
  effectiveOn: IsoDate;
  status: Status;
  progress: number;
  narrative: string;
  actor: string;
  recordedAt: string;
};

export type MinistrySummary = {
  asOf: IsoDate;
  ministry: Organisation;
  counts: MinistryCounts;
  lead: MinistryAssignmentRow[];
  contributing: MinistryAssignmentRow[];
  dueNext: MinistryAssignmentRow[];
  progressSeries: ProgressSeriesPoint[];
  history: { total: number; items: MinistryHistoryEntry[] };
};

function rowsFor(states: readonly MeasureState[], ministryId: string): MinistryAssignmentRow[] {
  const rows: MinistryAssignmentRow[] = [];
  for (const s of states) {
    const a = s.assignments.find((x) => x.ministryId === ministryId);
    if (!a) continue;
    rows.push({
      measureId: s.measure.id,
      code: s.measure.code,
      title: s.measure.title,
      role: a.role,
      provenance: a.provenance,
      confirmed: a.confirmed,
      status: a.status,
      progress: a.progress,
      lastUpdate: a.lastUpdate,
      health: assignmentHealth(a.status, s.health),
      measureStatus: s.status,
      measureHealth: s.health,
      due: s.measure.due,
      dueDate: s.dueDate,
    });
  }
  return rows;
}

/** Its open shares with a deadline still ahead (continuous work never falls due), soonest first. */
export function dueNext(rows: readonly MinistryAssignmentRow[], asOf: IsoDate, limit = MINISTRY_DUE_NEXT_LIMIT) {
  return rows
    .filter((r) => r.status !== 'completed' && r.status !== 'suspended')
    .filter((r) => r.due.kind !== 'continuous' && r.dueDate >= asOf)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.code.localeCompare(b.code))
    .slice(0, limit);
}

/** The ministry's recorded updates effective on or before the as-of date, newest first. */
export function ministryHistory(index: PlanIndex, ministryId: string, asOf: IsoDate, limit = MINISTRY_HISTORY_LIMIT) {
  const entries: MinistryHistoryEntry[] = [];
  for (const e of index.snapshot.events) {
    if (e.ministryId !== ministryId || e.effectiveOn > asOf) continue;
    const m = index.measureById.get(e.measureId);
    if (!m) continue;
    const { id, measureId, effectiveOn, status, progress, narrative, actor, recordedAt } = e;
    entries.push({
      id,
      measureId,
      code: m.code,
      title: m.title,
      effectiveOn,
      status,
      progress,
      narrative,
      actor,
      recordedAt,
    });
  }
  entries.sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn) || b.id - a.id);
  return { total: entries.length, items: entries.slice(0, limit) };
}

/** Null for an id that is not an assignable ministry. */
export function ministrySummary(index: PlanIndex, ministryId: string, asOf: IsoDate): MinistrySummary | null {
  const ministry = index.snapshot.organisations.find((o) => o.id === ministryId && o.assignable);
  if (!ministry) return null;
  const states = allStatesAt(index, asOf);
  const rows = rowsFor(states, ministryId);
  return {
    asOf,
    ministry,
    counts: ministryCounts(states, [ministryId])[0]!,
    lead: rows.filter((r) => r.role === 'lead'),
    contributing: rows.filter((r) => r.role === 'contributing'),
    dueNext: dueNext(rows, asOf),
    progressSeries: ministryProgress(index, ministryId, asOf),
    history: ministryHistory(index, ministryId, asOf),
  };
}
