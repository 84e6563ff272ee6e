import { z } from 'zod';
import { IsoDateSchema } from '@/domain/plan';
import { FIRST_FY, LAST_FY } from './contract-annual';
import { DueKindSchema } from '@/domain/plan';
import { LocalizedTextSchema } from '@/domain/plan';
import { RagOverrideSchema } from '@/domain/plan';
import { StatusSchema } from '@/domain/plan';

/** Writes: every body is strict (unknown fields refused), bounded, and carries a reason. */

const comment = z
  .string()
  .trim()
  .min(1, { message: 'コメントを入力してください / A comment is required' })
  .max(2000, { message: '2000文字以内にしてください / At most 2000 characters' });
const narrative = z.string().max(10_000, { message: '10000文字以内にしてください / At most 10000 characters' });
const progress = z
  .int({ message: '進捗は整数で指定してください / Progress must be a whole number' })
  .min(0, { message: '進捗は0〜100で指定してください / Progress must be 0–100' })
  .max(100, { message: '進捗は0〜100で指定してください / Progress must be 0–100' });

export const DueInputSchema = z.strictObject({
  wording: z.string().trim().min(1).max(200).nullable(),
  kind: DueKindSchema,
  date: IsoDateSchema.nullable(),
});

export const MeasurePatchBodySchema = z
  .strictObject({
    rag: RagOverrideSchema.nullable().optional(),
    due: DueInputSchema.optional(),
    comment,
  })
  .refine((b) => b.rag !== undefined || b.due !== undefined, { message: '変更内容がありません / Nothing to change' });
export type MeasurePatchBody = z.infer<typeof MeasurePatchBodySchema>;

const fy = z
  .int({ message: '年度は整数で指定してください / The fiscal year must be a whole number' })
  .min(FIRST_FY, { message: `${FIRST_FY}年度以降を指定してください / From FY${FIRST_FY}` })
  .max(LAST_FY, { message: `${LAST_FY}年度以前を指定してください / Up to FY${LAST_FY}` });

/** 年度末目標: the whole list for a measure replaces the old one; an empty list clears them (issue 11). */
export const FyTargetsBodySchema = z.strictObject({
  targets: z
    .array(z.strictObject({ fy, percent: progress }))
    .max(LAST_FY - FIRST_FY + 1, { message: '年度末目標が多すぎます / Too many targets' }),
  comment,
});
export type FyTargetsBody = z.infer<typeof FyTargetsBodySchema>;

export const AssignmentPatchBodySchema = z
  .strictObject({
    status: StatusSchema.optional(),
    progress: progress.optional(),
    narrative: narrative.optional(),
    confirmed: z.literal(true).optional(),
    comment,
  })
  .refine((b) => [b.status, b.progress, b.narrative, b.confirmed].some((v) => v !== undefined), {
    message: '変更内容がありません / Nothing to change',
  });
export type AssignmentPatchBody = z.infer<typeof AssignmentPatchBodySchema>;

export const SUBMISSION_STATES = ['pending', 'approved', 'returned'] as const;
export const SubmissionStateSchema = z.enum(SUBMISSION_STATES);

/** What every submission for review carries, whatever it submits (progress, annual results). */
export const SUBMISSION_REVIEW_FIELDS = {
  state: SubmissionStateSchema,
  submittedBy: z.string(),
  submittedAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
};

export const SubmissionCreateBodySchema = z.strictObject({
  measureId: z.string().min(1).max(100),
  ministryId: z.string().min(1).max(40),
  /** The assignment version the liaison saw: approval is refused if it has changed since. */
  baseVersion: z.int().min(1),
  status: StatusSchema,
  progress,
  narrative,
  evidence: z.string().max(2000).default(''),
});
export type SubmissionCreateBody = z.infer<typeof SubmissionCreateBodySchema>;

export const SubmissionSchema = z.object({
  id: z.string(),
  measureId: z.string(),
  ministryId: z.string(),
  baseVersion: z.int(),
  status: StatusSchema,
  progress: z.int(),
  narrative: z.string(),
  evidence: z.string(),
  ...SUBMISSION_REVIEW_FIELDS,
  version: z.int(),
});
export type Submission = z.infer<typeof SubmissionSchema>;

export const SubmissionListQuerySchema = z.strictObject({
  state: SubmissionStateSchema.optional(),
  ministry: z.string().max(40).optional(),
  measure: z.string().max(100).optional(),
});
export const SubmissionListSchema = z.object({ items: z.array(SubmissionSchema) });

export const ApproveBodySchema = z.strictObject({ comment: z.string().trim().max(2000).optional() });
export const ReturnBodySchema = z.strictObject({ comment });

export const MilestonePatchBodySchema = z
  .strictObject({
    title: LocalizedTextSchema.optional(),
    start: IsoDateSchema.optional(),
    end: IsoDateSchema.optional(),
    reason: comment,
  })
  .refine((b) => b.title !== undefined || b.start !== undefined || b.end !== undefined, {
    message: '変更内容がありません / Nothing to change',
  });

export const AuditEntrySchema = z.object({
  id: z.int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  // Absent in JSON when there is no before (a creation) or after: zod 4 wants such keys optional.
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  requestId: z.string().nullable(),
});
export const AuditListSchema = z.object({ items: z.array(AuditEntrySchema), total: z.int() });
const numberParam = z
  .string()
  .regex(/^\d{1,7}$/)
  .transform(Number);
export const AuditQuerySchema = z.strictObject({
  actor: z.string().max(254).optional(),
  entity: z.string().max(40).optional(),
  entityId: z.string().max(200).optional(),
  action: z.string().max(60).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  limit: numberParam.pipe(z.int().min(1).max(1000)).optional(),
  offset: numberParam.optional(),
  format: z.enum(['json', 'csv']).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;
