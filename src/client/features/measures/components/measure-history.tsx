import { format, parseISO } from 'date-fns';
import type { MeasureDetail } from '../../../../domain/contract';
import { STATUS_LABELS } from '../../../../domain/status';
import { useI18n } from '../../../lib/i18n';
import { orgName } from '../../../lib/labels';
import { useMinistries } from '../../strategy/api/get-ministries';

export function MeasureHistory({ measure: m }: { measure: MeasureDetail }) {
  const { t, l, lang } = useI18n();
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  return (
    <section aria-labelledby="history-title" className="card">
      <h2 id="history-title">{t('history')}</h2>
      {m.history.length === 0 ? (
        <p className="empty">{t('noHistory')}</p>
      ) : (
        <ol className="timeline">
          {m.history.map((h) => (
            <li key={h.id}>
              <p className="timeline__head">
                <time dateTime={h.effectiveOn}>{h.effectiveOn}</time> · {orgName(orgs.get(h.ministryId), lang)} ·{' '}
                {l(STATUS_LABELS[h.status])} {h.progress}%
              </p>
              {h.narrative && <p>{h.narrative}</p>}
              <p className="sub">
                {t('actor')}: {h.actor}
                {/* An approved submission applies under both names: the reviewer and the ministry's submitter. */}
                {h.submittedBy && ` (${t('submittedBy')}: ${h.submittedBy})`} ·{' '}
                <time dateTime={h.recordedAt}>{format(parseISO(h.recordedAt), 'yyyy-MM-dd HH:mm')}</time>
                {h.comment && ` · ${t('comment')}: ${h.comment}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
