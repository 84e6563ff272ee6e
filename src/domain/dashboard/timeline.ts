import type { IsoDate } from '@/domain/plan';
import { kindHasDate, type DueKind } from '@/domain/plan';
import { fiscalQuarterRange, fiscalYearEnd, fiscalYearOf, fiscalYearStart, type FiscalQuarter } from '@/domain/plan';
import type { LocalizedText } from '@/domain/plan';
import type { Milestone } from '@/domain/plan';
import { allStatesAt, type MeasureState, type PlanIndex } from '@/domain/plan';
import { HEALTHS, type Health, type Status } from '@/domain/plan';

/** Measures on a fiscal-quarter axis, grouped by policy area or by lead ministry. */

export const TIMELINE_GROUPINGS = ['area', 'ministry'] as const;
export type TimelineGroupBy = (typeof TIMELINE_GROUPINGS)[number];

export type TimelineRow = {
  id: string;
  code: string;
  title: LocalizedText;
  leadMinistryId: string | null;
  start: IsoDate;
  /** The effective due date; for a measure without a dated deadline, the plan period's end. */
  end: IsoDate;
  /** True when the text gives no date: the bar's end is the plan period, not a deadline. */
  openEnded: boolean;
  dueKind: DueKind;
  status: Status;
  health: Health;
  progress: number;
};

export type TimelineGroup = { key: string; total: number; byHealth: Record<Health, number>; rows: TimelineRow[] };

export type TimelineQuarter = FiscalQuarter & { start: IsoDate; end: IsoDate };

export type Timeline = {
  asOf: IsoDate;
  groupBy: TimelineGroupBy;
  fiscalYear: number | null;
  range: { start: IsoDate; end: IsoDate };
  quarters: TimelineQuarter[];
  milestones: Milestone[];
  groups: TimelineGroup[];
};

/**
 * The whole axis runs from the fiscal year the plan starts in to the fiscal year of the last
 * milestone (FY2015–FY2020 for the strategy); zoomed, it is one fiscal year.
 */
export function timelineRange(index: PlanIndex, fiscalYear: number | null): { start: IsoDate; end: IsoDate } {
  if (fiscalYear !== null) return { start: fiscalYearStart(fiscalYear), end: fiscalYearEnd(fiscalYear) };
  const { planPeriod, milestones } = index.snapshot;
  const last = milestones.reduce((acc, m) => (m.end > acc ? m.end : acc), planPeriod.end);
  return { start: fiscalYearStart(fiscalYearOf(planPeriod.start)), end: fiscalYearEnd(fiscalYearOf(last)) };
}

/** Every fiscal quarter from the one holding `start` to the one holding `end`. */
export function quartersBetween(start: IsoDate, end: IsoDate): TimelineQuarter[] {
  const out: TimelineQuarter[] = [];
  for (let fy = fiscalYearOf(start); fy <= fiscalYearOf(end); fy++) {
    for (const quarter of [1, 2, 3, 4] as const) {
      const r = fiscalQuarterRange(fy, quarter);
      if (r.end >= start && r.start <= end) out.push({ fiscalYear: fy, quarter, ...r });
    }
  }
  return out;
}

function toRow(s: MeasureState): TimelineRow {
  const m = s.measure;
  return {
    id: m.id,
    code: m.code,
    title: m.title,
    leadMinistryId: s.assignments.find((a) => a.role === 'lead')?.ministryId ?? null,
    start: m.start,
    end: s.dueDate,
    openEnded: !kindHasDate(m.due.kind),
    dueKind: m.due.kind,
    status: s.status,
    health: s.health,
    progress: s.progress,
  };
}

function group(key: string, rows: TimelineRow[], limit = rows.length): TimelineGroup {
  const byHealth = Object.fromEntries(HEALTHS.map((h) => [h, 0])) as Record<Health, number>;
  for (const r of rows) byHealth[r.health]++;
  return { key, total: rows.length, byHealth, rows: rows.length > limit ? rows.slice(0, limit) : rows };
}

/** Which rows to send: at most `limit` per group (its counts stay whole), or only one `group`. */
export type TimelineRows = { limit?: number; group?: string };

/**
 * Rows whose bar overlaps the range, in text order, grouped in the strategy's order of areas or
 * ministries. By ministry, a measure sits under its lead only, so the groups add up to the plan.
 * With `rows.limit`, each group carries its first rows only — the page draws a page of rows per
 * group and asks for a group's next ones when they are wanted (issue 6): `total` and `byHealth`
 * still count the whole group.
 */
export function timeline(
  index: PlanIndex,
  asOf: IsoDate,
  groupBy: TimelineGroupBy,
  fiscalYear: number | null,
  { limit, group: only }: TimelineRows = {},
): Timeline {
  const range = timelineRange(index, fiscalYear);
  const rows = allStatesAt(index, asOf)
    .map(toRow)
    .filter((r) => r.start <= range.end && r.end >= range.start);
  const { areas, organisations, milestones } = index.snapshot;
  const keys =
    groupBy === 'area' ? areas.map((a) => a.code) : organisations.filter((o) => o.assignable).map((o) => o.id);
  const keyOf = (r: TimelineRow) =>
    groupBy === 'area' ? (index.measureById.get(r.id)?.areaCode ?? '') : (r.leadMinistryId ?? '');
  const buckets = new Map<string, TimelineRow[]>(keys.map((k) => [k, []]));
  for (const r of rows) buckets.get(keyOf(r))?.push(r);
  return {
    asOf,
    groupBy,
    fiscalYear,
    range,
    quarters: quartersBetween(range.start, range.end),
    milestones: milestones.filter((m) => m.end >= range.start && m.start <= range.end),
    groups: keys
      .filter((k) => buckets.get(k)!.length > 0 && (only === undefined || k === only))
      .map((k) => group(k, buckets.get(k)!, limit)),
  };
}
