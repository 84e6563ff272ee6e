import type { MeasureFilters, MeasureSort, SortOrder } from '@/domain/contract';

export type MeasureListParams = MeasureFilters & {
  asOf?: string;
  limit?: number;
  offset?: number;
  sort?: MeasureSort;
  order?: SortOrder;
};

/** Hierarchical keys: invalidating ['measures'] refreshes every list and detail. */
export const measureKeys = {
  all: ['measures'] as const,
  list: (params: MeasureListParams) => ['measures', 'list', params] as const,
  detail: (id: string, asOf: string | undefined) => ['measures', 'detail', id, { asOf }] as const,
};

/** One measure's annual plan and results for a fiscal year (issue 5). */
export const planKeys = {
  all: ['plans'] as const,
  measure: (fy: number, id: string) => ['plans', 'measure', fy, id] as const,
};
