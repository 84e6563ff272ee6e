/**
 * `npm run dev:idp`: the test OpenID Connect provider (scripts/lib/test-idp.ts) as a process, for trying
 * the organisation sign-in locally and for the e2e suite. Prints one JSON line with the issuer and the
 * OIDC_* settings the tracker needs, then serves until stopped.
 *
 *   TRACKER_URL  the tracker's origin (default http://localhost:8080): its callback and /login are registered
 *   IDP_PORT     the provider's port (default 0: any free one)
 *   IDP_HOST     the host name in the issuer (default localhost: another site than 127.0.0.1)
 */
import { DEV_IDP_ACCOUNTS, DEV_IDP_CLIENT } from './lib/dev-idp-accounts';
import { startTestIdp } from './lib/test-idp';

const tracker = new URL(process.env.TRACKER_URL ?? 'http://localhost:8080');
const idp = await startTestIdp({
  accounts: DEV_IDP_ACCOUNTS,
  clients: [
    {
      ...DEV_IDP_CLIENT,
      redirectUris: [new URL('/api/session/oidc/callback', tracker).href],
      postLogoutRedirectUris: [new URL('/login', tracker).href],
    },
  ],
  port: Number(process.env.IDP_PORT ?? 0),
  host: process.env.IDP_HOST ?? 'localhost',
});
console.log(
  JSON.stringify({
    issuer: idp.issuer,
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: DEV_IDP_CLIENT.clientId,
      OIDC_CLIENT_SECRET: DEV_IDP_CLIENT.clientSecret,
      OIDC_REDIRECT_URI: new URL('/api/session/oidc/callback', tracker).href,
    },
    accounts: DEV_IDP_ACCOUNTS.map((a) => ({ username: a.username, password: a.password, email: a.email, mfa: a.mfa })),
  }),
);
const stop = () => void idp.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
