import { z } from 'zod';
import { HEADLINE_KEYS } from '@/domain/dashboard';
import { ProgressPointSchema } from './contract';
import { IsoDateSchema } from '@/domain/plan';
import { DueKindSchema, DueSchema } from '@/domain/plan';
import { LocalizedTextSchema } from '@/domain/plan';
import { MilestoneSchema, OrganisationSchema } from '@/domain/plan';
import { AssignmentRoleSchema, HealthSchema, ProvenanceSchema, StatusSchema } from '@/domain/plan';
import { TIMELINE_GROUPINGS } from '@/domain/dashboard';

/** The dashboard's part of the API contract (issue 3): overview, timeline, ministry summary. */

const CountsSchema = z.object({
  total: z.int(),
  byStatus: z.record(StatusSchema, z.int()),
  byHealth: z.record(HealthSchema, z.int()),
  progress: z.int(),
});

const CountdownSchema = z.object({
  milestone: MilestoneSchema,
  days: z.int(),
  phase: z.enum(['upcoming', 'under_way', 'past']),
  tagged: z.int(),
  notComplete: z.int(),
  atRiskOrOverdue: z.int(),
});
export type CountdownView = z.infer<typeof CountdownSchema>;

const AttentionItemSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: LocalizedTextSchema,
  leadMinistryId: z.string().nullable(),
  status: StatusSchema,
  health: HealthSchema,
  progress: z.int(),
  expected: z.int(),
  dueDate: IsoDateSchema,
  dueKind: DueKindSchema,
  lastUpdate: IsoDateSchema.nullable(),
  days: z.int(),
});
export type AttentionItemView = z.infer<typeof AttentionItemSchema>;
const AttentionListSchema = z.object({ total: z.int(), items: z.array(AttentionItemSchema) });
export type AttentionListView = z.infer<typeof AttentionListSchema>;

export const DashboardQuerySchema = z.strictObject({ asOf: IsoDateSchema.optional() });

const ForecastSchema = z.object({
  /** The pace is measured over this window: the quarter holding the as-of date and the one before. */
  window: z.object({ from: IsoDateSchema, to: IsoDateSchema }),
  gamesOpening: IsoDateSchema.nullable(),
  groups: z.array(
    z.object({
      key: z.string(),
      measures: z.int(),
      progress: z.number(),
      progressAtStart: z.number(),
      reachesFullOn: IsoDateSchema.nullable(),
      noPace: z.int(),
    }),
  ),
  late: z.object({
    total: z.int(),
    stalled: z.int(),
    items: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        title: LocalizedTextSchema,
        progress: z.number(),
        against: z.enum(['due', 'games']),
        deadline: IsoDateSchema,
        projectedOn: IsoDateSchema.nullable(),
        daysLate: z.int().nullable(),
      }),
    ),
  }),
  noPace: z.int(),
});
export type ForecastView = z.infer<typeof ForecastSchema>;

export const DashboardSchema = z.object({
  asOf: IsoDateSchema,
  previousAsOf: IsoDateSchema,
  headline: z.array(z.object({ key: z.enum(HEADLINE_KEYS), value: z.int(), previous: z.int(), change: z.int() })),
  countdowns: z.object({ next: CountdownSchema.nullable(), tokyo2020: CountdownSchema.nullable() }),
  attention: z.object({ overdue: AttentionListSchema, dueSoon: AttentionListSchema, stale: AttentionListSchema }),
  forecast: ForecastSchema,
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const TimelineQuerySchema = z.strictObject({
  asOf: IsoDateSchema.optional(),
  groupBy: z.enum(TIMELINE_GROUPINGS).optional(),
  fy: z
    .string()
    .regex(/^\d{4}$/, { message: '年度は西暦4桁で指定してください / Use a four-digit fiscal year' })
    .transform(Number)
    .optional(),
  /** At most this many rows per group (`total` and `byHealth` still count them all). */
  limit: z
    .string()
    .regex(/^\d+$/, { message: '1以上の整数で指定してください / Use a whole number of at least 1' })
    .transform(Number)
    .pipe(z.int().min(1).max(10_000, { message: '10000以下で指定してください / At most 10000' }))
    .optional(),
  /** Only this group (an area code or a ministry id). */
  group: z.string().min(1).max(40).optional(),
});

const TimelineRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  title: LocalizedTextSchema,
  leadMinistryId: z.string().nullable(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  openEnded: z.boolean(),
  dueKind: DueKindSchema,
  status: StatusSchema,
  health: HealthSchema,
  progress: z.int(),
});
export type TimelineRowView = z.infer<typeof TimelineRowSchema>;

export const TimelineSchema = z.object({
  asOf: IsoDateSchema,
  groupBy: z.enum(TIMELINE_GROUPINGS),
  fiscalYear: z.int().nullable(),
  range: z.object({ start: IsoDateSchema, end: IsoDateSchema }),
  quarters: z.array(
    z.object({ fiscalYear: z.int(), quarter: z.literal([1, 2, 3, 4]), start: IsoDateSchema, end: IsoDateSchema }),
  ),
  milestones: z.array(MilestoneSchema),
  groups: z.array(
    z.object({
      key: z.string(),
      total: z.int(),
      byHealth: z.record(HealthSchema, z.int()),
      rows: z.array(TimelineRowSchema),
    }),
  ),
});
export type TimelineView = z.infer<typeof TimelineSchema>;

const MinistryAssignmentRowSchema = z.object({
  measureId: z.string(),
  code: z.string(),
  title: LocalizedTextSchema,
  role: AssignmentRoleSchema,
  provenance: ProvenanceSchema,
  confirmed: z.boolean(),
  status: StatusSchema,
  progress: z.int(),
  lastUpdate: IsoDateSchema.nullable(),
  health: HealthSchema,
  measureStatus: StatusSchema,
  measureHealth: HealthSchema,
  due: DueSchema,
  dueDate: IsoDateSchema,
});
export type MinistryAssignmentRowView = z.infer<typeof MinistryAssignmentRowSchema>;

export const MinistrySummaryQuerySchema = z.strictObject({ asOf: IsoDateSchema.optional() });

export const MinistrySummarySchema = z.object({
  asOf: IsoDateSchema,
  ministry: OrganisationSchema,
  counts: z.object({
    ministryId: z.string(),
    lead: z.int(),
    contributing: z.int(),
    counts: CountsSchema,
    lastUpdate: IsoDateSchema.nullable(),
  }),
  lead: z.array(MinistryAssignmentRowSchema),
  contributing: z.array(MinistryAssignmentRowSchema),
  dueNext: z.array(MinistryAssignmentRowSchema),
  /** The ministry's own shares against each measure's expected line (continuous measures apart). */
  progressSeries: z.array(ProgressPointSchema),
  history: z.object({
    total: z.int(),
    items: z.array(
      z.object({
        id: z.int(),
        measureId: z.string(),
        code: z.string(),
        title: LocalizedTextSchema,
        effectiveOn: IsoDateSchema,
        status: StatusSchema,
        progress: z.int(),
        narrative: z.string(),
        actor: z.string(),
        recordedAt: z.string(),
      }),
    ),
  }),
});
export type MinistrySummaryView = z.infer<typeof MinistrySummarySchema>;
