import type { z } from 'zod';
import {
  CiSectorListSchema,
  HealthResponseSchema,
  InstructionListSchema,
  MeasureDetailSchema,
  MeasureListQuerySchema,
  MeasureListSchema,
  MetaSchema,
  MilestoneListSchema,
  MinistryListSchema,
  AsOfQuerySchema,
  StatsQuerySchema,
  StatsSchema,
  StrategySchema,
} from './contract';

export type RouteSpec = {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  query?: z.ZodType;
  response: z.ZodType;
};

/** Every API route, for the server's validation, the OpenAPI document and the permission tests. */
export const ROUTES = {
  health: {
    method: 'get',
    path: '/api/health',
    operationId: 'getHealth',
    summary: 'Liveness',
    response: HealthResponseSchema,
  },
  meta: {
    method: 'get',
    path: '/api/meta',
    operationId: 'getMeta',
    summary: 'Data revision, today, loaded sample scenarios',
    response: MetaSchema,
  },
  strategy: {
    method: 'get',
    path: '/api/strategy',
    operationId: 'getStrategy',
    summary: 'Plan period, policy areas, sections, items, 資料2-1 entries',
    response: StrategySchema,
  },
  ministries: {
    method: 'get',
    path: '/api/ministries',
    operationId: 'listMinistries',
    summary: 'Ministries and the bodies the text names',
    response: MinistryListSchema,
  },
  measures: {
    method: 'get',
    path: '/api/measures',
    operationId: 'listMeasures',
    summary: 'Measures with filters and paging, as of a date',
    query: MeasureListQuerySchema,
    response: MeasureListSchema,
  },
  measure: {
    method: 'get',
    path: '/api/measures/{id}',
    operationId: 'getMeasure',
    summary: 'One measure with assignments, source and history',
    query: AsOfQuerySchema,
    response: MeasureDetailSchema,
  },
  milestones: {
    method: 'get',
    path: '/api/milestones',
    operationId: 'listMilestones',
    summary: 'Milestones (Ise-Shima 2016 … Tokyo 2020)',
    response: MilestoneListSchema,
  },
  instructions: {
    method: 'get',
    path: '/api/instructions',
    operationId: 'listInstructions',
    summary: "The chair's instructions ①–⑦ (2015)",
    response: InstructionListSchema,
  },
  ciSectors: {
    method: 'get',
    path: '/api/ci-sectors',
    operationId: 'listCiSectors',
    summary: 'The 13 critical-infrastructure sectors',
    response: CiSectorListSchema,
  },
  stats: {
    method: 'get',
    path: '/api/stats',
    operationId: 'getStats',
    summary: 'Counts by status and health, by area, section and ministry; planned vs actual',
    query: StatsQuerySchema,
    response: StatsSchema,
  },
} as const satisfies Record<string, RouteSpec>;
