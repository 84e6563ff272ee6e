import { Link } from '@tanstack/react-router';
import type { MinistrySummaryView } from '@/domain/contract';
import { dateLabelShort } from '@/domain/plan';
import { ASSIGNMENT_ROLE_LABELS } from '@/domain/plan';
import { HealthBadge } from '@/client/components/badges';
import { useI18n } from '@/client/lib/i18n';
import './ministry-due-next.css';

/** Open shares whose deadline is still ahead, soonest first. */
export function MinistryDueNext({ summary, asOf }: { summary: MinistrySummaryView; asOf: string | undefined }) {
  const { t, l, lang } = useI18n();
  return (
    <section aria-labelledby="due-next-title" className="card">
      <h2 id="due-next-title">{t('dueNextTitle')}</h2>
      {summary.dueNext.length === 0 ? (
        <p className="sub">{t('noDueNext')}</p>
      ) : (
        <ol className="attention__list">
          {summary.dueNext.map((r) => (
            <li key={r.measureId}>
              <time dateTime={r.dueDate} className="due-next__date">
                {dateLabelShort(r.dueDate, lang)}
              </time>{' '}
              <Link to="/measures/$measureId" params={{ measureId: r.measureId }} search={{ asOf }}>
                <span className="code">{r.code}</span> {l(r.title)}
              </Link>
              <span className="sub">
                <HealthBadge health={r.health} /> {l(ASSIGNMENT_ROLE_LABELS[r.role])} · {t('ownProgress')} {r.progress}%
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
