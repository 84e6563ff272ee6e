import { z } from 'zod';
import type { AnnualData } from '@/domain/contract';
import { addDays, daysBetween, IsoDateSchema, minDate, monthEnds, type IsoDate } from '@/domain/plan';
import { fiscalYearEnd, fiscalYearLabel, fiscalYearStart, dateLabel } from '@/domain/plan';
import { LocalizedTextSchema, type LocalizedText } from '@/domain/plan';
import { rosterOf } from '@/domain/annual';
import { rollUpAssignments, stateAt } from '@/domain/plan';
import { measureSeries } from '@/domain/dashboard';
import { ALL_MEASURES, continuousSummary } from '@/domain/dashboard';
import { ProgressPointSchema } from '@/domain/contract';
import { allStatesAt, type MeasureState, type PlanIndex } from '@/domain/plan';
import { countStates, type Counts } from '@/domain/dashboard';
import { AssignmentRoleSchema, HealthSchema, StatusSchema, HEALTHS, STATUSES } from '@/domain/plan';
import { plainLocalized } from '@/domain/plan';
import { reportSectionText, ReportSectionTextSchema, type StrategyText } from '@/domain/plan';

/**
 * The annual report (年次報告) as data: one pure model that the Markdown, HTML (screen and PDF) and
 * Word renderers all draw from. Text is kept in both languages; a renderer picks one.
 */

const CountsSchema = z.object({
  total: z.int(),
  byStatus: z.record(StatusSchema, z.int()),
  byHealth: z.record(HealthSchema, z.int()),
  progress: z.int(),
});

const MeasureRefSchema = z.object({
  id: z.string(),
  code: z.string(),
  number: z.string(),
  title: LocalizedTextSchema,
  status: StatusSchema,
  progress: z.int(),
  health: HealthSchema,
  dueDate: IsoDateSchema,
  dueWording: z.string().nullable(),
  /** The wording is the section's target (5.1.1 「2020 年までに」), not the measure's own deadline. */
  dueFromSection: z.boolean(),
  lead: LocalizedTextSchema.nullable(),
  /** Completed this year: the day it was completed. */
  date: IsoDateSchema.nullable(),
});
export type ReportMeasureRef = z.infer<typeof MeasureRefSchema>;

const AnnexRowSchema = z.object({
  measureId: z.string(),
  code: z.string(),
  number: z.string(),
  title: LocalizedTextSchema,
  crossRef: z.object({ code: z.string(), number: z.string() }).nullable(),
  ministries: z.array(z.object({ id: z.string(), name: LocalizedTextSchema, role: AssignmentRoleSchema })),
  planText: z.string(),
  results: z.array(
    z.object({
      ministryId: z.string(),
      name: LocalizedTextSchema,
      text: z.string(),
      /** annual: written for the year; progress: the latest progress narrative as of the date. */
      source: z.enum(['annual', 'progress', 'none']),
    }),
  ),
  nextPlanText: z.string(),
  status: StatusSchema,
  progress: z.int(),
});
export type AnnexRow = z.infer<typeof AnnexRowSchema>;

/** A report generated from a closed reporting round (issue 12): as of that round, with who never answered. */
export const ReportRoundSchema = z.object({
  id: z.string(),
  title: z.string(),
  closedAt: z.string().nullable(),
  /** Every asked ministry with rows never answered (accepted, or answered and waiting, count as answered). */
  missing: z.array(
    z.object({
      ministryId: z.string(),
      name: LocalizedTextSchema,
      owed: z.int(),
      rows: z.array(z.object({ measureId: z.string(), code: z.string(), kind: z.string() })),
    }),
  ),
});
export type ReportRound = z.infer<typeof ReportRoundSchema>;

