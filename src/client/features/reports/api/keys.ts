export type AnnualReportParams = { fy: number; asOf?: string };

/**
 * The annual report's query keys, apart from its request: what refreshes the report after a write
 * needs only these, not the report's schema and text (the navigation's badges would otherwise bring
 * them into the first page's code).
 */
export const reportKeys = {
  all: ['reports'] as const,
  annual: (p: AnnualReportParams) => ['reports', 'annual', p] as const,
};
