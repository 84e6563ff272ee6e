import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { Field, FormError } from '@/client/components/form-field';
import { useI18n } from '@/client/lib/i18n';
import { issuesByField } from '@/client/lib/server-text';
import { useConfirmTotp } from '../api/confirm-totp';
import { useSession } from '../api/get-session';
import { useStartTotp } from '../api/start-totp';
import { nextPath } from '../navigation';
import { CodeInput } from './code-input';
import './auth.css';
import './totp-page.css';

const route = getRouteApi('/account/totp');

/**
 * TOTP enrolment: a new secret as a QR code (our server's SVG, shown through <img src="data:…">
 * so no markup is injected into the page and the CSP needs no exception) and as text for manual
 * entry, then a code from the app to confirm it.
 */
export function TotpPage() {
  const { t, lang } = useI18n();
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const session = useSession().data;
  const start = useStartTotp();
  const confirm = useConfirmTotp();
  const [code, setCode] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [currentCode, setCurrentCode] = useState('');
  const [done, setDone] = useState(false);
  const forced = session?.requires.includes('totp_enrolment') ?? false;
  const enabled = session?.user.totpEnabled ?? false;
  const { byField, other } = issuesByField(confirm.error, ['code'], lang);
  const startIssues = issuesByField(start.error, ['currentPassword', 'code'], lang);

  const onStart = (event: FormEvent) => {
    event.preventDefault();
    start.mutate(forced ? {} : { currentPassword, ...(enabled ? { code: currentCode } : {}) }, {
      onSuccess: () => {
        setCurrentPassword('');
        setCurrentCode('');
      },
    });
  };

  const onConfirm = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code, {
      onSuccess: (s) => {
        start.reset();
        setCode('');
        if (forced) void navigate({ href: nextPath(s, redirect), replace: true });
        else setDone(true);
      },
    });
  };

  return (
    <section className="auth-page auth-page--wide" aria-labelledby="totp-title">
      <h1 id="totp-title">{t('totpTitle')}</h1>
      {forced && (
        <p className="notice" role="note">
          {t('totpRequiredNotice')}
        </p>
      )}
      {done && (
        <p className="notice notice--success" role="status">
          {t('totpEnabledNow')}
        </p>
      )}
      {!start.data && (
        <form className="form-card" onSubmit={onStart} noValidate>
          <p>{enabled ? t('totpAlreadyOn') : t('totpIntro')}</p>
          {!forced && <p>{enabled ? t('totpReauthWithCode') : t('totpReauth')}</p>}
          {start.error ? <FormError error={start.error} other={startIssues.other} /> : null}
          {!forced && (
            <Field
              id="totp-current-password"
              label={t('currentPassword')}
              error={startIssues.byField.currentPassword}
              required
            >
              {(p) => (
                <input
                  {...p}
                  type="password"
                  autoComplete="current-password"
                  value={currentPassword}
                  onChange={(e) => setCurrentPassword(e.target.value)}
                />
              )}
            </Field>
          )}
          {!forced && enabled && (
            <Field id="totp-current-code" label={t('totpCurrentCode')} error={startIssues.byField.code} required>
              {(p) => <CodeInput {...p} value={currentCode} onChange={setCurrentCode} />}
            </Field>
          )}
          <div className="form-actions">
            <button
              type="submit"
              disabled={start.isPending || (!forced && (!currentPassword || (enabled && currentCode.length !== 6)))}
            >
              {enabled ? t('totpRestart') : t('totpStart')}
            </button>
          </div>
        </form>
      )}
      {start.data && (
        <form className="form-card totp-enrol" onSubmit={onConfirm} noValidate>
          <ol className="steps">
            <li>
              <p>{t('totpScan')}</p>
              <img
                className="qr"
                src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(start.data.qrSvg)}`}
                alt={t('totpQrAlt')}
                width={200}
                height={200}
              />
              <p className="sub">{t('totpManual')}</p>
              <p>
                <code className="secret" aria-label={t('totpSecret')}>
                  {start.data.secret.replace(/(.{4})/g, '$1 ').trim()}
                </code>
              </p>
            </li>
            <li>
              {confirm.error && !byField.code ? <FormError error={confirm.error} other={other} /> : null}
              <Field id="totp-code" label={t('totpCode')} hint={t('totpCodeHint')} error={byField.code} required>
                {(p) => <CodeInput {...p} value={code} onChange={setCode} />}
              </Field>
            </li>
          </ol>
          <div className="form-actions">
            <button type="submit" disabled={confirm.isPending || code.length !== 6}>
              {t('totpConfirm')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
