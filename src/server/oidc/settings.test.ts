import { describe, expect, it } from 'vitest';
import { parseOidcEnv } from './settings';

const full = {
  OIDC_ISSUER: 'https://idp.example.go.jp',
  OIDC_CLIENT_ID: 'tracker',
  OIDC_CLIENT_SECRET: 'secret',
  OIDC_REDIRECT_URI: 'https://tracker.example.go.jp/api/session/oidc/callback',
};

describe('OIDC_* and LOCAL_PASSWORDS', () => {
  it('leaves the provider off without settings, with local passwords on', () => {
    expect(parseOidcEnv({})).toEqual({ oidc: null, passwords: { localPasswords: true, localPasswordAdmins: [] } });
  });

  it('reads a full configuration with its defaults', () => {
    const { oidc } = parseOidcEnv({ ...full, OIDC_MFA_ACR: 'urn:a, urn:b' });
    expect(oidc?.postLogoutRedirectUri.href).toBe('https://tracker.example.go.jp/login');
    expect(oidc?.mfaAmr).toEqual(['mfa']);
    expect(oidc?.mfaAcr).toEqual(['urn:a', 'urn:b']);
    expect(oidc?.clockToleranceSeconds).toBe(60);
  });

  it.each([
    [{ ...full, OIDC_CLIENT_ID: undefined }, /OIDC_CLIENT_ID/],
    [{ ...full, OIDC_CLIENT_SECRET: undefined }, /OIDC_CLIENT_SECRET/],
    [
      { ...full, OIDC_REDIRECT_URI: 'https://tracker.example.go.jp/callback' },
      /must end in \/api\/session\/oidc\/callback/,
    ],
    [{ ...full, OIDC_CLOCK_TOLERANCE_SECONDS: '3600' }, /OIDC_CLOCK_TOLERANCE_SECONDS/],
    [{ ...full, LOCAL_PASSWORDS: 'off' }, /LOCAL_PASSWORD_ADMINS/],
    [{ LOCAL_PASSWORDS: 'off', LOCAL_PASSWORD_ADMINS: 'admin@x.go.jp' }, /LOCAL_PASSWORDS: off needs/],
  ])('refuses %j, naming the setting', (env, message) => {
    expect(() => parseOidcEnv(env)).toThrow(message);
  });

  it('keeps the named administrators, in lower case', () => {
    const { passwords } = parseOidcEnv({
      ...full,
      LOCAL_PASSWORDS: 'off',
      LOCAL_PASSWORD_ADMINS: 'Admin@X.go.jp, b@x.go.jp',
    });
    expect(passwords).toEqual({ localPasswords: false, localPasswordAdmins: ['admin@x.go.jp', 'b@x.go.jp'] });
  });
});
