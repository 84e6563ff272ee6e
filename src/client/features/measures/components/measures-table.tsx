import { Link } from '@tanstack/react-router';
import type { MeasureSummary } from '@/domain/contract';
import { dateLabelShort } from '@/domain/plan';
import { HealthBadge, ProgressBar, StatusBadge } from '@/client/components/badges';
import { fill, useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { DueText } from './due-text';
import { HighlightedText } from '@/client/components/highlighted-text';
import { SortHeader } from './sort-header';
import './measures-table.css';

export function MeasuresTable({ items, asOf }: { items: MeasureSummary[]; asOf: string | undefined }) {
  const { t, l, lang } = useI18n();
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  return (
    <div className="table-wrap">
      <table className="measures-table">
        <caption className="visually-hidden">{t('measuresTitle')}</caption>
        <thead>
          <tr>
            <SortHeader sort="plan" label={t('code')} />
            <th scope="col">{t('title')}</th>
            <SortHeader sort="ministry" label={t('lead')} />
            <SortHeader sort="due" label={t('due')} />
            <SortHeader sort="overdue" label={t('daysOverdueColumn')} />
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('health')}</th>
            <SortHeader sort="progress" label={t('progress')} />
            <SortHeader sort="updated" label={t('lastUpdate')} />
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td className="code">
                <HighlightedText text={m.code} needles={m.search?.needles} />
              </td>
              <td>
                <Link to="/measures/$measureId" params={{ measureId: m.id }} search={{ asOf }}>
                  <HighlightedText text={l(m.title)} needles={m.search?.needles} />
                </Link>
                {m.crossRefCode && (
                  <span className="chip">
                    {t('crossListed')} {m.crossRefCode}
                  </span>
                )}
              </td>
              <td>
                {orgName(orgs.get(m.leadMinistryId ?? ''), lang)}
                {m.hasProposedAssignments && <span className="chip chip--proposed">{t('proposed')}</span>}
              </td>
              <td>
                <DueText due={m.due} />
                {m.due.date && <span className="sub">{dateLabelShort(m.due.date, lang)}</span>}
              </td>
              <td className="num">{m.daysOverdue === null ? '—' : fill(t('daysCount'), { n: m.daysOverdue })}</td>
              <td>
                <StatusBadge status={m.status} />
              </td>
              <td>
                <HealthBadge health={m.health} />
              </td>
              <td>
                <ProgressBar value={m.progress} label={`${t('progress')} ${m.code}`} />
              </td>
              <td>{m.lastUpdate ? dateLabelShort(m.lastUpdate, lang) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
