import { expect } from 'vitest';
import { IDP_OTP, startTestIdp, type IdpAccount, type TestIdp } from '../../scripts/lib/test-idp';
import { createRelyingParty } from '@/server/oidc/relying-party';
import type { OidcSettings } from '@/server/oidc/types';
import type { App } from '@/server/app';

/** The tracker as the test provider knows it: the callback is answered in process, never fetched. */
export const TRACKER = 'http://tracker.test';
export const CLIENT = { clientId: 'tracker', clientSecret: 'tracker-test-secret-0123456789abcdef' };

/** The provider's accounts: one per case, each with the subject and e-mail claims that case needs. */
export const IDP_ACCOUNTS = {
  liaison: {
    username: 'jiro',
    password: 'idp-pass-1',
    sub: 'sub-liaison-0001',
    email: 'liaison@npa.example.go.jp',
    emailVerified: true,
    mfa: true,
  },
  liaisonNoMfa: {
    username: 'jiro-pwd',
    password: 'idp-pass-1b',
    sub: 'sub-liaison-0001b',
    email: 'liaison@npa.example.go.jp',
    emailVerified: true,
  },
  viewer: {
    username: 'saburo',
    password: 'idp-pass-2',
    sub: 'sub-viewer-0002',
    email: 'viewer@cas.example.go.jp',
    emailVerified: true,
  },
  admin: {
    username: 'taro',
    password: 'idp-pass-3',
    sub: 'sub-admin-0003',
    email: 'admin@nisc.example.go.jp',
    emailVerified: true,
  },
  adminMfa: {
    username: 'taro-mfa',
    password: 'idp-pass-3b',
    sub: 'sub-admin-0003b',
    email: 'admin@nisc.example.go.jp',
    emailVerified: true,
    mfa: true,
  },
  staff: {
    username: 'hanako',
    password: 'idp-pass-4',
    sub: 'sub-staff-0004',
    email: 'staff@nisc.example.go.jp',
    emailVerified: true,
    mfa: true,
  },
  stranger: {
    username: 'stranger',
    password: 'idp-pass-5',
    sub: 'sub-stranger-0005',
    email: 'someone@else.example.go.jp',
    emailVerified: true,
    mfa: true,
  },
  unverified: {
    username: 'unverified',
    password: 'idp-pass-6',
    sub: 'sub-unverified-0006',
    email: 'staff@nisc.example.go.jp',
    emailVerified: false,
    mfa: true,
  },
} satisfies Record<string, IdpAccount>;

export async function startProvider(): Promise<TestIdp> {
  return startTestIdp({
    accounts: Object.values(IDP_ACCOUNTS),
    clients: [
      {
        ...CLIENT,
        redirectUris: [`${TRACKER}/api/session/oidc/callback`],
        postLogoutRedirectUris: [`${TRACKER}/login`],
      },
      // Another application of the same organisation: its tokens must not open the tracker.
      {
        clientId: 'other-app',
        clientSecret: 'other-app-secret-0123456789abcdef',
        redirectUris: ['http://other.test/cb'],
        postLogoutRedirectUris: [],
      },
    ],
  });
}

export function settingsFor(idp: TestIdp, over: Partial<OidcSettings> = {}): OidcSettings {
  return {
    issuer: new URL(idp.issuer),
    clientId: CLIENT.clientId,
    clientSecret: CLIENT.clientSecret,
    privateKey: null,
    redirectUri: new URL(`${TRACKER}/api/session/oidc/callback`),
    postLogoutRedirectUri: new URL(`${TRACKER}/login`),
    scopes: 'openid email profile',
    mfaAmr: ['mfa'],
    mfaAcr: [],
    clockToleranceSeconds: 60,
    ...over,
  };
}

export const relyingParty = (idp: TestIdp, over: Partial<OidcSettings> = {}) =>
  createRelyingParty(settingsFor(idp, over));

/** A browser's cookies for one site: what Set-Cookie said, sent back as Cookie. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

/** The tracker's start: its redirect to the provider, with the sealed pending cookie in `jar`. */
export async function startSignIn(app: App, jar: CookieJar, redirect = '/'): Promise<URL> {
  const res = await app.request(`/api/session/oidc/start?redirect=${encodeURIComponent(redirect)}`, {
    headers: { cookie: jar.header() },
  });
  expect(res.status).toBe(302);
  jar.take(res);
  return new URL(res.headers.get('location')!);
}

/**
 * The person at the provider: follows its redirects and fills its own sign-in form (with the one-time
 * code where the account has one) until the provider sends the browser back to the tracker. Returns
 * the callback's query.
 */
export async function signInAtProvider(authorizeUrl: URL, account: IdpAccount): Promise<URLSearchParams> {
  const jar = new CookieJar();
  let url = authorizeUrl.href;
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(TRACKER)) return new URL(url).searchParams;
    const res = await fetch(url, {
      method: body ? 'POST' : 'GET',
      headers: { cookie: jar.header(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
      redirect: 'manual',
    });
    jar.take(res);
    body = undefined;
    const location = res.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`the provider answered ${res.status} without a form:\n${html.slice(0, 500)}`);
    url = new URL(action, url).href;
    body = new URLSearchParams({
      username: account.username,
      password: account.password,
      otp: account.mfa ? IDP_OTP : '',
    });
  }
  throw new Error('the provider never sent the browser back');
}

/** The callback as the browser brings it: the query and the tracker's cookies. */
export async function callback(app: App, jar: CookieJar, query: URLSearchParams): Promise<Response> {
  const res = await app.request(`/api/session/oidc/callback?${query}`, { headers: { cookie: jar.header() } });
  jar.take(res);
  return res;
}

/** The whole round: start, the provider, the callback. */
export async function oidcSignIn(app: App, account: IdpAccount, redirect = '/') {
  const jar = new CookieJar();
  const query = await signInAtProvider(await startSignIn(app, jar, redirect), account);
  const res = await callback(app, jar, query);
  return { res, jar, query, location: res.headers.get('location') };
}
