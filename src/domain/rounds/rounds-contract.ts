import { z } from 'zod';
import { FIRST_FY, ImportRowSchema, LAST_FY } from '@/domain/contract';
import { IsoDateSchema, StatusSchema } from '@/domain/plan';

/** Reporting rounds (照会, issue 12): the contract shared by the server, the client and the OpenAPI document. */

export const ROUND_KINDS = ['quarterly', 'annual'] as const;
export const RoundKindSchema = z.enum(ROUND_KINDS);
export type RoundKind = z.infer<typeof RoundKindSchema>;

export const RoundStateSchema = z.enum(['open', 'closed']);
export type RoundState = z.infer<typeof RoundStateSchema>;

/** What a row asks for: an assignment's status, progress and narrative; a year's results; next year's plan. */
export const RowKindSchema = z.enum(['assignment', 'result', 'nextPlan']);
export type RowKind = z.infer<typeof RowKindSchema>;

/** owed: not answered yet. answered: waiting for NISC. returned: NISC asked again. accepted: applied. */
export const RowStateSchema = z.enum(['owed', 'answered', 'returned', 'accepted']);
export type RowState = z.infer<typeof RowStateSchema>;

export const DEFAULT_REMINDER_DAYS = [7, 3, 1];

export const RoundSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: RoundKindSchema,
  fy: z.int(),
  asOf: IsoDateSchema,
  openedOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  ministryIds: z.array(z.string()),
  /** Empty: every section. */
  sectionCodes: z.array(z.string()),
  instructions: z.string(),
  reminderDays: z.array(z.int()),
  state: RoundStateSchema,
  openedBy: z.string(),
  openedAt: z.string(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.int(),
});
export type Round = z.infer<typeof RoundSchema>;

const fy = z
  .int()
  .min(FIRST_FY, { message: `${FIRST_FY}年度以降を指定してください / From FY${FIRST_FY}` })
  .max(LAST_FY, { message: `${LAST_FY}年度以前を指定してください / Up to FY${LAST_FY}` });
const ids = (max: number) => z.array(z.string().min(1).max(100)).max(max);
const reminderDays = z
  .array(
    z
      .int()
      .min(1, { message: '1〜60日で指定してください / Use 1–60 days' })
      .max(60, { message: '1〜60日で指定してください / Use 1–60 days' }),
  )
  .max(5, { message: 'リマインダーは5つまでです / At most 5 reminders' });

export const RoundCreateBodySchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { message: '件名を入力してください / A title is required' })
    .max(200, { message: '200文字以内にしてください / At most 200 characters' }),
  kind: RoundKindSchema,
  fy,
  asOf: IsoDateSchema,
  dueOn: IsoDateSchema,
  /** Omitted or empty: every ministry with an assignment. */
  ministryIds: ids(100).optional(),
  sectionCodes: ids(200).optional(),
  instructions: z.string().max(5000, { message: '5000文字以内にしてください / At most 5000 characters' }).default(''),
  reminderDays: reminderDays.optional(),
});
export type RoundCreateBody = z.infer<typeof RoundCreateBodySchema>;

export const RoundPatchBodySchema = z
  .strictObject({
    dueOn: IsoDateSchema.optional(),
    state: z.literal('closed').optional(),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.dueOn !== undefined || b.state !== undefined, {
    message: '期限または状態を指定してください / Give a new due date or a state',
  });
export type RoundPatchBody = z.infer<typeof RoundPatchBodySchema>;

export const AssignmentAnswerSchema = z.object({
  status: StatusSchema,
  progress: z.int().min(0).max(100),
  narrative: z.string(),
});
export const TextAnswerSchema = z.object({ text: z.string() });
/** The answer's values: an assignment's, or a text (results, next year's plan). */
export const AnswerValuesSchema = z.union([AssignmentAnswerSchema, TextAnswerSchema]);
export type AnswerValues = z.infer<typeof AnswerValuesSchema>;

export const RoundRowSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  ministryId: z.string(),
  measureId: z.string(),
  kind: RowKindSchema,
  state: RowStateSchema,
  /** The version of the assignment / result / plan the answer was given against (0: none existed). */
  baseVersion: z.int().nullable(),
  answer: AnswerValuesSchema.nullable(),
  /** 「変更なし」: confirmed unchanged (still an answer). */
  unchanged: z.boolean(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  version: z.int(),
});
export type RoundRow = z.infer<typeof RoundRowSchema>;

