import type { Lang, LocalizedText } from '@/domain/plan';
import type { Organisation, Tag } from '@/domain/plan';
import type { AttentionKind } from '@/domain/dashboard';
import type { MessageKey } from './messages';

export const TAG_LABELS: Record<Tag, LocalizedText> = {
  tokyo2020: { ja: '東京2020', en: 'Tokyo 2020' },
  ci: { ja: '重要インフラ', en: 'Critical infrastructure' },
  mynumber: { ja: 'マイナンバー', en: 'My Number' },
  gov: { ja: '政府機関', en: 'Government systems' },
  hr: { ja: '人材', en: 'Human resources' },
  rnd: { ja: '研究開発', en: 'R&D' },
  intl: { ja: '国際', en: 'International' },
  crime: { ja: 'サイバー犯罪', en: 'Cybercrime' },
  iot: { ja: 'IoT', en: 'IoT' },
  awareness: { ja: '普及啓発', en: 'Awareness' },
};

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
