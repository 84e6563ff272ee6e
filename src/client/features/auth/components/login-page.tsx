import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import type { Lang } from '@/domain/plan';
import { Field, FormError } from '@/client/components/form-field';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField, serverText } from '@/client/lib/server-text';
import { useSignIn } from '../api/sign-in';
import { nextPath } from '../navigation';
import { CodeInput } from './code-input';
import { DemoAccounts } from './demo-accounts';
import { OidcErrorNotice, OidcTotpStep, OrganisationSignIn } from './organisation-sign-in';
import { useSignInMethods } from '../api/sign-in-methods';
import './auth.css';

const route = getRouteApi('/login');
const FIELDS = ['email', 'password', 'totp'] as const;

/** Sign-in: email and password, then the 6-digit code when the account has TOTP. */
export function LoginPage() {
  const { t, lang } = useI18n();
  const { redirect, oidc, oidcError } = route.useSearch();
  const methods = useSignInMethods().data;
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [wait, startWait] = useCountdown();

  const error = signIn.error instanceof ApiError ? signIn.error : null;
  const { byField, other } = issuesByField(error, FIELDS, lang);
  if (error?.code === 'totp_invalid') byField.totp = t('totpInvalid');

  const submit = (input: { email: string; password: string; totp?: string }) =>
    signIn.mutate(input, {
      onSuccess: (session) => void navigate({ href: nextPath(session, redirect), replace: true }),
      onError: (e) => {
        if (e instanceof ApiError && (e.code === 'totp_required' || e.code === 'totp_invalid')) setNeedsCode(true);
        if (e instanceof ApiError && e.status === 429) startWait(e.retryAfter ?? 0);
      },
    });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit({ email, password, totp: needsCode && totp ? totp : undefined });
  };

  return (
    <section className="auth-page" aria-labelledby="login-title">
      <h1 id="login-title">{oidc === 'totp' ? t('oidcTotpTitle') : t('signInTitle')}</h1>
      {oidc === 'totp' ? <OidcTotpStep redirect={redirect} /> : <p className="sub">{t('signInLead')}</p>}
      {oidcError && <OidcErrorNotice code={oidcError} />}
      {methods?.oidc && oidc !== 'totp' && <OrganisationSignIn redirect={redirect} />}
      {methods?.oidc && oidc !== 'totp' && (
        <h2>{methods.localPasswords ? t('orPassword') : t('passwordAdminsOnly')}</h2>
      )}
      {/* The static demo and dev:mock only: a production build drops this branch and the component. */}
      {import.meta.env.MODE === 'mock' && (
        <DemoAccounts onPick={(a) => submit({ email: a.email, password: a.password })} disabled={signIn.isPending} />
      )}
      <form className="form-card" onSubmit={onSubmit} noValidate hidden={oidc === 'totp'}>
        {error && !['totp_required', 'totp_invalid'].includes(error.code) && !byField.email && (
          <FormError error={error} other={other}>
            <p>{signInErrorText(error, wait, t, lang)}</p>
          </FormError>
        )}
        <Field id="login-email" label={t('email')} error={byField.email} required>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
          )}
        </Field>
        <Field id="login-password" label={t('password')} error={byField.password} required>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          )}
        </Field>
        {needsCode && (
          <Field id="login-totp" label={t('totpCode')} hint={t('totpCodeHint')} error={byField.totp} required>
            {(p) => (
              // The code field appears after the first attempt: take the user straight to it.
              <CodeInput {...p} value={totp} onChange={setTotp} autoFocus />
            )}
          </Field>
        )}
        <div className="form-actions">
          <button type="submit" disabled={signIn.isPending || wait > 0}>
            {signIn.isPending ? t('signingIn') : t('signIn')}
          </button>
        </div>
      </form>
    </section>
  );
}

function signInErrorText(error: ApiError, wait: number, t: ReturnType<typeof useI18n>['t'], lang: Lang): string {
  switch (error.code) {
    case 'bad_credentials':
      return t('badCredentials');
    case 'too_many_attempts':
      return wait > 0 ? t('tooManyAttemptsWait').replace('{n}', String(wait)) : t('tooManyAttempts');
    default:
      return error.status >= 500 || error.code === 'http_error' ? t('signInFailed') : serverText(error.message, lang);
  }
}

/** Seconds left of a 429's Retry-After, counting down; 0 once the user may try again. */
function useCountdown(): [number, (seconds: number) => void] {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= until) setUntil(null);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  const start = (seconds: number) => {
    const t = Date.now();
    setNow(t);
    setUntil(seconds > 0 ? t + seconds * 1000 : null);
  };
  return [until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000)), start];
}
