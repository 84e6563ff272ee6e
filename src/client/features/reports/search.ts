import { z } from 'zod';
import { IsoDateSchema } from '@/domain/plan';

/** The report's fiscal year and as-of date live in the URL: a report is a shareable link. */
export const AnnualReportSearchSchema = z.object({
  fy: z.coerce.number().int().min(2015).max(2030).optional().catch(undefined),
  asOf: IsoDateSchema.optional().catch(undefined),
});
