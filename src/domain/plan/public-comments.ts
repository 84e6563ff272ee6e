import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { LocalizedTextSchema } from './i18n';

/**
 * The public consultation on the draft strategy (資料2-4/2-5): each comment as published, with the
 * government's answer and whether the text was revised. The comments are Japanese only, as published.
 */
export const PublicCommentSchema = z.strictObject({
  id: z.string().regex(/^\d+(-\d+)?$/),
  number: z.int().min(1),
  branch: z.int().min(1).nullable(),
  submitter: z.string().min(1),
  submitterKind: z.enum(['organisation', 'individual']),
  target: z.strictObject({ ja: z.string() }),
  sectionCodes: z.array(z.string().min(1)),
  areaCodes: z.array(z.string().min(1)),
  pages: z.string().nullable(),
  summary: z.string().min(1),
  response: z.string().min(1),
  revised: z.boolean(),
});
export type PublicComment = z.infer<typeof PublicCommentSchema>;

const Count = z.int().min(0);
export const PublicConsultationSchema = z.object({
  source: LocalizedTextSchema,
  summary: z.object({
    method: LocalizedTextSchema,
    period: z.object({ start: IsoDateSchema, end: IsoDateSchema, wording: z.string() }),
    /** The packet's own statement of the totals (資料2-4 「意見総数」), kept as worded. */
    totalWording: z.string().min(1),
    /** The totals as the packet states them, not counted from the table: the check that no row was dropped. */
    submitters: Count,
    comments: Count,
    commentsBreakdown: z.object({ individuals: Count, organisations: Count }),
    byTopic: z.array(LocalizedTextSchema.extend({ count: Count })),
  }),
  comments: z.array(PublicCommentSchema),
});
export type PublicConsultation = z.infer<typeof PublicConsultationSchema>;

export const PublicCommentsQuerySchema = z.strictObject({
  section: z
    .string()
    .regex(/^\d+(\.\d+)*$/, { message: '節の番号が不正です / Not a section number' })
    .max(20)
    .optional(),
});

export const PublicCommentListSchema = z.object({
  source: LocalizedTextSchema,
  period: z.object({ start: IsoDateSchema, end: IsoDateSchema, wording: z.string() }),
  /** Comments received in all, and how many of them the published packet holds. */
  received: Count,
  published: Count,
  total: Count,
  items: z.array(PublicCommentSchema),
});
export type PublicCommentList = z.infer<typeof PublicCommentListSchema>;

/** The comments on one section (or all of them), in the order of the published table. */
export function publicComments(doc: PublicConsultation, section?: string): PublicCommentList {
  const items = section ? doc.comments.filter((c) => c.sectionCodes.includes(section)) : doc.comments;
  return {
    source: doc.source,
    period: doc.summary.period,
    received: doc.summary.comments,
    published: doc.comments.length,
    total: items.length,
    items,
  };
}
