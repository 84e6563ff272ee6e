import { USER_ROLE_LABELS } from '@/domain/auth';
import { demoAccounts, type DemoAccount } from '@/client/lib/demo';
import { useI18n } from '@/client/lib/i18n';
import './demo-accounts.css';

/** The demo's sign-in shortcut: one button per role, so a visitor sees each role's view. */
export function DemoAccounts({ onPick, disabled }: { onPick: (account: DemoAccount) => void; disabled: boolean }) {
  const { t, l } = useI18n();
  const accounts = demoAccounts();
  if (accounts.length === 0) return null;
  return (
    <section className="demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('demoAccountsTitle')}</h2>
      <p>{t('demoAccountsLead')}</p>
      <ul>
        {accounts.map((a) => (
          <li key={a.email}>
            <button type="button" onClick={() => onPick(a)} disabled={disabled}>
              {t('demoSignInAs').replace('{role}', l(USER_ROLE_LABELS[a.role]))}
            </button>
            <span className="demo-accounts__who">
              {a.name} · {a.email}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
