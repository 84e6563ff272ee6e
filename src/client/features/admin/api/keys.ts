import type { AuditFilters } from './get-audit';

/** Hierarchical keys: invalidating ['users'] refreshes the list; ['audit'] every page of the trail. */
export const adminKeys = {
  users: ['users'] as const,
  audit: ['audit'] as const,
  auditList: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};
