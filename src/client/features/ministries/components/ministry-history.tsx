import { Link } from '@tanstack/react-router';
import type { MinistrySummaryView } from '@/domain/contract';
import { STATUS_LABELS } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';

/** The ministry's latest updates up to the as-of date, newest first. */
export function MinistryHistory({ summary, asOf }: { summary: MinistrySummaryView; asOf: string | undefined }) {
  const { t, l, lang } = useI18n();
  const { items, total } = summary.history;
  return (
    <section aria-labelledby="ministry-history-title" className="card">
      <h2 id="ministry-history-title">
        {t('recentUpdates')}{' '}
        <span className="sub-inline">
          {lang === 'ja' ? `${total}件中 ${items.length}件` : `${items.length} ${t('shownOf')} ${total}`}
        </span>
      </h2>
      {items.length === 0 ? (
        <p className="empty">{t('noHistory')}</p>
      ) : (
        <ol className="timeline">
          {items.map((h) => (
            <li key={h.id}>
              <p className="timeline__head">
                <time dateTime={h.effectiveOn}>{h.effectiveOn}</time> ·{' '}
                <Link to="/measures/$measureId" params={{ measureId: h.measureId }} search={{ asOf }}>
                  <span className="code">{h.code}</span> {l(h.title)}
                </Link>{' '}
                · {l(STATUS_LABELS[h.status])} {h.progress}%
              </p>
              {h.narrative && <p>{h.narrative}</p>}
              <p className="sub">
                {t('actor')}: {h.actor}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
