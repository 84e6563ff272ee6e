import { useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { Field, FormError } from '@/client/components/form-field';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { MESSAGES, type MessageKey } from '@/client/lib/messages';
import { issuesByField } from '@/client/lib/server-text';
import { useConfirmOidcTotp } from '../api/oidc-totp';
import { nextPath } from '../navigation';
import { CodeInput } from './code-input';

const startHref = (redirect: string | undefined) =>
  `/api/session/oidc/start${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ''}`;

/**
 * 「組織アカウントでサインイン」: a plain link, so the browser itself goes to the provider and back
 * (decision record 015). Shown when the server has a provider configured.
 */
export function OrganisationSignIn({ redirect }: { redirect: string | undefined }) {
  const { t } = useI18n();
  return (
    <div className="form-card sso">
      <a className="sso__button" href={startHref(redirect)}>
        {t('oidcSignIn')}
      </a>
      <p className="hint">{t('oidcSignInHint')}</p>
    </div>
  );
}

/** Why the provider's sign-in was refused, as the callback said (`?oidcError=`). */
export function OidcErrorNotice({ code }: { code: string }) {
  const { t } = useI18n();
  const key = `oidcError_${code}`;
  return (
    <div className="error-box form-error" role="alert">
      <p>{t(key in MESSAGES ? (key as MessageKey) : 'signInFailed')}</p>
    </div>
  );
}

/** The tracker's TOTP code after a provider sign-in without multi-factor authentication. */
export function OidcTotpStep({ redirect }: { redirect: string | undefined }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const confirm = useConfirmOidcTotp();
  const [code, setCode] = useState('');
  const error = confirm.error instanceof ApiError ? confirm.error : null;
  const { byField } = issuesByField(error, ['code'], lang);
  const expired = error?.code === 'oidc_sign_in_expired' || error?.code === 'oidc_totp_locked';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code, {
      onSuccess: (session) => void navigate({ href: nextPath(session, redirect), replace: true }),
      onError: () => setCode(''),
    });
  };
  return (
    <>
      <p className="sub">{t('oidcTotpLead')}</p>
      <form className="form-card" onSubmit={onSubmit} noValidate>
        {error && !byField.code && <FormError error={error} />}
        <Field
          id="oidc-totp"
          label={t('totpCode')}
          hint={t('totpCodeHint')}
          error={byField.code ?? (error?.code.startsWith('totp_') ? t('totpInvalid') : undefined)}
          required
        >
          {(p) => <CodeInput {...p} value={code} onChange={setCode} autoFocus />}
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={confirm.isPending || expired}>
            {t('oidcTotpConfirm')}
          </button>
          {expired && <a href={startHref(redirect)}>{t('oidcStartAgain')}</a>}
        </div>
      </form>
    </>
  );
}
