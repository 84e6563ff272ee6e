import { z } from 'zod';
import { ATTENTION_KINDS } from '@/domain/dashboard';
import { MeasureSortSchema, SortOrderSchema } from './measure-sort';
import { IsoDateSchema } from '@/domain/plan';
import { DueSchema } from '@/domain/plan';
import { LocalizedTextSchema } from '@/domain/plan';
import {
  AreaSchema,
  FyTargetSchema,
  ItemSchema,
  MilestoneSchema,
  OrganisationSchema,
  PackageEntrySchema,
  PlanPeriodSchema,
  RagOverrideSchema,
  SectionSchema,
  TagSchema,
} from '@/domain/plan';
import { InstructionSchema, CiSectorSchema } from '@/domain/seeds';
import { AssignmentRoleSchema, HealthSchema, ProvenanceSchema, StatusSchema } from '@/domain/plan';
import { LeadInSchema, MeasureStepSchema, SectionTargetSchema } from '@/domain/plan';

/** The API contract: one source for server validation, client parsing and the OpenAPI document. */

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** With a 412 or 409: the record as it stands now. */
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

const numberParam = (max: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: '0以上の整数で指定してください / Use a whole number' })
    .transform(Number)
    .pipe(
      z
        .int()
        .min(0)
        .max(max, { message: `${max}以下で指定してください / At most ${max}` }),
    );

export const AsOfQuerySchema = z.strictObject({ asOf: IsoDateSchema.optional() });

export const MeasureFiltersSchema = z.strictObject({
  area: z.string().min(1).optional(),
  section: z.string().min(1).optional(),
  ministry: z.string().min(1).optional(),
  status: StatusSchema.optional(),
  health: HealthSchema.optional(),
  dueFy: z
    .string()
    .regex(/^\d{4}$/, { message: '年度は西暦4桁で指定してください / Use a four-digit fiscal year' })
    .transform(Number)
    .optional(),
  tag: TagSchema.optional(),
  q: z.string().max(200).optional(),
  /** One of the overview's "needs attention" lists, whole: where its 「ほか N件」 leads (issue 18). */
  attention: z.enum(ATTENTION_KINDS).optional(),
});
export type MeasureFilters = z.infer<typeof MeasureFiltersSchema>;

export const MeasureListQuerySchema = MeasureFiltersSchema.extend({
  asOf: IsoDateSchema.optional(),
  /** Order (issue 18): the plan's own unless told; `order` defaults per sort (most overdue first). */
  sort: MeasureSortSchema.optional(),
  order: SortOrderSchema.optional(),
  limit: numberParam(1000).optional(),
  offset: numberParam(1_000_000).optional(),
});
export type MeasureListQuery = z.infer<typeof MeasureListQuerySchema>;

export const MeasureSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  title: LocalizedTextSchema,
  areaCode: z.string(),
  sectionCode: z.string(),
  itemCode: z.string(),
  leadMinistryId: z.string().nullable(),
  ministryIds: z.array(z.string()),
  due: DueSchema,
  dueDate: IsoDateSchema,
  status: StatusSchema,
  progress: z.int().min(0).max(100),
  health: HealthSchema,
  rag: RagOverrideSchema.nullable(),
  tags: z.array(TagSchema),
  milestoneIds: z.array(z.string()),
  crossRefCode: z.string().nullable(),
  hasProposedAssignments: z.boolean(),
  lastUpdate: IsoDateSchema.nullable(),
  /** With a keyword search: the score and the normalised needles found, for highlighting (decision record 016). */
  search: z.object({ score: z.number(), needles: z.array(z.string()) }).optional(),
  /** Days past the deadline on the as-of date, for an overdue measure; null otherwise. */
  daysOverdue: z.int().nullable(),
});
export type MeasureSummary = z.infer<typeof MeasureSummarySchema>;

/** What a keyword search understood, and what to try when it found nothing. */
export const SearchInfoSchema = z.object({
  terms: z.array(z.string()),
  unmatchedTerms: z.array(z.string()),
  suggestion: z
    .object({ q: z.string(), total: z.int(), withoutFilters: z.boolean() })
    .nullable()
    .describe('A query that finds something, offered when this one finds nothing'),
});
export type SearchInfo = z.infer<typeof SearchInfoSchema>;

export const MeasureListSchema = z.object({
  items: z.array(MeasureSummarySchema),
  total: z.int(),
  asOf: IsoDateSchema,
  search: SearchInfoSchema.optional(),
});
export type MeasureList = z.infer<typeof MeasureListSchema>;

export const SERIES_SCOPES = ['all', 'tokyo2020'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];

/**
 * Plan vs actual on one date (issue 11): expected and actual progress (mean %, one decimal) and
 * completions; the actual figures are null after the as-of date.
 */
export const ProgressPointSchema = z.object({
  date: IsoDateSchema,
  expectedProgress: z.number().min(0).max(100),
  actualProgress: z.number().min(0).max(100).nullable(),
  expectedCompleted: z.int(),
  completed: z.int().nullable(),
});
export type ProgressPoint = z.infer<typeof ProgressPointSchema>;

