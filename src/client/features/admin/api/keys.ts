/** The audit trail's filters: they are part of the list's query key, so the key factory owns them. */
export type AuditFilters = {
  actor?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
};

/** Hierarchical keys: invalidating ['users'] refreshes the list; ['audit'] every page of the trail. */
export const adminKeys = {
  users: ['users'] as const,
  audit: ['audit'] as const,
  auditList: (filters: AuditFilters) => ['audit', 'list', filters] as const,
};
