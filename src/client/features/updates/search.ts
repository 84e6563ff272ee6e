import { z } from 'zod';
import { SUBMISSION_STATES } from '@/domain/contract';

/** The review queue's filters live in the URL; absent state means what waits for review. */
export const SubmissionsSearchSchema = z.object({
  state: z
    .enum([...SUBMISSION_STATES, 'all'])
    .optional()
    .catch(undefined),
  ministry: z.string().min(1).max(40).optional().catch(undefined),
});
export type SubmissionsSearch = z.infer<typeof SubmissionsSearchSchema>;
