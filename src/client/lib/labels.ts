import type { Lang } from '@/domain/plan';
import type { Organisation } from '@/domain/plan';
import type { AttentionKind } from '@/domain/dashboard';
import type { MessageKey } from './messages';

/** The tags' names live in the domain, where search indexes them too. */
export { TAG_LABELS } from '@/domain/plan';

/** The short name where there is one (NISC), else the full name. */
export function orgName(org: Pick<Organisation, 'name' | 'short'> | undefined, lang: Lang): string {
  if (!org) return '—';
  return (org.short ?? org.name)[lang];
}

/** The titles of the overview's "needs attention" lists, which the measures list's filter names too. */
export const ATTENTION_TITLES: Record<AttentionKind, MessageKey> = {
  overdue: 'attentionOverdue',
  dueSoon: 'attentionDueSoon',
  stale: 'attentionStale',
};
