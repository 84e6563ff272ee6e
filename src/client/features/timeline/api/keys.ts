export type TimelineParams = { asOf?: string; groupBy?: 'area' | 'ministry'; fy?: number };

export const timelineKeys = {
  all: ['timeline'] as const,
  view: (params: TimelineParams) => ['timeline', 'view', params] as const,
  groupRows: (params: TimelineParams, group: string, limit: number) =>
    ['timeline', 'group', params, group, limit] as const,
};
