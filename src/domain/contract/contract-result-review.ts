import { z } from 'zod';
import { FiscalYearParamSchema, FIRST_FY, LAST_FY } from './contract-annual';
import { SUBMISSION_REVIEW_FIELDS, SubmissionStateSchema } from './contract-updates';

/**
 * A liaison's annual results (成果・進捗状況 of a fiscal year) go through NISC review as progress
 * does (issue 18, item 6; decision record 020): the liaison submits a text, NISC staff approve it
 * (only then does it become the record the annual report quotes) or return it with a comment.
 */
export const ResultSubmissionSchema = z.object({
  id: z.string(),
  fy: z.int(),
  measureId: z.string(),
  ministryId: z.string(),
  /** The result's version the liaison saw (0: none yet); approval is refused if it has moved since. */
  baseVersion: z.int().min(0),
  /** The recorded text when it was submitted: the reviewer sees old against new. */
  previousText: z.string(),
  text: z.string(),
  /** The liaison's note to the reviewer. */
  note: z.string(),
  ...SUBMISSION_REVIEW_FIELDS,
  version: z.int().min(1),
});
export type ResultSubmission = z.infer<typeof ResultSubmissionSchema>;

export const ResultSubmissionCreateBodySchema = z.strictObject({
  fy: z
    .int()
    .min(FIRST_FY, { message: `${FIRST_FY}年度以降を指定してください / From FY${FIRST_FY}` })
    .max(LAST_FY, { message: `${LAST_FY}年度以前を指定してください / Up to FY${LAST_FY}` }),
  measureId: z.string().min(1).max(100),
  ministryId: z.string().min(1).max(40),
  baseVersion: z.int().min(0),
  text: z.string().max(10_000, { message: '10000文字以内にしてください / At most 10000 characters' }),
  note: z.string().trim().max(2000).default(''),
});
export type ResultSubmissionCreateBody = z.infer<typeof ResultSubmissionCreateBodySchema>;

export const ResultSubmissionListQuerySchema = z.strictObject({
  state: SubmissionStateSchema.optional(),
  ministry: z.string().max(40).optional(),
  measure: z.string().max(100).optional(),
  fy: FiscalYearParamSchema.optional(),
});
export type ResultSubmissionFilters = z.input<typeof ResultSubmissionListQuerySchema>;
export const ResultSubmissionListSchema = z.object({ items: z.array(ResultSubmissionSchema) });
