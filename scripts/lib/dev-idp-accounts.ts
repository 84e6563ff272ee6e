import type { IdpAccount } from './test-idp';

/** The local test provider's client: the tracker registered as a confidential client (secret, not for production). */
export const DEV_IDP_CLIENT = { clientId: 'tracker-dev', clientSecret: 'tracker-dev-secret-not-for-production' };

/**
 * Accounts of the local test provider, named after the e2e suite's tracker users (tests/e2e/support/users.ts):
 * the liaison signs in with a one-time code (MFA asserted), the viewer with a password only, and the
 * stranger has no tracker account.
 */
export const DEV_IDP_ACCOUNTS: IdpAccount[] = [
  {
    username: 'liaison',
    password: 'idp-liaison-passphrase',
    sub: 'dev-sub-liaison-npa',
    email: 'liaison@npa.example.go.jp',
    emailVerified: true,
    name: '警察 次郎',
    mfa: true,
  },
  {
    username: 'viewer',
    password: 'idp-viewer-passphrase',
    sub: 'dev-sub-viewer-cas',
    email: 'viewer@cas.example.go.jp',
    emailVerified: true,
    name: '閲覧 三郎',
  },
  {
    username: 'stranger',
    password: 'idp-stranger-passphrase',
    sub: 'dev-sub-stranger',
    email: 'stranger@example.go.jp',
    emailVerified: true,
  },
];