const narrative = z.string().max(10_000, { message: '10000文字以内にしてください / At most 10000 characters' });
export const AnswerInputSchema = z.strictObject({
  rowId: z.string().min(1).max(200),
  /** The row's version as read. */
  version: z.int().min(1),
  /** The version of the assignment / result / plan the liaison saw (0: none yet). */
  baseVersion: z.int().min(0),
  unchanged: z.boolean().default(false),
  status: StatusSchema.optional(),
  progress: z.int().min(0).max(100).optional(),
  narrative: narrative.optional(),
  text: narrative.optional(),
});
export type AnswerInput = z.infer<typeof AnswerInputSchema>;
export const AnswerBodySchema = z.strictObject({
  answers: z
    .array(AnswerInputSchema)
    .min(1, { message: '回答がありません / No answers given' })
    .max(2000, { message: '一度に2000行までです / At most 2000 rows at once' }),
});
export type AnswerBody = z.infer<typeof AnswerBodySchema>;

export const ReviewBodySchema = z.strictObject({ comment: z.string().trim().max(2000).optional() });

export const MinistryProgressSchema = z.object({
  ministryId: z.string(),
  owed: z.int(),
  /** Answered or accepted (a returned row counts as not answered). */
  answered: z.int(),
  accepted: z.int(),
  returned: z.int(),
  percent: z.int(),
  /** Rows answered after the due date. */
  lateAnswers: z.int(),
  /** Past the due date with rows still owed. */
  overdue: z.boolean(),
  finished: z.boolean(),
  lastActivity: z.string().nullable(),
});
export type MinistryProgress = z.infer<typeof MinistryProgressSchema>;

export const RoundSummarySchema = RoundSchema.extend({
  owed: z.int(),
  answered: z.int(),
  accepted: z.int(),
  overdue: z.boolean(),
});
export type RoundSummary = z.infer<typeof RoundSummarySchema>;
export const RoundListSchema = z.object({ items: z.array(RoundSummarySchema) });
export const RoundListQuerySchema = z.strictObject({ state: RoundStateSchema.optional() });

export const RoundDetailSchema = z.object({ round: RoundSchema, ministries: z.array(MinistryProgressSchema) });
export type RoundDetail = z.infer<typeof RoundDetailSchema>;

/** One checklist line: the row, what it asks about, the current value and whether it moved since answered. */
export const ChecklistRowSchema = RoundRowSchema.extend({
  code: z.string(),
  title: z.object({ ja: z.string(), en: z.string() }),
  current: AnswerValuesSchema.nullable(),
  currentVersion: z.int(),
  /** The target changed after the answer was given: accepting it would overwrite that change. */
  conflict: z.boolean(),
});
export type ChecklistRow = z.infer<typeof ChecklistRowSchema>;
export const ChecklistSchema = z.object({
  round: RoundSchema,
  ministryId: z.string(),
  progress: MinistryProgressSchema,
  rows: z.array(ChecklistRowSchema),
});
export type Checklist = z.infer<typeof ChecklistSchema>;

export const RoundTemplateQuerySchema = z.strictObject({
  ministry: z.string().min(1).max(40).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
});
export const RoundImportQuerySchema = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
export const RoundImportReportSchema = z.object({
  rows: z.array(ImportRowSchema),
  summary: z.object({
    rows: z.int(),
    /** Answers the file gives (a line can answer an assignment and its results). */
    answers: z.int(),
    unchanged: z.int(),
    withErrors: z.int(),
    dryRun: z.boolean(),
    committed: z.boolean(),
  }),
});
export type RoundImportReport = z.infer<typeof RoundImportReportSchema>;

/** Accept or return several rows of one ministry, each as its own write, as the reviewer saw them. */
export const BulkReviewBodySchema = z.strictObject({
  decision: z.enum(['accept', 'return']),
  rows: z
    .array(z.strictObject({ id: z.string().min(1).max(200), version: z.int().min(1) }))
    .min(1, { message: '行を選んでください / Choose rows' })
    .max(5000),
  comment: z.string().trim().max(2000).optional(),
});
export const BulkReviewResultSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(['accepted', 'returned', 'conflict', 'stale', 'refused']),
      message: z.string().nullable(),
    }),
  ),
});
export type BulkReviewResult = z.infer<typeof BulkReviewResultSchema>;
