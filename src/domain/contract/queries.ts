import type { IsoDate } from '@/domain/plan';
import { DEFAULT_ORDER, daysOverdue, sortStates, type MeasureSort, type SortOrder } from './measure-sort';
import { fiscalYearOf } from '@/domain/plan';
import type { MeasureDetailCore, MeasureFilters, MeasureSummary, SeriesScope, Stats } from './contract';
import { expectedProgressAt, oneDecimal } from '@/domain/plan';
import { inScope, measureProgress, planProgress } from '@/domain/dashboard';
import { allStatesAt, measureStateAt, memo, type MeasureState, type PlanIndex } from '@/domain/plan';
import type { Granularity } from '@/domain/dashboard';
import { attentionStates, countStates, groupCounts, ministryCounts } from '@/domain/dashboard';
import { plainSourceText } from '@/domain/plan';

/** Read-side answers built from a plan index for an as-of date: the same for server and tests. */

/** A ministry's place in the organisations list (the government's own order). */
function ministryRank(index: PlanIndex, id: string): number {
  const ranks = memo(index, 'ministryRank', () => new Map(index.snapshot.organisations.map((o, i) => [o.id, i])));
  return ranks.get(id) ?? Number.MAX_SAFE_INTEGER;
}

export function toSummary(index: PlanIndex, s: MeasureState, asOf: IsoDate): MeasureSummary {
  const m = s.measure;
  const lead = s.assignments.find((a) => a.role === 'lead');
  return {
    id: m.id,
    code: m.code,
    title: m.title,
    areaCode: m.areaCode,
    sectionCode: m.sectionCode,
    itemCode: m.itemCode,
    leadMinistryId: lead?.ministryId ?? null,
    ministryIds: s.assignments.map((a) => a.ministryId),
    due: m.due,
    dueDate: s.dueDate,
    status: s.status,
    progress: s.progress,
    health: s.health,
    rag: m.rag,
    tags: m.tags,
    milestoneIds: m.milestoneIds,
    crossRefCode: m.crossRefId ? (index.measureById.get(m.crossRefId)?.code ?? null) : null,
    hasProposedAssignments: s.assignments.some((a) => a.provenance === 'proposed' && !a.confirmed),
    lastUpdate: s.lastUpdate,
    daysOverdue: daysOverdue(s, asOf),
  };
}

function matchesText(s: MeasureState, q: string): boolean {
  const needle = q.normalize('NFKC').toLowerCase();
  const m = s.measure;
  // The quote as read (国際場裡, not 国際場裡^{こくさいじょうり}), and as stored, so a reading finds it too.
  const texts = [m.code, m.title.ja, m.title.en, plainSourceText(m.quote), m.quote];
  return texts.some((t) => t.normalize('NFKC').toLowerCase().includes(needle));
}

export function matchesFilters(s: MeasureState, f: MeasureFilters): boolean {
  const m = s.measure;
  if (f.area && m.areaCode !== f.area) return false;
  if (f.section && m.sectionCode !== f.section) return false;
  if (f.ministry && !s.assignments.some((a) => a.ministryId === f.ministry)) return false;
  if (f.status && s.status !== f.status) return false;
  if (f.health && s.health !== f.health) return false;
  // The fiscal year of the deadline the text states; measures without one have no due year.
  if (f.dueFy !== undefined && (!m.due.date || fiscalYearOf(m.due.date) !== f.dueFy)) return false;
  if (f.tag && !m.tags.includes(f.tag)) return false;
  if (f.q && f.q.trim() && !matchesText(s, f.q.trim())) return false;
  return true;
}

/** A keyword search's answer (src/domain/search, rankHits): measures in rank order with their needles. */
export type SearchRanking = { matches: readonly { measureId: string; score: number; needles: string[] }[] };

/**
 * The filtered list. With a ranking, the keyword is already answered: the list keeps the ranked
 * measures that pass the other filters, in rank order, each with its score and needles.
 */
