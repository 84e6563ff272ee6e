import type { z } from 'zod';
import type { SubmissionListQuerySchema } from '@/domain/contract';

export type SubmissionFilters = z.infer<typeof SubmissionListQuerySchema>;

/** Hierarchical keys: invalidating ['submissions'] refreshes every queue and the nav badge. */
export const submissionKeys = {
  all: ['submissions'] as const,
  list: (filters: SubmissionFilters) => ['submissions', 'list', filters] as const,
};
