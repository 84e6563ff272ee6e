/** Hierarchical keys: invalidating ['dashboard'] refreshes the overview and the stats behind it. */
export const dashboardKeys = {
  all: ['dashboard'] as const,
  overview: (asOf: string | undefined) => ['dashboard', 'overview', { asOf }] as const,
  stats: (asOf: string | undefined, scope = 'all') => ['dashboard', 'stats', { asOf, scope }] as const,
};
