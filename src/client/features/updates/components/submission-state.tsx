import type { Submission } from '@/domain/contract';
import type { LocalizedText } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';

type Reviewed = Pick<Submission, 'state' | 'reviewedBy' | 'reviewedAt' | 'reviewComment'>;

export const SUBMISSION_STATE_LABELS: Record<Submission['state'], LocalizedText> = {
  pending: { ja: '審査待ち', en: 'Pending review' },
  approved: { ja: '承認済み', en: 'Approved' },
  returned: { ja: '差し戻し', en: 'Returned' },
};
const ICON: Record<Submission['state'], string> = { pending: '…', approved: '✓', returned: '↩' };

export function SubmissionStateBadge({ state }: { state: Submission['state'] }) {
  const { l } = useI18n();
  return (
    <span className={`badge badge--submission-${state}`}>
      <span aria-hidden="true">{ICON[state]} </span>
      {l(SUBMISSION_STATE_LABELS[state])}
    </span>
  );
}

/** Times are stored in UTC; people read them in Tokyo time. */
export function tokyoTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

/** Who reviewed a submission, when, and their comment; nothing while it waits. */
export function ReviewOutcome({ submission: s }: { submission: Reviewed }) {
  const { t } = useI18n();
  if (s.state === 'pending') return null;
  return (
    <div className={`review-result review-result--${s.state}`}>
      <p>
        <span className="label">{t('reviewedBy')}: </span>
        {s.reviewedBy} · {tokyoTime(s.reviewedAt)}
      </p>
      {s.reviewComment && (
        <p>
          <span className="label">{t('reviewComment')}: </span>
          {s.reviewComment}
        </p>
      )}
    </div>
  );
}
