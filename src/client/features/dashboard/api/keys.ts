/** Hierarchical keys: invalidating ['dashboard'] refreshes the overview and the stats behind it. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  overview: (asOf: string | undefined) => ['dashboard', 'overview', { asOf }] as const,
  stats: (asOf: string | undefined) => ['dashboard', 'stats', { asOf }] as const,
};