export const AnnualReportSchema = z.object({
  fy: z.int(),
  asOf: IsoDateSchema,
  /** Set when generated from a closed round (`?round=`). */
  round: ReportRoundSchema.nullable().optional(),
  labels: z.object({
    fy: LocalizedTextSchema,
    nextFy: LocalizedTextSchema,
    asOf: LocalizedTextSchema,
    previous: LocalizedTextSchema,
  }),
  sample: LocalizedTextSchema.nullable(),
  summary: z.object({
    counts: CountsSchema,
    previous: CountsSchema,
    previousDate: IsoDateSchema,
    completedThisYear: z.array(MeasureRefSchema),
    overdue: z.array(MeasureRefSchema),
  }),
  /** Expected vs actual progress of the measures with a deadline (continuous ones apart, below). */
  plannedVsActual: z.array(ProgressPointSchema),
  continuous: z.object({ total: z.int(), completed: z.int(), progress: z.int() }),
  byArea: z.array(z.object({ code: z.string(), title: LocalizedTextSchema, counts: CountsSchema })),
  tokyo2020: z.object({
    games: z.object({ title: LocalizedTextSchema, start: IsoDateSchema }).nullable(),
    daysToGames: z.int().nullable(),
    counts: CountsSchema,
    measures: z.array(MeasureRefSchema),
  }),
  annex: z.array(
    z
      .object({
        sectionCode: z.string(),
        title: LocalizedTextSchema,
        areaCode: z.string(),
        rows: z.array(AnnexRowSchema),
      })
      .extend(ReportSectionTextSchema.shape),
  ),
});
export type AnnualReport = z.infer<typeof AnnualReportSchema>;

const both = (f: (lang: 'ja' | 'en') => string): LocalizedText => ({ ja: f('ja'), en: f('en') });
const NO_ORG: LocalizedText = { ja: '—', en: '—' };

export type ReportInput = {
  index: PlanIndex;
  fy: number;
  asOf: IsoDate;
  current: AnnualData;
  /** Lead-ins and section targets shown under each section of the annex (issue 19). */
  strategyText?: StrategyText;
  sampleLabel: LocalizedText | null;
};

/** Builds the annual report for a fiscal year as it stood on `asOf` (clamped to the year). */
export function buildAnnualReport(input: ReportInput): AnnualReport {
  const { index, fy, asOf: requested, current, sampleLabel } = input;
  const start = fiscalYearStart(fy);
  const end = fiscalYearEnd(fy);
  const asOf = minDate(requested, end);
  const previousDate = addDays(start, -1);
  const states = allStatesAt(index, asOf);
  const before = allStatesAt(index, previousDate);
  const orgs = new Map(index.snapshot.organisations.map((o) => [o.id, o.short ?? o.name]));
  const roster = rosterOf(index, fy, current);
  const numbers = new Map(roster.map((r) => [r.measureId, r.number]));
  const ref = (s: MeasureState, date: IsoDate | null = null): ReportMeasureRef => {
    const lead = s.assignments.find((a) => a.role === 'lead');
    return {
      id: s.measure.id,
      code: s.measure.code,
      number: numbers.get(s.measure.id) ?? '',
      title: plainLocalized(s.measure.title),
      status: s.status,
      progress: s.progress,
      health: s.health,
      dueDate: s.dueDate,
      dueWording: s.measure.due.wording,
      dueFromSection: s.measure.due.source === 'section',
      lead: lead ? (orgs.get(lead.ministryId) ?? NO_ORG) : null,
      date,
    };
  };
  const wasComplete = new Set(before.filter((s) => s.status === 'completed').map((s) => s.measure.id));
  const completedThisYear = states
    .filter((s) => s.status === 'completed' && !wasComplete.has(s.measure.id))
    .map((s) => ref(s, completionDate(index, s.measure.id, start, asOf)));
  const games = index.snapshot.milestones.find((m) => m.id === 'tokyo2020-olympics') ?? null;
  const tokyo = states.filter((s) => s.measure.tags.includes('tokyo2020'));
  return {
    fy,
    asOf,
    labels: {
      fy: both((l) => fiscalYearLabel(fy, l)),
      nextFy: both((l) => fiscalYearLabel(fy + 1, l)),
      asOf: both((l) => dateLabel(asOf, l)),
      previous: both((l) => dateLabel(previousDate, l)),
    },
    sample: sampleLabel,
    summary: {
      counts: countStates(states),
      previous: countStates(before),
      previousDate,
      completedThisYear,
      overdue: states.filter((s) => s.health === 'overdue').map((s) => ref(s)),
    },
    plannedVsActual: measureSeries(index, seriesDates(start, end, asOf), asOf, ALL_MEASURES),
    continuous: continuousSummary(index, asOf, () => true),
    byArea: index.snapshot.areas.map((a) => ({
      code: a.code,
      title: plainLocalized(a.title),
      counts: countStates(states.filter((s) => s.measure.areaCode === a.code)),
    })),
    tokyo2020: {
      games: games ? { title: games.title, start: games.start } : null,
      daysToGames: games ? daysBetween(asOf, games.start) : null,
      counts: countStates(tokyo),
      measures: tokyo.map((s) => ref(s)),
    },
    annex: annexSections(index, states, current, numbers, orgs, input.strategyText),
  };
}