export const AssignmentSchema = z.object({
  ministryId: z.string(),
  role: AssignmentRoleSchema,
  provenance: ProvenanceSchema,
  confirmed: z.boolean(),
  status: StatusSchema,
  progress: z.int().min(0).max(100),
  narrative: z.string(),
  lastUpdate: IsoDateSchema.nullable(),
  version: z.int(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const HistoryEntrySchema = z.object({
  id: z.int(),
  ministryId: z.string(),
  effectiveOn: IsoDateSchema,
  status: StatusSchema,
  progress: z.int(),
  narrative: z.string(),
  actor: z.string(),
  submittedBy: z.string().nullable(),
  comment: z.string(),
  recordedAt: z.string(),
  origin: z.enum(['seed', 'scenario', 'user']),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** A measure-level update (RAG override, deadline) as the audit trail recorded it: part of the measure's timeline. */
const MeasureFieldsSchema = z.object({ due: DueSchema, rag: RagOverrideSchema.nullable() });
export const MeasureChangeSchema = z.object({
  id: z.int(),
  at: z.string(),
  actor: z.string(),
  comment: z.string(),
  before: MeasureFieldsSchema,
  after: MeasureFieldsSchema,
});
export type MeasureChange = z.infer<typeof MeasureChangeSchema>;

export const MeasureDetailSchema = MeasureSummarySchema.extend({
  quote: z.string(),
  source: z.object({ document: z.string(), section: z.string() }),
  breadcrumb: z.array(
    z.object({ level: z.enum(['area', 'section', 'item']), code: z.string(), title: LocalizedTextSchema }),
  ),
  assignments: z.array(AssignmentSchema),
  history: z.array(HistoryEntrySchema),
  /** Newest first, up to the as-of date; filled by the server from the audit trail. */
  changes: z.array(MeasureChangeSchema),
  packageEntries: z.array(PackageEntrySchema),
  crossListedBy: z.array(z.object({ id: z.string(), code: z.string() })),
  start: IsoDateSchema,
  /** 年度末目標 set by NISC, in fiscal-year order; the expected line runs through them. */
  fyTargets: z.array(FyTargetSchema),
  /** Expected progress at the as-of date (one decimal); null for a continuous measure. */
  expectedProgress: z.number().nullable(),
  /** Plan vs actual for this measure at quarter ends; null for a continuous measure. */
  progressSeries: z.array(ProgressPointSchema).nullable(),
  version: z.int(),
});
export type MeasureDetail = z.infer<typeof MeasureDetailSchema>;
/** What the plan index alone answers: everything but the audited measure-level changes. */
export type MeasureDetailCore = Omit<MeasureDetail, 'changes'>;

export const StrategySchema = z.object({
  planPeriod: PlanPeriodSchema,
  areas: z.array(AreaSchema),
  sections: z.array(SectionSchema),
  items: z.array(ItemSchema),
  packageEntries: z.array(PackageEntrySchema),
  leadIns: z.array(LeadInSchema),
  sectionTargets: z.array(SectionTargetSchema),
  steps: z.array(MeasureStepSchema),
});
export type Strategy = z.infer<typeof StrategySchema>;

export const MinistrySchema = OrganisationSchema.extend({ leadCount: z.int(), contributingCount: z.int() });
export const MinistryListSchema = z.object({ items: z.array(MinistrySchema) });
export type Ministry = z.infer<typeof MinistrySchema>;

export const MilestoneListSchema = z.object({ items: z.array(MilestoneSchema) });
export const InstructionListSchema = z.object({ items: z.array(InstructionSchema) });
export const CiSectorListSchema = z.object({ items: z.array(CiSectorSchema) });

const CountsSchema = z.object({
  total: z.int(),
  byStatus: z.record(StatusSchema, z.int()),
  byHealth: z.record(HealthSchema, z.int()),
  progress: z.int(),
});

export const StatsSchema = z.object({
  asOf: IsoDateSchema,
  overall: CountsSchema,
  byArea: z.array(z.object({ key: z.string(), counts: CountsSchema })),
  bySection: z.array(z.object({ key: z.string(), counts: CountsSchema })),
  byMinistry: z.array(
    z.object({
      ministryId: z.string(),
      lead: z.int(),
      contributing: z.int(),
      counts: CountsSchema,
      lastUpdate: IsoDateSchema.nullable(),
    }),
  ),
  /** Which measures every figure counts: the whole plan, or those needed before Tokyo 2020. */
  scope: z.enum(SERIES_SCOPES),
  /** Measures with an expected line (all but continuous ones) that the series count. */
  seriesMeasures: z.int(),
  plannedVsActual: z.array(ProgressPointSchema),
  /** The same series per policy area (small multiples). */
  progressByArea: z.array(z.object({ key: z.string(), points: z.array(ProgressPointSchema) })),
  /** Continuous measures (継続) have no end to measure against: counted apart, never averaged in. */
  continuous: z.object({ total: z.int(), completed: z.int(), progress: z.int() }),
});
export type Stats = z.infer<typeof StatsSchema>;

export const StatsQuerySchema = z.strictObject({
  asOf: IsoDateSchema.optional(),
  granularity: z.enum(['month', 'quarter']).optional(),
  scope: z.enum(SERIES_SCOPES).optional(),
});

export const HealthResponseSchema = z.object({ status: z.literal('ok') });
export const ReadyResponseSchema = z.object({
  status: z.literal('ready'),
  store: z.enum(['sqlite', 'memory', 'postgres']),
});

/** The date and fiscal year pages open on without one in the URL (docs/decisions/017-dates-from-the-data.md). */
export const DefaultDatesSchema = z.object({
  asOf: IsoDateSchema,
  basis: z.enum(['today', 'data', 'planEnd']),
  dataDate: IsoDateSchema.nullable(),
  fy: z.int(),
  planYears: z.object({ first: z.int(), last: z.int() }),
});

export const MetaSchema = z.object({
  revision: z.int(),
  today: IsoDateSchema,
  defaults: DefaultDatesSchema,
  scenarios: z.array(z.object({ id: z.string(), label: LocalizedTextSchema, loadedAt: z.string() })),
});
export type Meta = z.infer<typeof MetaSchema>;
