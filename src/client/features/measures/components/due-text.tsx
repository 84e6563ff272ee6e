import type { Due } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';

/** The deadline as the text words it; where it gives none, say so instead of inventing one. */
export function DueText({ due }: { due: Due }) {
  const { t } = useI18n();
  if (!due.wording) return <span className="due due--none">{t('noDeadline')}</span>;
  // Not the measure's own deadline: its section's target (issue 19), said so wherever it is shown.
  if (due.source === 'section')
    return (
      <span className="due due--section">
        {t('sectionTarget')} <span lang="ja">「{due.wording}」</span>
      </span>
    );
  return (
    <span className="due" lang="ja">
      「{due.wording}」
    </span>
  );
}
