import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { can } from '@/domain/auth';
import type { RoundKind } from '@/domain/rounds';
import { FormError } from '@/client/components/form-field';
import { QueryState } from '@/client/components/query-state';
import { useSession } from '@/client/features/auth/api/get-session';
import { useI18n } from '@/client/lib/i18n';
import { useOpenRound, useRounds } from '../api/rounds';
import './rounds.css';

/** /rounds: every round with its progress; NISC staff open a new one here. */
export function RoundsPage() {
  const { t } = useI18n();
  const rounds = useRounds();
  const role = useSession().data?.user.role;
  return (
    <div className="rounds-page">
      <h1>{t('roundsTitle')}</h1>
      <p className="lead">{t('roundsLead')}</p>
      {role && can(role, 'round.manage') && <OpenRoundForm />}
      <QueryState query={rounds}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('noRounds')}</p>
          ) : (
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('roundTitleLabel')}</th>
                  <th scope="col">{t('roundFiscalYear')}</th>
                  <th scope="col">{t('dueDate')}</th>
                  <th scope="col">{t('answeredOfOwed')}</th>
                  <th scope="col">{t('stateOpen')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to="/rounds/$roundId" params={{ roundId: r.id }}>
                        {r.title}
                      </Link>
                    </td>
                    <td>{r.fy}</td>
                    <td>
                      {r.dueOn} {r.overdue && <span className="flag flag--overdue">{t('roundOverdue')}</span>}
                    </td>
                    <td>
                      {r.answered} / {r.owed}
                    </td>
                    <td>{r.state === 'open' ? t('stateOpen') : t('stateClosed')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </QueryState>
    </div>
  );
}

function OpenRoundForm() {
  const { t } = useI18n();
  const open = useOpenRound();
  const [kind, setKind] = useState<RoundKind>('quarterly');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = f.get(k);
      return typeof v === 'string' ? v : '';
    };
    open.mutate({
      title: text('title'),
      kind,
      fy: Number(text('fy')),
      asOf: text('asOf'),
      dueOn: text('dueOn'),
      instructions: text('instructions'),
    });
  };
  return (
    <details className="open-round" open={open.isError || undefined}>
      <summary>{t('openRound')}</summary>
      <form onSubmit={submit} className="open-round__form">
        <label>
          {t('roundTitleLabel')}
          <input name="title" required maxLength={200} />
        </label>
        <label>
          {t('roundKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as RoundKind)} name="kind">
            <option value="quarterly">{t('kindQuarterly')}</option>
            <option value="annual">{t('kindAnnual')}</option>
          </select>
        </label>
        <label>
          {t('roundFiscalYear')}
          <input name="fy" type="number" min={2015} max={2030} defaultValue={2016} required />
        </label>
        <label>
          {t('asOfDate')}
          <input name="asOf" type="date" required />
        </label>
        <label>
          {t('dueDate')}
          <input name="dueOn" type="date" required />
        </label>
        <label className="open-round__wide">
          {t('instructions')}
          <textarea name="instructions" rows={3} maxLength={5000} />
        </label>
        <p className="hint">
          {t('ministriesAsked')}: {t('roundAllMinistries')}
        </p>
        <FormError error={open.error} />
        {open.data && (
          <p role="status">
            <Link to="/rounds/$roundId" params={{ roundId: open.data.round.id }}>
              {open.data.round.title}
            </Link>
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={open.isPending}>
          {t('openRound')}
        </button>
      </form>
    </details>
  );
}
