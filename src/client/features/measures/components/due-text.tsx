import type { Due } from '@/domain/deadline';
import { useI18n } from '@/client/lib/i18n';

/** The deadline as the text words it; where it gives none, say so instead of inventing one. */
export function DueText({ due }: { due: Due }) {
  const { t } = useI18n();
  if (!due.wording) return <span className="due due--none">{t('noDeadline')}</span>;
  return (
    <span className="due" lang="ja">
      「{due.wording}」
    </span>
  );
}
