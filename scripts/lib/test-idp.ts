/**
 * A real OpenID Connect provider on loopback for tests, the e2e suite and `npm run dev:idp`:
 * oidc-provider 8 in process, with its own sign-in page (username, password and, for accounts that
 * have one, a one-time code), test accounts with subjects, e-mails and email_verified, and amr/acr
 * control: an account with `mfa` asserts amr ["pwd","otp","mfa"] and acr MFA_ACR, others ["pwd"].
 * `tamperIdToken` lets a test re-sign the ID token the token endpoint returns (another audience, an
 * expired token) with the provider's own key, so only the tracker's checks can catch it.
 */
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

export const MFA_ACR = 'urn:tracker:test:mfa';
export const PWD_ACR = 'urn:tracker:test:pwd';
/** The one-time code every `mfa` account's "authenticator" shows. */
export const IDP_OTP = '246810';

export type IdpAccount = {
  username: string;
  password: string;
  sub: string;
  email?: string;
  emailVerified?: boolean;
  name?: string;
  mfa?: boolean;
};

export type IdpClient = {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
};

export type TestIdp = {
  issuer: string;
  server: Server;
  provider: Provider;
  accounts: IdpAccount[];
  /** Rewrites the claims of the next ID tokens the token endpoint returns; null to stop. */
  tamperIdToken: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  /** With tamperIdToken: sign with another key under the provider's key id (a forgery). */
  signWithForeignKey: boolean;
  close: () => Promise<void>;
};

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.8rem 0 .2rem}
input{width:100%;padding:.4rem;font-size:1rem}button{margin-top:1rem;padding:.5rem 1rem;font-size:1rem}.error{color:#b00}</style>
</head><body><p>テスト用 IdP / Test identity provider</p>${body}</body></html>`;

function loginForm(uid: string, error?: string) {
  return page(
    'IdP sign-in',
    `<h1>組織アカウント / Organisation account</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
<label for="username">ユーザー名 / Username</label><input id="username" name="username" required autofocus>
<label for="password">パスワード / Password</label><input id="password" name="password" type="password" required>
<label for="otp">ワンタイムコード（設定している場合）/ One-time code (if you have one)</label><input id="otp" name="otp" inputmode="numeric">
<button type="submit">サインイン / Sign in</button></form>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(key).toString('base64url')}`;
}

export async function startTestIdp(options: {
  accounts: IdpAccount[];
  clients: IdpClient[];
  port?: number;
  /** The issuer's host name (it listens on 127.0.0.1 either way); `localhost` makes it another site. */
  host?: string;
}): Promise<TestIdp> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomBytes(8).toString('hex');
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const accounts = options.accounts;
  const find = (id: string) => accounts.find((a) => a.sub === id);

  const configuration: Configuration = {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // amr, acr and auth_time in every ID token, as organisation providers send them.
    claims: {
      sid: null,
      openid: ['sub', 'acr', 'amr', 'auth_time'],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    // The tracker reads e-mail from the ID token, as many providers send it there.
    conformIdTokenClaims: false,
    acrValues: [PWD_ACR, MFA_ACR],
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.body = page(
            'IdP sign-out',
            `<h1>IdP からサインアウトしますか / Sign out of the provider?</h1>${form}
<button type="submit" form="op.logoutForm" value="yes" name="logout">サインアウト / Sign out</button>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.body = page('IdP signed out', '<h1>サインアウトしました / Signed out</h1>');
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const a = find(id);
      if (!a) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: a.sub,
          ...(a.email === undefined ? {} : { email: a.email, email_verified: a.emailVerified ?? false }),
          ...(a.name ? { name: a.name } : {}),
        }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = page('IdP error', `<h1>Error</h1><pre>${escape(JSON.stringify(out))}</pre>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  const idp: TestIdp = {
    issuer,
    server,
    provider,
    accounts,
    tamperIdToken: null,
    signWithForeignKey: false,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  provider.use(async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === '/token' && idp.tamperIdToken && body?.id_token) {
      const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1]!, 'base64url').toString()) as Record<
        string,
        unknown
      >;
      const key = idp.signWithForeignKey ? generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey : privateKey;
      body.id_token = signJwt(idp.tamperIdToken(claims), key, kid);
    }
  });

  const callback = provider.callback();
  const interaction = async (req: IncomingMessage, res: ServerResponse) => {
    const details = await provider.interactionDetails(req, res);
    const send = (html: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    };
    if (details.prompt.name === 'login') {
      if (req.method !== 'POST') return send(loginForm(details.uid));
      const form = await readForm(req);
      const account = accounts.find((a) => a.username === form.get('username'));
      if (!account || account.password !== form.get('password'))
        return send(loginForm(details.uid, 'ユーザー名またはパスワードが違います / Wrong username or password'));
      if (account.mfa && form.get('otp') !== IDP_OTP)
        return send(loginForm(details.uid, 'ワンタイムコードが違います / Wrong one-time code'));
      const login = account.mfa
        ? { accountId: account.sub, amr: ['pwd', 'otp', 'mfa'], acr: MFA_ACR }
        : { accountId: account.sub, amr: ['pwd'], acr: PWD_ACR };
      return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
    }
    // Consent: the organisation's own application, granted without asking (as a tenant admin would).
    const { missingOIDCScope, missingOIDCClaims } = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
    };
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error: unknown) => {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(String(error));
      });
      return;
    }
    void callback(req, res);
  });
  return idp;
}
