import { z } from 'zod';
import type { Permission } from '@/domain/auth';
import {
  CiSectorListSchema,
  HealthResponseSchema,
  ReadyResponseSchema,
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
} from '@/domain/contract';
import {
  DashboardQuerySchema,
  DashboardSchema,
  MinistrySummaryQuerySchema,
  MinistrySummarySchema,
  TimelineQuerySchema,
  TimelineSchema,
} from '@/domain/contract';
import { PublicCommentListSchema, PublicCommentsQuerySchema } from '@/domain/plan';

/**
 * `public`: anyone; `session`: any signed-in user, even one who must still change their password or
 * enrol TOTP; a permission: a signed-in user whose role grants it (src/domain/auth.ts).
 */
export type Access = 'public' | 'session' | Permission;

export type RouteSpec = {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  operationId: string;
  summary: string;
  access: Access;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Writes to versioned records need If-Match. */
  ifMatch?: boolean;
  /** Answers with a redirect (302) for the browser to follow, not JSON (OpenID Connect sign-in). */
  redirects?: true;
  /** Says what to do instead when the role may not (ja / en); else the general refusal. */
  refusal?: string;
  response: z.ZodType;
};

/** Every read route; writes and accounts are in routes-write.ts. */
export const ROUTES = {
  openapi: {
    method: 'get',
    access: 'public',
    path: '/api/openapi.json',
    operationId: 'getOpenApi',
    summary: 'This document',
    response: z.record(z.string(), z.unknown()),
  },
  health: {
    method: 'get',
    access: 'public',
    path: '/api/health',
    operationId: 'getHealth',
    summary: 'Liveness',
    response: HealthResponseSchema,
  },
  ready: {
    method: 'get',
    access: 'public',
    path: '/api/ready',
    operationId: 'getReady',
    summary: 'Readiness: the store answers (503 with Retry-After while it does not)',
    response: ReadyResponseSchema,
  },
  meta: {
    method: 'get',
    access: 'plan.read',
    path: '/api/meta',
    operationId: 'getMeta',
    summary: 'Data revision, today, loaded sample scenarios',
    response: MetaSchema,
  },
  strategy: {
    method: 'get',
    access: 'plan.read',
    path: '/api/strategy',
    operationId: 'getStrategy',
    summary: 'Plan period, policy areas, sections, items, 資料2-1 entries',
    response: StrategySchema,
  },
  ministries: {
    method: 'get',
    access: 'plan.read',
    path: '/api/ministries',
    operationId: 'listMinistries',
    summary: 'Ministries and the bodies the text names',
    response: MinistryListSchema,
  },
  measures: {
    method: 'get',
    access: 'plan.read',
    path: '/api/measures',
    operationId: 'listMeasures',
    summary: 'Measures with filters and paging, as of a date',
    query: MeasureListQuerySchema,
    response: MeasureListSchema,
  },
  measure: {
    method: 'get',
    access: 'plan.read',
    path: '/api/measures/{id}',
    operationId: 'getMeasure',
    summary: 'One measure with assignments, source and history',
    query: AsOfQuerySchema,
    response: MeasureDetailSchema,
  },
  milestones: {
    method: 'get',
    access: 'plan.read',
    path: '/api/milestones',
    operationId: 'listMilestones',
    summary: 'Milestones (Ise-Shima 2016 … Tokyo 2020)',
    response: MilestoneListSchema,
  },
  instructions: {
    method: 'get',
    access: 'plan.read',
    path: '/api/instructions',
    operationId: 'listInstructions',
    summary: "The chair's instructions ①–⑦ (2015)",
    response: InstructionListSchema,
  },
  publicComments: {
    method: 'get',
    access: 'plan.read',
    path: '/api/public-comments',
    operationId: 'listPublicComments',
    summary: 'Public comments on the draft strategy (2015) with the answers, optionally for one section',
    query: PublicCommentsQuerySchema,
    response: PublicCommentListSchema,
  },
  ciSectors: {
    method: 'get',
    access: 'plan.read',
    path: '/api/ci-sectors',
    operationId: 'listCiSectors',
    summary: 'The 13 critical-infrastructure sectors',
    response: CiSectorListSchema,
  },
  stats: {
    method: 'get',
    access: 'plan.read',
    path: '/api/stats',
    operationId: 'getStats',
    summary:
      'Counts by status and health, by area, section and ministry; expected vs actual progress overall and per area (scope=tokyo2020: the measures needed before the Games)',
    query: StatsQuerySchema,
    response: StatsSchema,
  },
  dashboard: {
    method: 'get',
    access: 'plan.read',
    path: '/api/dashboard',
    operationId: 'getDashboard',
    summary: 'Overview: headline figures with change since the previous quarter end, countdowns, needs attention',
    query: DashboardQuerySchema,
    response: DashboardSchema,
  },
  timeline: {
    method: 'get',
    access: 'plan.read',
    path: '/api/timeline',
    operationId: 'getTimeline',
    summary: 'Measures on a fiscal-quarter axis, grouped by policy area or lead ministry',
    query: TimelineQuerySchema,
    response: TimelineSchema,
  },
  ministrySummary: {
    method: 'get',
    access: 'plan.read',
    path: '/api/ministries/{id}/summary',
    operationId: 'getMinistrySummary',
    summary: 'One ministry: what it leads and contributes to, what is due next, its updates',
    query: MinistrySummaryQuerySchema,
    response: MinistrySummarySchema,
  },
} as const satisfies Record<string, RouteSpec>;
