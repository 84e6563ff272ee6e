import { addDays } from '@/domain/plan';
import type { AnnualData, FyStartReport, PlanItem, PlanList, RosterEntry } from '@/domain/contract';
import { fiscalYearEnd, fiscalYearLabel, fiscalYearStart } from '@/domain/plan';
import type { MeasureRecord } from '@/domain/plan';
import { measureStateAt, type PlanIndex } from '@/domain/plan';
import type { Status } from '@/domain/plan';

/**
 * The annual plan's roster (年次計画に掲げる施策): which measures a fiscal year's plan holds and the
 * item number each gets that year. Codes never change; item numbers are given afresh each year, so
 * they move when measures are added or retired (decision record 007).
 */

/** アイウエオ順: the numbering NISC's annual plans use under each item. */
const KANA = [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン'];

export function kanaNumber(n: number): string {
  return n >= 1 && n <= KANA.length ? `（${KANA[n - 1]}）` : `（${n}）`;
}

/** A measure is retired for a year when it was completed or suspended before the year began. */
export function isRetired(status: Status): boolean {
  return status === 'completed' || status === 'suspended';
}

/** The roster a fiscal year's plan would hold today: started by the year's end, not retired before it. */
export function computeRoster(index: PlanIndex, fy: number): RosterEntry[] {
  const dayBefore = addDays(fiscalYearStart(fy), -1);
  const end = fiscalYearEnd(fy);
  const included = index.snapshot.measures.filter(
    (m) => m.start <= end && !isRetired(measureStateAt(index, m, dayBefore).status),
  );
  return numberRoster(included);
}

/** Numbers measures within each strategy item, in the strategy's order. */
export function numberRoster(measures: readonly MeasureRecord[]): RosterEntry[] {
  const counters = new Map<string, number>();
  return [...measures]
    .sort((a, b) => a.position - b.position)
    .map((m) => {
      const n = (counters.get(m.itemCode) ?? 0) + 1;
      counters.set(m.itemCode, n);
      return { measureId: m.id, number: `${m.itemCode}${kanaNumber(n)}` };
    });
}

/** The roster of a year: as recorded when the year was started, else as it would be now. */
export function rosterOf(index: PlanIndex, fy: number, data: AnnualData): RosterEntry[] {
  return data.fiscalYear?.roster ?? computeRoster(index, fy);
}

export type StartPlan = {
  report: FyStartReport;
  roster: RosterEntry[];
  /** Plan texts to write: the previous year's "next year" text becomes this year's plan. */
  carried: { measureId: string; planText: string; existingVersion: number | null }[];
};

/** Starting a fiscal year: carry each measure's next-year plan forward and say what moved. */
export function planYearStart(index: PlanIndex, fy: number, previous: AnnualData, current: AnnualData): StartPlan {
  const roster = computeRoster(index, fy);
  const before = rosterOf(index, fy - 1, previous);
  const beforeById = new Map(before.map((r) => [r.measureId, r.number]));
  const nowIds = new Set(roster.map((r) => r.measureId));
  const code = (id: string) => index.measureById.get(id)?.code ?? id;
  const nextPlan = new Map(previous.plans.map((p) => [p.measureId, p.nextPlanText.trim()]));
  const existing = new Map(current.plans.map((p) => [p.measureId, p]));
  const dayBefore = addDays(fiscalYearStart(fy), -1);

  const carried: StartPlan['carried'] = [];
  const withoutPlan: FyStartReport['withoutPlan'] = [];
  for (const r of roster) {
    const text = nextPlan.get(r.measureId) ?? '';
    const had = existing.get(r.measureId);
    if (had?.planText.trim()) continue; // already written for this year: keep it
    if (text) carried.push({ measureId: r.measureId, planText: text, existingVersion: had?.version ?? null });
    else withoutPlan.push({ measureId: r.measureId, code: code(r.measureId) });
  }
  const retired = before
    .filter((r) => !nowIds.has(r.measureId))
    .map((r) => {
      const m = index.measureById.get(r.measureId);
      const status = m ? measureStateAt(index, m, dayBefore).status : 'suspended';
      return { measureId: r.measureId, code: code(r.measureId), previousNumber: r.number, status };
    });
  return {
    roster,
    carried,
    report: {
      fy,
      total: roster.length,
      carried: carried.length,
      added: roster
        .filter((r) => !beforeById.has(r.measureId))
        .map((r) => ({ measureId: r.measureId, code: code(r.measureId), number: r.number })),
      retired,
      renumbered: roster
        .filter((r) => beforeById.has(r.measureId) && beforeById.get(r.measureId) !== r.number)
        .map((r) => ({
          measureId: r.measureId,
          code: code(r.measureId),
          from: beforeById.get(r.measureId)!,
          to: r.number,
        })),
      withoutPlan,
    },
  };
}

/** GET /api/plans: each measure of the year's roster with its plan texts and every ministry's results. */
export function planList(
  index: PlanIndex,
  fy: number,
  data: AnnualData,
  filter: { measureId?: string; ministryId?: string } = {},
): PlanList {
  const roster = rosterOf(index, fy, data);
  const numbers = new Map(roster.map((r) => [r.measureId, r.number]));
  const plans = new Map(data.plans.map((p) => [p.measureId, p]));
  const results = new Map(data.results.map((r) => [`${r.measureId}\u0000${r.ministryId}`, r]));
  const measures = filter.measureId
    ? index.snapshot.measures.filter((m) => m.id === filter.measureId)
    : roster.map((r) => index.measureById.get(r.measureId)).filter((m): m is MeasureRecord => m !== undefined);
  const items: PlanItem[] = [];
  for (const m of measures) {
    const tracks = index.tracksByMeasure.get(m.id) ?? [];
    if (filter.ministryId && !tracks.some((t) => t.record.ministryId === filter.ministryId)) continue;
    const plan = plans.get(m.id);
    items.push({
      measureId: m.id,
      code: m.code,
      number: numbers.get(m.id) ?? '',
      title: m.title,
      sectionCode: m.sectionCode,
      itemCode: m.itemCode,
      crossRefCode: m.crossRefId ? (index.measureById.get(m.crossRefId)?.code ?? null) : null,
      inPlan: numbers.has(m.id),
      ministries: tracks.map((t) => ({ ministryId: t.record.ministryId, role: t.record.role })),
      plan: {
        planText: plan?.planText ?? '',
        nextPlanText: plan?.nextPlanText ?? '',
        version: plan?.version ?? 0,
        updatedAt: plan?.updatedAt ?? null,
      },
      results: tracks.map((t) => {
        const r = results.get(`${m.id}\u0000${t.record.ministryId}`);
        return {
          ministryId: t.record.ministryId,
          text: r?.text ?? '',
          version: r?.version ?? 0,
          updatedAt: r?.updatedAt ?? null,
        };
      }),
    });
  }
  return {
    fy,
    label: { ja: fiscalYearLabel(fy, 'ja'), en: fiscalYearLabel(fy, 'en') },
    started: data.fiscalYear ? { at: data.fiscalYear.startedAt, by: data.fiscalYear.startedBy } : null,
    items,
  };
}
