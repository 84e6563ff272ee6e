import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useI18n } from '@/client/lib/i18n';

/** A ministry's short name in the reader's language (its id until the list has loaded). */
export function useMinistryName(): (id: string) => string {
  const { lang } = useI18n();
  const items = useMinistries().data?.items ?? [];
  const byId = new Map(items.map((o) => [o.id, (o.short ?? o.name)[lang]]));
  return (id) => byId.get(id) ?? id;
}