export function listMeasures(
  index: PlanIndex,
  filters: MeasureFilters,
  page: { limit: number; offset: number },
  asOf: IsoDate,
  order: { sort?: MeasureSort; order?: SortOrder } = {},
  ranking?: SearchRanking,
): { items: MeasureSummary[]; total: number } {
  // A search lists by rank until the reader picks a column (then the same matches in that order;
  // an explicit sort=plan is the code order, not the rank).
  if (ranking && order.sort === undefined) return listRanked(index, { ...filters, q: undefined }, page, asOf, ranking);
  const ranked = ranking ? new Set(ranking.matches.map((m) => m.measureId)) : null;
  const listFilters = ranking ? { ...filters, q: undefined } : filters;
  const filtered = memo(index, `list:${asOf}:${JSON.stringify(filters)}:${ranking ? 'ranked' : ''}`, () => {
    const states = allStatesAt(index, asOf).filter(
      (s) => matchesFilters(s, listFilters) && (!ranked || ranked.has(s.measure.id)),
    );
    return filters.attention ? attentionStates(states, filters.attention, asOf) : states;
  });
  const sort = order.sort ?? 'plan';
  const direction = order.order ?? DEFAULT_ORDER[sort];
  const matching =
    sort === 'plan' && direction === 'asc'
      ? filtered
      : memo(index, `sorted:${asOf}:${sort}:${direction}:${JSON.stringify(filters)}:${ranking ? 'ranked' : ''}`, () =>
          sortStates(filtered, sort, direction, {
            asOf,
            position: (id) => index.positionById.get(id) ?? Number.MAX_SAFE_INTEGER,
            ministryRank: (id) => ministryRank(index, id),
          }),
        );
  return {
    items: matching.slice(page.offset, page.offset + page.limit).map((s) => toSummary(index, s, asOf)),
    total: matching.length,
  };
}

function listRanked(
  index: PlanIndex,
  filters: MeasureFilters,
  page: { limit: number; offset: number },
  asOf: IsoDate,
  ranking: SearchRanking,
): { items: MeasureSummary[]; total: number } {
  const all = allStatesAt(index, asOf);
  const states = new Map(
    (filters.attention ? attentionStates(all, filters.attention, asOf) : all).map((s) => [s.measure.id, s]),
  );
  const matching = ranking.matches.flatMap((m) => {
    const s = states.get(m.measureId);
    return s && matchesFilters(s, filters) ? [{ s, m }] : [];
  });
  return {
    items: matching.slice(page.offset, page.offset + page.limit).map(({ s, m }) => ({
      ...toSummary(index, s, asOf),
      search: { score: Math.round(m.score * 10) / 10, needles: m.needles },
    })),
    total: matching.length,
  };
}

export function measureDetail(index: PlanIndex, id: string, asOf: IsoDate): MeasureDetailCore | null {
  const m = index.measureById.get(id);
  if (!m) return null;
  const s = measureStateAt(index, m, asOf);
  const { areas, sections, items, packageEntries, measures } = index.snapshot;
  const itemChain: MeasureDetailCore['breadcrumb'] = [];
  for (
    let item = items.find((i) => i.code === m.itemCode);
    item;
    item = items.find((i) => i.code === item?.parentCode)
  ) {
    itemChain.unshift({ level: 'item', code: item.code, title: item.title });
  }
  const area = areas.find((a) => a.code === m.areaCode);
  const section = sections.find((x) => x.code === m.sectionCode);
  return {
    ...toSummary(index, s, asOf),
    quote: m.quote,
    source: { document: '2-3', section: m.itemCode },
    breadcrumb: [
      ...(area ? [{ level: 'area' as const, code: area.code, title: area.title }] : []),
      ...(section && section.code !== area?.code
        ? [{ level: 'section' as const, code: section.code, title: section.title }]
        : []),
      ...itemChain,
    ],
    assignments: s.assignments,
    history: (index.eventsByMeasure.get(m.id) ?? []).filter((e) => e.effectiveOn <= asOf).reverse(),
    packageEntries: packageEntries.filter((p) => m.packageIds.includes(p.id)),
    crossListedBy: measures.filter((x) => x.crossRefId === m.id).map((x) => ({ id: x.id, code: x.code })),
    start: m.start,
    fyTargets: m.fyTargets ?? [],
    expectedProgress: expectedOrNull(expectedProgressAt(m, index.snapshot.planPeriod.end, asOf)),
    progressSeries: measureProgress(index, m.id, asOf),
    version: m.version,
  };
}

const expectedOrNull = (x: number | null) => (x === null ? null : oneDecimal(x));

export function computeStats(
  index: PlanIndex,
  asOf: IsoDate,
  granularity: Granularity,
  scope: SeriesScope = 'all',
): Stats {
  return memo(index, `stats:${asOf}:${granularity}:${scope}`, () =>
    computeStatsUncached(index, asOf, granularity, scope),
  );
}

function computeStatsUncached(index: PlanIndex, asOf: IsoDate, granularity: Granularity, scope: SeriesScope): Stats {
  const include = inScope(scope);
  const states = allStatesAt(index, asOf).filter((s) => include(s.measure));
  const { areas, sections, organisations } = index.snapshot;
  return {
    asOf,
    overall: countStates(states),
    byArea: groupCounts(
      states,
      areas.map((a) => a.code),
      (s) => s.measure.areaCode,
    ),
    bySection: groupCounts(
      states,
      sections.map((x) => x.code),
      (s) => s.measure.sectionCode,
    ),
    byMinistry: ministryCounts(
      states,
      organisations.filter((o) => o.assignable).map((o) => o.id),
    ),
    ...planProgress(index, asOf, granularity, scope),
  };
}
