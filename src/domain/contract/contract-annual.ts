import { z } from 'zod';
import { IsoDateSchema } from '@/domain/plan';
import { MeasureFiltersSchema } from './contract';
import { MeasureSortSchema, SortOrderSchema } from './measure-sort';
import { LangSchema, LocalizedTextSchema } from '@/domain/plan';
import { AssignmentRoleSchema, StatusSchema } from '@/domain/plan';

/** The annual cycle (年次計画・年次報告): plans, results, exports and imports. Issue 5. */

export const FIRST_FY = 2015;
export const LAST_FY = 2030;

const fyText = z
  .string()
  .regex(/^\d{4}$/, { message: '年度は西暦4桁で指定してください / Use a four-digit fiscal year' })
  .transform(Number)
  .pipe(
    z
      .int()
      .min(FIRST_FY, { message: `${FIRST_FY}年度以降を指定してください / From FY${FIRST_FY}` })
      .max(LAST_FY, { message: `${LAST_FY}年度以前を指定してください / Up to FY${LAST_FY}` }),
  );
export const FiscalYearParamSchema = fyText;

const longText = z.string().max(10_000, { message: '10000文字以内にしてください / At most 10000 characters' });

/** 年次計画: the plan text for a fiscal year and the plan for the next one, per measure. */
export const AnnualPlanRecordSchema = z.strictObject({
  fy: z.int(),
  measureId: z.string().min(1),
  planText: z.string(),
  nextPlanText: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  version: z.int().min(1),
});
export type AnnualPlanRecord = z.infer<typeof AnnualPlanRecordSchema>;

/** 成果・進捗状況 for a fiscal year, per ministry's assignment. */
export const AnnualResultRecordSchema = z.strictObject({
  fy: z.int(),
  measureId: z.string().min(1),
  ministryId: z.string().min(1),
  text: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  version: z.int().min(1),
});
export type AnnualResultRecord = z.infer<typeof AnnualResultRecordSchema>;

/** The measures a fiscal year's plan holds, with the item numbers they were given that year. */
export const RosterEntrySchema = z.object({ measureId: z.string(), number: z.string() });
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

export const FiscalYearRecordSchema = z.strictObject({
  fy: z.int(),
  startedAt: z.string(),
  startedBy: z.string(),
  roster: z.array(RosterEntrySchema),
  version: z.int().min(1),
});
export type FiscalYearRecord = z.infer<typeof FiscalYearRecordSchema>;

export type AnnualData = {
  fiscalYear: FiscalYearRecord | null;
  plans: AnnualPlanRecord[];
  results: AnnualResultRecord[];
};

export const PlansQuerySchema = z.strictObject({
  fy: fyText.optional(),
  measure: z.string().min(1).max(100).optional(),
  ministry: z.string().min(1).max(40).optional(),
});

/**
 * Starting a fiscal year outside the strategy's plan period (FY2015–FY2017) is refused unless the
 * request says, deliberately, that it means to (decision record 020).
 */
export const StartYearQuerySchema = z.strictObject({
  outsidePlanPeriod: z
    .enum(['true'], { message: 'outsidePlanPeriod は true のみ指定できます / outsidePlanPeriod can only be true' })
    .optional(),
});

export const PlanItemSchema = z.object({
  measureId: z.string(),
  code: z.string(),
  number: z.string(),
  title: LocalizedTextSchema,
  sectionCode: z.string(),
  itemCode: z.string(),
  crossRefCode: z.string().nullable(),
  inPlan: z.boolean(),
  ministries: z.array(z.object({ ministryId: z.string(), role: AssignmentRoleSchema })),
  plan: z.object({
    planText: z.string(),
    nextPlanText: z.string(),
    version: z.int(),
    updatedAt: z.string().nullable(),
  }),
  results: z.array(
    z.object({ ministryId: z.string(), text: z.string(), version: z.int(), updatedAt: z.string().nullable() }),
  ),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

export const PlanListSchema = z.object({
  fy: z.int(),
  label: LocalizedTextSchema,
  started: z.object({ at: z.string(), by: z.string() }).nullable(),
  items: z.array(PlanItemSchema),
});
export type PlanList = z.infer<typeof PlanListSchema>;

export const PlanPatchBodySchema = z
  .strictObject({
    planText: longText.optional(),
    nextPlanText: longText.optional(),
    comment: z.string().max(2000).optional(),
  })
  .refine((b) => b.planText !== undefined || b.nextPlanText !== undefined, {
    message: '変更内容がありません / Nothing to change',
  });
export type PlanPatchBody = z.infer<typeof PlanPatchBodySchema>;

export const ResultPatchBodySchema = z.strictObject({ text: longText, comment: z.string().max(2000).optional() });

export const FyStartReportSchema = z.object({
  fy: z.int(),
  total: z.int(),
  carried: z.int(),
  added: z.array(z.object({ measureId: z.string(), code: z.string(), number: z.string() })),
  retired: z.array(
    z.object({ measureId: z.string(), code: z.string(), previousNumber: z.string(), status: StatusSchema }),
  ),
  renumbered: z.array(z.object({ measureId: z.string(), code: z.string(), from: z.string(), to: z.string() })),
  withoutPlan: z.array(z.object({ measureId: z.string(), code: z.string() })),
});
export type FyStartReport = z.infer<typeof FyStartReportSchema>;

export const REPORT_FORMATS = ['json', 'md', 'docx', 'pdf', 'html'] as const;
export const ReportQuerySchema = z.strictObject({
  fy: fyText.optional(),
  /** A closed reporting round (issue 12): the report is as of it and lists who never answered. */
  round: z.string().min(1).max(100).optional(),
  asOf: IsoDateSchema.optional(),
  lang: LangSchema.optional(),
  format: z.enum(REPORT_FORMATS).optional(),
});

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ENCODINGS = ['utf8', 'sjis'] as const;

export const ExportMeasuresQuerySchema = MeasureFiltersSchema.extend({
  asOf: IsoDateSchema.optional(),
  sort: MeasureSortSchema.optional(),
  order: SortOrderSchema.optional(),
  format: z.enum(EXPORT_FORMATS).optional(),
  encoding: z.enum(ENCODINGS).optional(),
});

export const TemplateQuerySchema = z.strictObject({
  ministry: z.string().min(1).max(40).optional(),
  fy: fyText.optional(),
  format: z.enum(EXPORT_FORMATS).optional(),
  encoding: z.enum(ENCODINGS).optional(),
});

export const ImportQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional(),
  ministry: z.string().min(1).max(40).optional(),
});

export const ImportChangeSchema = z.object({ field: z.string(), from: z.string(), to: z.string() });
export type ImportChange = z.infer<typeof ImportChangeSchema>;
export const ImportIssueSchema = z.object({ field: z.string().nullable(), message: z.string() });
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportRowSchema = z.object({
  row: z.int(),
  measureId: z.string().nullable(),
  ministryId: z.string().nullable(),
  changes: z.array(ImportChangeSchema),
  errors: z.array(ImportIssueSchema),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const ImportReportSchema = z.object({
  rows: z.array(ImportRowSchema),
  summary: z.object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.enum(['utf8', 'sjis', 'xlsx']),
    ministryId: z.string().nullable(),
    fy: z.int().nullable(),
    rows: z.int(),
    changed: z.int(),
    unchanged: z.int(),
    withErrors: z.int(),
    dryRun: z.boolean(),
    committed: z.boolean(),
    /** direct: NISC staff's rows update assignments; submission: a liaison's rows await review. */
    mode: z.enum(['direct', 'submission']),
  }),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;
