import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { can } from '@/domain/auth';
import type { MinistryProgress, RoundDetail } from '@/domain/rounds';
import { FormError } from '@/client/components/form-field';
import { QueryState } from '@/client/components/query-state';
import { useSession } from '@/client/features/auth/api/get-session';
import { useI18n } from '@/client/lib/i18n';
import { useRound, useUpdateRound } from '../api/rounds';
import { useMinistryName } from './use-ministry-name';
import './rounds.css';

type SortKey = 'ministry' | 'percent' | 'returned' | 'lastActivity';

/** /rounds/$roundId: the staff board, one line per ministry, sortable, each line opening its checklist. */
export function RoundPage() {
  const { roundId } = useParams({ from: '/rounds/$roundId' });
  const round = useRound(roundId);
  return <QueryState query={round}>{(detail) => <Board detail={detail} />}</QueryState>;
}

function Board({ detail }: { detail: RoundDetail }) {
  const { t } = useI18n();
  const name = useMinistryName();
  const role = useSession().data?.user.role;
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'percent', desc: false });
  const { round } = detail;
  const value = (m: MinistryProgress): string | number =>
    sort.key === 'ministry' ? name(m.ministryId) : sort.key === 'lastActivity' ? (m.lastActivity ?? '') : m[sort.key];
  const rows = [...detail.ministries].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const c = x < y ? -1 : x > y ? 1 : 0;
    return sort.desc ? -c : c;
  });
  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
      <button type="button" onClick={() => setSort({ key, desc: sort.key === key ? !sort.desc : false })}>
        {label}
        {sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ''}
      </button>
    </th>
  );
  return (
    <div className="rounds-page">
      <p>
        <Link to="/rounds">{t('roundsTitle')}</Link>
      </p>
      <h1>{round.title}</h1>
      <p>
        {round.kind === 'annual' ? t('kindAnnual') : t('kindQuarterly')} · {t('roundFiscalYear')} {round.fy} ·{' '}
        {t('asOfDate')} {round.asOf} · {t('dueDate')} <strong>{round.dueOn}</strong> ·{' '}
        {round.state === 'open' ? t('stateOpen') : t('stateClosed')}
      </p>
      {round.instructions && <p className="hint">{round.instructions}</p>}
      {role && can(role, 'round.manage') && round.state === 'open' && <RoundActions detail={detail} />}
      {round.state === 'closed' && (
        <p>
          {t('reportFromRound')}:{' '}
          <a href={`/api/reports/annual?round=${encodeURIComponent(round.id)}&format=html`}>HTML</a> ·{' '}
          <a href={`/api/reports/annual?round=${encodeURIComponent(round.id)}&format=md`} download>
            Markdown
          </a>
        </p>
      )}
      <h2>{t('board')}</h2>
      <table className="data-table board-table">
        <thead>
          <tr>
            {header('ministry', t('roundMinistry'))}
            {header('percent', t('answeredOfOwed'))}
            {header('returned', t('returnedRows'))}
            <th scope="col">{t('lateAnswers')}</th>
            {header('lastActivity', t('lastActivity'))}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.ministryId} data-ministry={m.ministryId}>
              <th scope="row">
                <Link
                  to="/rounds/$roundId/ministries/$ministryId"
                  params={{ roundId: round.id, ministryId: m.ministryId }}
                >
                  {name(m.ministryId)}
                </Link>
              </th>
              <td>
                <span className="meter" aria-hidden="true">
                  <span style={{ width: `${m.percent}%` }} />
                </span>
                <span className="percent">{m.percent}%</span> ({m.answered} / {m.owed}){' '}
                {m.finished && <span className="flag flag--done">{t('finished')}</span>}
                {m.overdue && <span className="flag flag--overdue">{t('roundOverdue')}</span>}
              </td>
              <td>{m.returned}</td>
              <td>{m.lateAnswers}</td>
              <td>{m.lastActivity ? m.lastActivity.slice(0, 16).replace('T', ' ') : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RoundActions({ detail }: { detail: RoundDetail }) {
  const { t } = useI18n();
  const update = useUpdateRound();
  const [dueOn, setDueOn] = useState(detail.round.dueOn);
  const { id, version } = detail.round;
  return (
    <div className="round-actions">
      <label>
        {t('dueDate')}
        <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      </label>
      <button type="button" className="button" onClick={() => update.mutate({ id, version, dueOn })}>
        {t('extend')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          if (window.confirm(t('closeConfirm'))) update.mutate({ id, version, state: 'closed' });
        }}
      >
        {t('closeRound')}
      </button>
      <FormError error={update.error} />
    </div>
  );
}
