import { describe, expect, it } from 'vitest';
import { MeasureDetailSchema, StatsSchema, type MeasureFilters } from './contract';
import { ministrySummary } from '@/domain/dashboard';
import { computeStats, listMeasures, measureDetail } from './queries';
import { buildIndex } from '@/domain/plan';
import { fixtureSnapshot } from '@/domain/plan';

const index = buildIndex(fixtureSnapshot());
const ALL = { limit: 100, offset: 0 };
// At this date: m1 completed/done, m2 in progress/overdue, m3 in progress/on track,
// m4 not started/at risk, m5 in progress/at risk, m6 not started/at risk.
const AS_OF = '2016-07-01';

const ids = (filters: MeasureFilters, page = ALL) => listMeasures(index, filters, page, AS_OF).items.map((m) => m.id);

describe('listMeasures filters', () => {
  it.each<{ name: string; filters: MeasureFilters; expected: string[] }>([
    { name: 'no filter', filters: {}, expected: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'] },
    { name: 'area 5.1', filters: { area: '5.1' }, expected: ['m1', 'm2'] },
    { name: 'area 5.2', filters: { area: '5.2' }, expected: ['m3', 'm4', 'm5', 'm6'] },
    { name: 'area is exact, not a prefix', filters: { area: '5' }, expected: [] },
    { name: 'section 5.2.1', filters: { section: '5.2.1' }, expected: ['m3', 'm4'] },
    { name: 'ministry nisc (lead only)', filters: { ministry: 'nisc' }, expected: ['m3', 'm4'] },
    { name: 'ministry meti (lead or contributing)', filters: { ministry: 'meti' }, expected: ['m1', 'm5', 'm6'] },
    { name: 'a body with no assignments', filters: { ministry: 'gsoc' }, expected: [] },
    { name: 'status completed', filters: { status: 'completed' }, expected: ['m1'] },
    { name: 'status in_progress', filters: { status: 'in_progress' }, expected: ['m2', 'm3', 'm5'] },
    { name: 'status not_started', filters: { status: 'not_started' }, expected: ['m4', 'm6'] },
    { name: 'health overdue', filters: { health: 'overdue' }, expected: ['m2'] },
    { name: 'health at_risk', filters: { health: 'at_risk' }, expected: ['m4', 'm5', 'm6'] },
    { name: 'health on_track', filters: { health: 'on_track' }, expected: ['m3'] },
    { name: 'health done', filters: { health: 'done' }, expected: ['m1'] },
    { name: 'due in FY2015', filters: { dueFy: 2015 }, expected: ['m1', 'm2'] },
    { name: 'due in FY2016', filters: { dueFy: 2016 }, expected: ['m5'] },
    // Only deadlines the text states have a due year: undated, asap and continuous measures have none.
    { name: 'due in FY2017', filters: { dueFy: 2017 }, expected: [] },
    { name: 'tag ci', filters: { tag: 'ci' }, expected: ['m5', 'm6'] },
    { name: 'tag tokyo2020', filters: { tag: 'tokyo2020' }, expected: ['m4'] },
    { name: 'area and ministry', filters: { area: '5.2', ministry: 'mic' }, expected: ['m3', 'm5'] },
    { name: 'status and tag', filters: { status: 'in_progress', tag: 'ci' }, expected: ['m5'] },
    { name: 'contradictory filters', filters: { section: '5.1.1', health: 'at_risk' }, expected: [] },
  ])('$name', ({ filters, expected }) => {
    expect(ids(filters)).toEqual(expected);
  });
});

describe('listMeasures text search', () => {
  it.each([
    { q: 'GSOC', expected: ['m3'], why: 'Japanese title' },
    { q: 'ＧＳＯＣ', expected: ['m3'], why: 'full-width query, half-width text' },
    { q: 'gsoc', expected: ['m3'], why: 'case-insensitive' },
    { q: '  GSOC  ', expected: ['m3'], why: 'trimmed' },
    { q: 'continue MONITORING', expected: ['m3'], why: 'English title' },
    { q: 'ＩｏＴ', expected: ['m1'], why: 'full-width Latin' },
    { q: '5.2.2(1)', expected: ['m5', 'm6'], why: 'code' },
    { q: '５．２．２（１）', expected: ['m5', 'm6'], why: 'full-width code' },
    { q: '本文', expected: ['m2', 'm3', 'm5', 'm6'], why: 'only in the quote' },
    { q: '2020', expected: ['m4'], why: 'half-width query, full-width digits in the quote' },
    { q: 'セキュリティ', expected: ['m1', 'm4'], why: 'full-width kana matches half-width kana in the quote' },
    { q: 'ｾｷｭﾘﾃｨ', expected: ['m1', 'm4'], why: 'half-width kana query' },
    { q: '   ', expected: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'], why: 'blank query is no filter' },
    { q: 'no such words', expected: [], why: 'no match' },
  ])('q "$q" → $expected ($why)', ({ q, expected }) => {
    expect(ids({ q })).toEqual(expected);
  });
});

describe('listMeasures paging', () => {
  it.each([
    { filters: {}, limit: 2, offset: 0, expected: ['m1', 'm2'], total: 6 },
    { filters: {}, limit: 2, offset: 2, expected: ['m3', 'm4'], total: 6 },
    { filters: {}, limit: 4, offset: 4, expected: ['m5', 'm6'], total: 6 },
    { filters: {}, limit: 2, offset: 10, expected: [], total: 6 },
    { filters: {}, limit: 0, offset: 0, expected: [], total: 6 },
    { filters: { area: '5.2' }, limit: 3, offset: 1, expected: ['m4', 'm5', 'm6'], total: 4 },
  ])('limit $limit offset $offset of $total', ({ filters, limit, offset, expected, total }) => {
    const page = listMeasures(index, filters, { limit, offset }, AS_OF);
    expect(page.items.map((m) => m.id)).toEqual(expected);
    expect(page.total).toBe(total);
  });

  it('summarises lead, ministries, cross-reference and unconfirmed proposals', () => {
    const byId = new Map(listMeasures(index, {}, ALL, AS_OF).items.map((m) => [m.id, m]));
    expect(byId.get('m3')).toMatchObject({
      leadMinistryId: 'nisc',
      ministryIds: ['nisc', 'mic'],
      crossRefCode: null,
      hasProposedAssignments: true,
      dueDate: '2018-03-31',
    });
    expect(byId.get('m6')).toMatchObject({ leadMinistryId: 'meti', crossRefCode: '5.2.1(1)i-1' });
    expect(byId.get('m4')?.hasProposedAssignments).toBe(false);
  });
});

describe('measureDetail', () => {
  const detail = (id: string, asOf = AS_OF) => measureDetail(index, id, asOf);

  it.each([
    {
      id: 'm4',
      breadcrumb: [
        ['area', '5.2'],
        ['section', '5.2.1'],
        ['item', '5.2.1(1)'],
        ['item', '5.2.1(1)i'],
      ],
    },
    {
      id: 'm1',
      breadcrumb: [
        ['area', '5.1'],
        ['section', '5.1.1'],
        ['item', '5.1.1(1)'],
      ],
    },
  ])('breadcrumb of $id runs area → section → item → sub-item', ({ id, breadcrumb }) => {
    expect(detail(id)?.breadcrumb.map((b) => [b.level, b.code])).toEqual(breadcrumb);
  });

  it('shows a section that is its own area (6) once, with no item', () => {
    const snapshot = fixtureSnapshot();
    snapshot.areas.push({ code: '6', title: { ja: '推進体制', en: 'Structure' } });
    snapshot.sections.push({ code: '6', areaCode: '6', title: { ja: '推進体制', en: 'Structure' } });
    const m1 = snapshot.measures[0]!;
    snapshot.measures.push({ ...m1, id: 'm7', code: '6-1', itemCode: '6', sectionCode: '6', areaCode: '6' });
    const d = measureDetail(buildIndex(snapshot), 'm7', AS_OF);
    expect(d?.breadcrumb.map((b) => [b.level, b.code])).toEqual([['area', '6']]);
  });

  it.each([
    { id: 'm3', crossListedBy: [{ id: 'm6', code: '5.2.2(1)-2' }] },
    { id: 'm1', crossListedBy: [] },
  ])('$id is cross-listed by $crossListedBy.length', ({ id, crossListedBy }) => {
    expect(detail(id)?.crossListedBy).toEqual(crossListedBy);
  });

  it.each([
    { id: 'm5', asOf: '2016-03-31', history: [] },
    { id: 'm5', asOf: '2016-04-01', history: [10, 9] },
    { id: 'm5', asOf: '2017-02-27', history: [11, 10, 9] },
    { id: 'm5', asOf: '2017-03-01', history: [12, 11, 10, 9] },
    { id: 'm1', asOf: '2015-12-31', history: [5, 4, 3, 2] },
    { id: 'm4', asOf: '2018-03-31', history: [] },
  ])('history of $id at $asOf: newest first, nothing after asOf', ({ id, asOf, history }) => {
    const got = detail(id, asOf)?.history ?? [];
    expect(got.map((e) => e.id)).toEqual(history);
    expect(got.every((e) => e.effectiveOn <= asOf)).toBe(true);
  });

  it('does not reverse the index’s own history', () => {
    detail('m5', '2017-03-01');
    detail('m5', '2017-03-01');
    expect(index.eventsByMeasure.get('m5')?.map((e) => e.id)).toEqual([9, 10, 11, 12]);
  });

  it('carries its quote, package entries, state and a valid contract shape', () => {
    const d = detail('m1');
    expect(d).not.toBeNull();
    expect(MeasureDetailSchema.omit({ changes: true }).safeParse(d).success).toBe(true);
    expect(d?.quote).toContain('IoT');
    expect(d?.packageEntries.map((p) => p.id)).toEqual(['1.1']);
    expect(d).toMatchObject({ status: 'completed', progress: 100, health: 'done', leadMinistryId: 'meti' });
    expect(d?.assignments.map((a) => a.ministryId)).toEqual(['meti', 'mic']);
  });

  it('is null for an unknown id', () => {
    expect(detail('nope')).toBeNull();
  });
});

describe('computeStats', () => {
  it.each(['2015-12-15', AS_OF, '2018-04-01'])('at %s the parts add up to the whole', (asOf) => {
    const stats = computeStats(index, asOf, 'quarter');
    expect(StatsSchema.safeParse(stats).success).toBe(true);
    expect(stats.asOf).toBe(asOf);
    expect(stats.overall.total).toBe(6);
    expect(stats.byArea.map((g) => g.key)).toEqual(['5.1', '5.2']);
    expect(stats.bySection.map((g) => g.key)).toEqual(['5.1.1', '5.2.1', '5.2.2']);
    const sum = (groups: { counts: { total: number } }[]) => groups.reduce((n, g) => n + g.counts.total, 0);
    expect(sum(stats.byArea)).toBe(stats.overall.total);
    expect(sum(stats.bySection)).toBe(stats.overall.total);
    for (const [status, n] of Object.entries(stats.overall.byStatus))
      expect(stats.byArea.reduce((acc, g) => acc + (g.counts.byStatus as Record<string, number>)[status]!, 0)).toBe(n);
    // Only assignable organisations, in list order; one lead per measure.
    expect(stats.byMinistry.map((r) => r.ministryId)).toEqual(['nisc', 'mic', 'meti']);
    expect(stats.byMinistry.reduce((n, r) => n + r.lead, 0)).toBe(6);
  });

  it('runs the series from the plan start to the last milestone, ending the actual line on the as-of date', () => {
    const { plannedVsActual: series, overall } = computeStats(index, AS_OF, 'quarter');
    expect(series[0]?.date).toBe('2015-06-30');
    expect(series.at(-1)?.date).toBe('2020-08-31'); // Tokyo 2020 ends 2020-08-09
    expect(series.filter((p) => p.actualProgress !== null).map((p) => p.date)).toEqual([
      '2015-06-30',
      '2015-09-30',
      '2015-12-31',
      '2016-03-31',
      '2016-06-30',
      '2016-07-01',
    ]);
    expect(series.find((p) => p.date === '2016-06-30')).toEqual({
      date: '2016-06-30',
      expectedProgress: 69.2,
      actualProgress: 40.6,
      expectedCompleted: 2,
      completed: 1,
    });
    expect(overall.byStatus.completed).toBe(1);
  });

  it('extends the series to the as-of date when that is later', () => {
    const series = computeStats(index, '2021-01-15', 'month').plannedVsActual;
    const done = { expectedProgress: 100, actualProgress: 56, expectedCompleted: 5, completed: 2 };
    expect(series.at(-1)).toEqual({ ...done, date: '2021-01-31', actualProgress: null, completed: null });
    expect(series.at(-2)).toEqual({ ...done, date: '2021-01-15' });
    expect(series.at(-3)).toEqual({ ...done, date: '2020-12-31' });
  });
});

describe('plan vs actual in stats, per area, ministry and measure (issue 11)', () => {
  const at = (points: { date: string }[], date: string) => points.find((p) => p.date === date);

  it('counts continuous measures apart and gives each area its own series', () => {
    const stats = computeStats(index, '2016-03-31', 'quarter');
    expect(stats.seriesMeasures).toBe(5);
    // m3 (continuous): nisc (lead, ×2) at 30 %, mic at 0 %.
    expect(stats.continuous).toEqual({ total: 1, completed: 0, progress: 20 });
    const [a51, a52] = stats.progressByArea;
    // 5.1: m1 and m2, both due by then and both complete.
    expect(at(a51!.points, '2016-03-31')).toEqual({
      date: '2016-03-31',
      expectedProgress: 100,
      actualProgress: 100,
      expectedCompleted: 2,
      completed: 2,
    });
    // 5.2 without m3: m5 at half its span, m4 and m6 at a third; none recorded.
    expect(at(a52!.points, '2016-03-31')).toMatchObject({ expectedProgress: 38.9, actualProgress: 0 });
  });

  it('narrows every figure to the Tokyo 2020 set with scope=tokyo2020', () => {
    const stats = computeStats(index, '2016-03-31', 'quarter', 'tokyo2020');
    expect(stats.scope).toBe('tokyo2020');
    expect(stats.overall.total).toBe(1); // m4
    expect(at(stats.plannedVsActual, '2016-03-31')).toMatchObject({ expectedProgress: 33.3, actualProgress: 0 });
  });

  it('weighs a ministry’s own shares one each, against each measure’s line', () => {
    // mic: m1 (complete), m2 (complete), m5 (nothing yet, half its span); m3 is continuous.
    const points = ministrySummary(index, 'mic', '2016-03-31')!.progressSeries;
    expect(at(points, '2016-03-31')).toEqual({
      date: '2016-03-31',
      expectedProgress: 83.3,
      actualProgress: 66.7,
      expectedCompleted: 2,
      completed: 2,
    });
  });

  it('gives a measure its own line, and none to a continuous one', () => {
    const d = measureDetail(index, 'm5', '2016-06-30')!;
    expect(d.expectedProgress).toBe(62.5); // 456 of 730 days
    expect(at(d.progressSeries!, '2016-06-30')).toMatchObject({ actualProgress: 23, completed: 0 });
    expect(d.fyTargets).toEqual([]);
    expect(measureDetail(index, 'm3', '2016-06-30')).toMatchObject({ expectedProgress: null, progressSeries: null });
  });
});

describe('listMeasures with a keyword ranking (issue 18: relevance until a column is picked)', () => {
  const ranking = {
    matches: [
      { measureId: 'm5', score: 3, needles: [] },
      { measureId: 'm2', score: 2, needles: [] },
      { measureId: 'm3', score: 1, needles: [] },
    ],
  };
  const order = (sort?: { sort: 'plan'; order: 'asc' | 'desc' }) =>
    listMeasures(index, {}, ALL, AS_OF, sort ?? {}, ranking).items.map((m) => m.id);

  it('lists by rank when no column is chosen', () => expect(order()).toEqual(['m5', 'm2', 'm3']));
  it('lists the same matches in code order once the code column is chosen', () => {
    expect(order({ sort: 'plan', order: 'asc' })).toEqual(['m2', 'm3', 'm5']);
    expect(order({ sort: 'plan', order: 'desc' })).toEqual(['m5', 'm3', 'm2']);
  });
});
