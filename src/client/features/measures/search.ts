import { z } from 'zod';
import { IsoDateSchema } from '@/domain/plan';
import { TagSchema } from '@/domain/plan';
import { HealthSchema, StatusSchema } from '@/domain/plan';
import { MeasureSortSchema, SortOrderSchema } from '@/domain/contract';
import { ATTENTION_KINDS } from '@/domain/dashboard';

/**
 * The measures list's state lives in the URL, so every view is a shareable link. A value that
 * does not parse is dropped rather than breaking the page.
 */
export const MeasuresSearchSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  area: z.string().min(1).optional().catch(undefined),
  section: z.string().min(1).optional().catch(undefined),
  ministry: z.string().min(1).optional().catch(undefined),
  status: StatusSchema.optional().catch(undefined),
  health: HealthSchema.optional().catch(undefined),
  dueFy: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  tag: TagSchema.optional().catch(undefined),
  asOf: IsoDateSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).optional().catch(undefined),
  attention: z.enum(ATTENTION_KINDS).optional().catch(undefined),
  sort: MeasureSortSchema.optional().catch(undefined),
  order: SortOrderSchema.optional().catch(undefined),
});
export type MeasuresSearch = z.infer<typeof MeasuresSearchSchema>;

/** The measure page takes only the reporting date; the schema is shared by every dashboard view. */
export { AsOfSearchSchema } from '@/client/lib/as-of-search';

export const PAGE_SIZE = 50;
