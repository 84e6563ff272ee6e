/** Reference data that changes rarely: the structure, ministries, milestones, and the data's meta. */
export const strategyKeys = {
  structure: ['strategy'] as const,
  ministries: ['ministries'] as const,
  milestones: ['milestones'] as const,
  meta: ['meta'] as const,
  publicComments: ['public-comments'] as const,
};

export const REFERENCE_STALE_MS = 5 * 60_000;
