import { addDays, daysBetween, type IsoDate } from '@/domain/plan';
import type { PlanIndex } from '@/domain/plan';
import type { MinistryProgress, Round, RoundRow, RowKind, RowState } from './rounds-contract';

/** Who owes which rows, the board's figures and the reminder schedule: pure, table-tested rules. */

export type OwedRow = { measureId: string; ministryId: string; kind: RowKind };

/**
 * Every row a round asks for: each assignment of an asked ministry (in the asked sections) and, for an
 * annual round, its results for the year and — for the lead ministry — next year's plan.
 */
export function owedRows(index: PlanIndex, round: Pick<Round, 'kind' | 'ministryIds' | 'sectionCodes'>): OwedRow[] {
  const ministries = new Set(round.ministryIds);
  const sections = new Set(round.sectionCodes);
  const out: OwedRow[] = [];
  for (const m of index.snapshot.measures) {
    if (sections.size && !sections.has(m.sectionCode)) continue;
    for (const { record: a } of index.tracksByMeasure.get(m.id) ?? []) {
      if (!ministries.has(a.ministryId)) continue;
      out.push({ measureId: m.id, ministryId: a.ministryId, kind: 'assignment' });
      if (round.kind !== 'annual') continue;
      out.push({ measureId: m.id, ministryId: a.ministryId, kind: 'result' });
      if (a.role === 'lead') out.push({ measureId: m.id, ministryId: a.ministryId, kind: 'nextPlan' });
    }
  }
  return out;
}

/** Ministries with at least one assignment: the default of "all ministries". */
export function ministriesWithAssignments(index: PlanIndex): string[] {
  const seen = new Set<string>();
  for (const a of index.snapshot.assignments) seen.add(a.ministryId);
  return index.snapshot.organisations.filter((o) => o.assignable && seen.has(o.id)).map((o) => o.id);
}

/** A row counts as answered while it waits for review or once accepted; a returned row is owed again. */
export const isAnswered = (state: RowState) => state === 'answered' || state === 'accepted';

/** A ministry's rows counted: what the store aggregates for the board. */
export type RowCounts = {
  ministryId: string;
  owed: number;
  answered: number;
  accepted: number;
  returned: number;
  lateAnswers: number;
  lastActivity: string | null;
};

/** Counts rows per ministry (the in-memory adapter and the rules' tests; SQL does the same with GROUP BY). */
export function countRows(rows: readonly RoundRow[], dueOn: IsoDate): RowCounts[] {
  const by = new Map<string, RowCounts>();
  for (const r of rows) {
    let p = by.get(r.ministryId);
    if (!p) {
      p = {
        ministryId: r.ministryId,
        owed: 0,
        answered: 0,
        accepted: 0,
        returned: 0,
        lateAnswers: 0,
        lastActivity: null,
      };
      by.set(r.ministryId, p);
    }
    p.owed++;
    if (isAnswered(r.state)) p.answered++;
    if (r.state === 'accepted') p.accepted++;
    if (r.state === 'returned') p.returned++;
    if (r.answeredAt && r.answeredAt.slice(0, 10) > dueOn) p.lateAnswers++;
    for (const at of [r.answeredAt, r.reviewedAt])
      if (at && (!p.lastActivity || at > p.lastActivity)) p.lastActivity = at;
  }
  return [...by.values()];
}

/** The board: each asked ministry's counts as percent answered, finished, overdue. */
export function progressFromCounts(
  ministryIds: readonly string[],
  counts: readonly RowCounts[],
  round: Pick<Round, 'dueOn'>,
  today: IsoDate,
): MinistryProgress[] {
  const by = new Map(counts.map((c) => [c.ministryId, c]));
  return ministryIds.map((ministryId) => {
    const c = by.get(ministryId) ?? {
      ministryId,
      owed: 0,
      answered: 0,
      accepted: 0,
      returned: 0,
      lateAnswers: 0,
      lastActivity: null,
    };
    const finished = c.owed > 0 && c.answered === c.owed;
    return {
      ...c,
      ministryId,
      percent: c.owed === 0 ? 100 : Math.floor((c.answered * 100) / c.owed),
      finished,
      overdue: today > round.dueOn && !finished && c.owed > 0,
    };
  });
}

export function ministryProgress(
  ministryIds: readonly string[],
  rows: readonly RoundRow[],
  round: Pick<Round, 'dueOn'>,
  today: IsoDate,
): MinistryProgress[] {
  return progressFromCounts(ministryIds, countRows(rows, round.dueOn), round, today);
}

export type Reminder = { kind: 'due_soon'; days: number } | { kind: 'overdue' };

/**
 * The reminder due on `today` for a ministry that still owes rows. Restart-safe: it names the closest
 * step already reached, not only the exact day, so a scheduler that was down on the 3-day mark still
 * sends the 3-day reminder the next day (at most once: the reminder's key is unique per user).
 */
export function dueReminder(today: IsoDate, dueOn: IsoDate, days: readonly number[]): Reminder | null {
  const left = daysBetween(today, dueOn);
  if (left < 0) return { kind: 'overdue' };
  const reached = [...days].filter((d) => d >= left && d > 0).sort((a, b) => a - b)[0];
  return reached === undefined ? null : { kind: 'due_soon', days: reached };
}

export const reminderKey = (roundId: string, ministryId: string, r: Reminder) =>
  r.kind === 'overdue' ? `overdue:${roundId}:${ministryId}` : `due:${roundId}:${ministryId}:${r.days}`;

export type RoundDateIssue = { path: string; message: string };

/** A round must be due after it opens and report as of a date no later than its due date. */
export function roundDateIssues(b: { asOf: IsoDate; dueOn: IsoDate }, openedOn: IsoDate): RoundDateIssue[] {
  const out: RoundDateIssue[] = [];
  if (b.dueOn <= openedOn)
    out.push({
      path: 'dueOn',
      message: `期限は照会の開始日（${openedOn}）より後にしてください / The due date must be after the round opens (${openedOn})`,
    });
  if (b.asOf > addDays(b.dueOn, 0))
    out.push({
      path: 'asOf',
      message: '基準日は期限以前にしてください / The reporting date must not be after the due date',
    });
  return out;
}
