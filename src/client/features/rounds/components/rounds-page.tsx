import { Link } from '@tanstack/react-router';
import { can } from '@/domain/auth';
import { QueryState } from '@/client/components/query-state';
import { useSession } from '@/client/features/auth/api/get-session';
import { useI18n } from '@/client/lib/i18n';
import { useRounds } from '../api/rounds';
import { OpenRoundForm } from './open-round-form';
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
