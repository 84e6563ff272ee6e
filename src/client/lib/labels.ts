import type { Lang } from '@/domain/plan';
import type { Organisation } from '@/domain/plan';

/** The tags' names live in the domain, where search indexes them too. */
export { TAG_LABELS } from '@/domain/plan';

/** The short name where there is one (NISC), else the full name. */
export function orgName(org: Pick<Organisation, 'name' | 'short'> | undefined, lang: Lang): string {
  if (!org) return '—';
  return (org.short ?? org.name)[lang];
}
