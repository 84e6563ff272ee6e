import { z } from 'zod';
import { IsoDateSchema } from '@/domain/plan';

/**
 * The reporting date every dashboard view is computed for, kept in the URL so a link shows the same
 * figures to whoever opens it. Absent means today (the server's date in Tokyo); a value that is not
 * a real date is dropped rather than breaking the page.
 */
export const AsOfSearchSchema = z.object({ asOf: IsoDateSchema.optional().catch(undefined) });
export type AsOfSearch = z.infer<typeof AsOfSearchSchema>;
