import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { AuditListSchema } from '@/domain/contract';
import { apiGet, toSearch } from '@/client/lib/api-client';
import { adminKeys, type AuditFilters } from './keys';

export type { AuditFilters };

export function getAudit(filters: AuditFilters, signal?: AbortSignal) {
  return apiGet('/audit', AuditListSchema, filters, signal);
}

/** The same filters as a CSV download (every matching entry, not one page). */
export function auditCsvHref({ limit: _limit, offset: _offset, ...filters }: AuditFilters): string {
  return `/api/audit${toSearch({ format: 'csv', ...filters })}`;
}

export function getAuditQueryOptions(filters: AuditFilters) {
  return queryOptions({
    queryKey: adminKeys.auditList(filters),
    queryFn: ({ signal }) => getAudit(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(filters: AuditFilters) {
  return useQuery(getAuditQueryOptions(filters));
}
