import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN, PASSWORD_PROBLEM_LABELS, passwordProblems } from '@/domain/auth';
import { Field, FormError } from '@/client/components/form-field';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField } from '@/client/lib/server-text';
import { useChangePassword } from '../api/change-password';
import { useSession } from '../api/get-session';
import { nextPath } from '../navigation';
import './auth.css';

const route = getRouteApi('/account/password');
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** Change one's own password; forced after a temporary password (first sign-in, admin reset). */
export function ChangePasswordPage() {
  const { t, l, lang } = useI18n();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const session = useSession().data;
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const forced = session?.requires.includes('password_change') ?? false;
  const { byField, other } = issuesByField(change.error, FIELDS, lang);
  const errors = { ...byField, ...local };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The same rules the server applies (src/domain/auth.ts), checked before the round trip.
    const problems = passwordProblems(next, { email: session?.user.email, name: session?.user.name });
    const found: Record<string, string> = {};
    if (!current) found.currentPassword = t('fieldRequired');
    if (problems.length) found.newPassword = problems.map((p) => l(PASSWORD_PROBLEM_LABELS[p])).join('。');
    if (next !== confirm) found.confirmPassword = t('passwordsDiffer');
    setLocal(found);
    if (Object.keys(found).length) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: (s) => {
          setCurrent('');
          setNext('');
          setConfirm('');
          if (forced) void navigate({ href: nextPath(s, redirect), replace: true });
          else setDone(true);
        },
      },
    );
  };

  return (
    <section className="auth-page" aria-labelledby="password-title">
      <h1 id="password-title">{t('changePasswordTitle')}</h1>
      {forced && (
        <p className="notice" role="note">
          {t('passwordChangeRequired')}
        </p>
      )}
      {done && (
        <p className="notice notice--success" role="status">
          {t('passwordChanged')}
        </p>
      )}
      <form className="form-card" onSubmit={onSubmit} noValidate>
        {change.error && !Object.keys(byField).length ? <FormError error={change.error} other={other} /> : null}
        <Field id="pw-current" label={t('currentPassword')} error={errors.currentPassword} required>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="pw-new"
          label={t('newPassword')}
          hint={t('passwordRules').replace('{n}', String(PASSWORD_MIN))}
          error={errors.newPassword}
          required
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
          )}
        </Field>
        <Field id="pw-confirm" label={t('confirmPassword')} error={errors.confirmPassword} required>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
            />
          )}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={change.isPending}>
            {change.isPending ? t('saving') : t('changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}