/** Month ends of the year, and the as-of date itself so the actual line ends on it. */
function seriesDates(start: IsoDate, end: IsoDate, asOf: IsoDate): IsoDate[] {
  const dates = monthEnds(start, end);
  return dates.includes(asOf) || asOf < start ? dates : [...dates, asOf].sort();
}

/** The first day in the year from which the measure stayed complete up to `asOf`. */
function completionDate(index: PlanIndex, measureId: string, from: IsoDate, asOf: IsoDate): IsoDate | null {
  const tracks = index.tracksByMeasure.get(measureId) ?? [];
  const dates = [...new Set(tracks.flatMap((t) => t.points.map((p) => p.effectiveOn)))]
    .filter((d) => d >= from && d <= asOf)
    .sort();
  let since: IsoDate | null = null;
  for (const date of dates) {
    const rolled = rollUpAssignments(tracks.map((t) => ({ role: t.record.role, ...stateAt(t.points, date) })));
    if (rolled.status === 'completed') since ??= date;
    else since = null;
  }
  return since;
}

function annexSections(
  index: PlanIndex,
  states: MeasureState[],
  data: AnnualData,
  numbers: Map<string, string>,
  orgs: Map<string, LocalizedText>,
  text: StrategyText | undefined,
): AnnualReport['annex'] {
  const plans = new Map(data.plans.map((p) => [p.measureId, p]));
  const results = new Map(data.results.map((r) => [`${r.measureId}\u0000${r.ministryId}`, r.text]));
  const rowsBySection = new Map<string, AnnexRow[]>();
  for (const s of states) {
    const m = s.measure;
    const number = numbers.get(m.id);
    if (number === undefined) continue;
    const target = m.crossRefId ? index.measureById.get(m.crossRefId) : undefined;
    const plan = plans.get(m.id);
    const row: AnnexRow = {
      measureId: m.id,
      code: m.code,
      number,
      title: plainLocalized(m.title),
      crossRef: target ? { code: target.code, number: numbers.get(target.id) ?? target.code } : null,
      ministries: s.assignments.map((a) => ({
        id: a.ministryId,
        name: orgs.get(a.ministryId) ?? NO_ORG,
        role: a.role,
      })),
      planText: plan?.planText ?? '',
      results: s.assignments.map((a) => {
        const annual = results.get(`${m.id}\u0000${a.ministryId}`)?.trim();
        const text = annual || a.narrative.trim();
        return {
          ministryId: a.ministryId,
          name: orgs.get(a.ministryId) ?? NO_ORG,
          text,
          source: annual ? ('annual' as const) : text ? ('progress' as const) : ('none' as const),
        };
      }),
      nextPlanText: plan?.nextPlanText ?? '',
      status: s.status,
      progress: s.progress,
    };
    const list = rowsBySection.get(m.sectionCode);
    if (list) list.push(row);
    else rowsBySection.set(m.sectionCode, [row]);
  }
  const shown = index.snapshot.sections.filter((x) => rowsBySection.has(x.code));
  return shown.map((x, i) => ({
    sectionCode: x.code,
    title: plainLocalized(x.title),
    areaCode: x.areaCode,
    rows: rowsBySection.get(x.code)!,
    ...reportSectionText(
      text,
      x,
      index.snapshot.items.filter((item) => item.sectionCode === x.code).map((item) => item.code),
      shown[i - 1]?.areaCode !== x.areaCode,
    ),
  }));
}

/** Change of each status and health count since the end of the previous year. */
export function countDeltas(now: Counts, before: Counts) {
  return {
    byStatus: Object.fromEntries(STATUSES.map((k) => [k, now.byStatus[k] - before.byStatus[k]])),
    byHealth: Object.fromEntries(HEALTHS.map((k) => [k, now.byHealth[k] - before.byHealth[k]])),
  };
}
