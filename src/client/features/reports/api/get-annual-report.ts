import { queryOptions, useQuery } from '@tanstack/react-query';
import { AnnualReportSchema } from '@/domain/report';
import { apiGet } from '@/client/lib/api-client';

import { reportKeys, type AnnualReportParams } from './keys';

export function getAnnualReport(p: AnnualReportParams, signal?: AbortSignal) {
  return apiGet('/reports/annual', AnnualReportSchema, { fy: p.fy, asOf: p.asOf }, signal);
}

export function getAnnualReportQueryOptions(p: AnnualReportParams) {
  return queryOptions({ queryKey: reportKeys.annual(p), queryFn: ({ signal }) => getAnnualReport(p, signal) });
}

export function useAnnualReport(p: AnnualReportParams) {
  return useQuery(getAnnualReportQueryOptions(p));
}

/** Where a download link points: the same report in another format. */
export function annualReportUrl(p: AnnualReportParams & { lang: string }, format: 'docx' | 'pdf' | 'md'): string {
  const q = new URLSearchParams({ fy: String(p.fy), lang: p.lang, format });
  if (p.asOf) q.set('asOf', p.asOf);
  return `/api/reports/annual?${q.toString()}`;
}
