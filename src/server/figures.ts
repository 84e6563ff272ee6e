import { computeStats, type SeriesScope } from '@/domain/contract';
import { overview, type Granularity } from '@/domain/dashboard';
import type { IsoDate, PlanIndex } from '@/domain/plan';
import { cachedBody } from './cached-json';

/** /api/dashboard's body for `date`, kept with the index (cached-json.ts). */
export const dashboardBody = (index: PlanIndex, date: IsoDate) =>
  cachedBody(index, `dashboard:${date}`, () => overview(index, date));

/** /api/stats' body for `date`, kept with the index (cached-json.ts). */
export const statsBody = (index: PlanIndex, date: IsoDate, granularity: Granularity, scope: SeriesScope) =>
  cachedBody(index, `stats:${date}:${granularity}:${scope}`, () => computeStats(index, date, granularity, scope));

/**
 * The figures the overview asks for on its first screen (overviewRequests in domain/contract), one
 * step each: what the server computes for an as-of date it has not answered yet.
 */
export const OVERVIEW_FIGURES: ((index: PlanIndex, date: IsoDate) => unknown)[] = [
  dashboardBody,
  (index, date) => statsBody(index, date, 'quarter', 'all'),
  (index, date) => statsBody(index, date, 'quarter', 'tokyo2020'),
];
