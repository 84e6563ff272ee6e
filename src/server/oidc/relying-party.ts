import { createPrivateKey, webcrypto } from 'node:crypto';
import * as client from 'openid-client';
import {
  OidcCallbackError,
  type OidcSettings,
  type PendingAuthorization,
  type RelyingParty,
  type VerifiedSignIn,
} from './types';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

async function importPrivateKey(pem: string): Promise<webcrypto.CryptoKey> {
  const key = createPrivateKey(pem);
  const jwk = key.export({ format: 'jwk' });
  const algorithm =
    key.asymmetricKeyType === 'ec'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  return webcrypto.subtle.importKey('jwk', jwk, algorithm, false, ['sign']);
}

/**
 * The relying party on openid-client 6: discovery (cached, retried after a failure), the authorization
 * code flow with PKCE (S256), state and nonce, and an ID token checked for issuer, audience, expiry and
 * signature (enableNonRepudiationChecks verifies the JWS against the provider's JWKS), with a bounded
 * clock tolerance. Plain http is allowed for a loopback issuer only (the test provider).
 */
export function createRelyingParty(settings: OidcSettings): RelyingParty {
  let discovered: Promise<client.Configuration> | null = null;

  const discover = async () => {
    const auth = settings.privateKey
      ? client.PrivateKeyJwt(
          settings.privateKey.kid
            ? { key: await importPrivateKey(settings.privateKey.pem), kid: settings.privateKey.kid }
            : await importPrivateKey(settings.privateKey.pem),
        )
      : client.ClientSecretBasic(settings.clientSecret ?? undefined);
    const insecure = settings.issuer.protocol === 'http:' && LOOPBACK.has(settings.issuer.hostname);
    return client.discovery(
      settings.issuer,
      settings.clientId,
      { [client.clockTolerance]: settings.clockToleranceSeconds },
      auth,
      {
        execute: [...(insecure ? [client.allowInsecureRequests] : []), client.enableNonRepudiationChecks],
        timeout: 10,
      },
    );
  };
  const configuration = () => {
    discovered ??= discover().catch((error: unknown) => {
      discovered = null; // the next sign-in tries again
      throw error;
    });
    return discovered;
  };

  return {
    settings,

    issuer: async () => (await configuration()).serverMetadata().issuer,

    /** The provider's authorization URL and what must come back with the browser. */
    async begin(redirect: string | null): Promise<{ url: URL; pending: PendingAuthorization }> {
      const config = await configuration();
      const pending = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        redirect,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri.href,
        scope: settings.scopes,
        response_type: 'code',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },

    /** The callback's query checked against the pending authorization, the code exchanged, the ID token verified. */
    async finish(query: URLSearchParams, pending: PendingAuthorization): Promise<VerifiedSignIn> {
      let config: client.Configuration;
      try {
        config = await configuration();
      } catch (error) {
        throw new OidcCallbackError('unavailable', String(error));
      }
      // The registered redirect URI with the provider's parameters: behind a proxy the request URL differs.
      const current = new URL(settings.redirectUri);
      current.search = query.toString();
      let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
      try {
        tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw classify(error);
      }
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new OidcCallbackError('token_invalid', 'no ID token');
      const amr = Array.isArray(claims.amr) ? claims.amr.filter((x): x is string => typeof x === 'string') : [];
      const acr = typeof claims.acr === 'string' ? claims.acr : null;
      return {
        issuer: claims.iss,
        subject: claims.sub,
        email: typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null,
        emailVerified: claims.email_verified === true,
        amr,
        acr,
        mfa: amr.some((v) => settings.mfaAmr.includes(v)) || (acr !== null && settings.mfaAcr.includes(acr)),
        idToken: tokens.id_token,
      };
    },

    /** RP-initiated logout, where the provider advertises an end-session endpoint; else null. */
    async endSessionUrl(idToken: string): Promise<string | null> {
      const config = await configuration().catch(() => null);
      if (!config?.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        id_token_hint: idToken,
        post_logout_redirect_uri: settings.postLogoutRedirectUri.href,
      }).href;
    },
  };
}

/** openid-client's errors, sorted into what the user and the audit trail are told (with its own words). */
function classify(error: unknown): OidcCallbackError {
  const e = error as { code?: string; error?: string; message?: string; cause?: { message?: string } };
  const inner = e.cause?.message ?? '';
  const detail = [e.code, e.error, inner || e.message].filter(Boolean).join(': ');
  if (e.code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') return new OidcCallbackError('provider_error', detail);
  if (e.code === 'OAUTH_RESPONSE_BODY_ERROR') return new OidcCallbackError('code_rejected', detail);
  if (inner.includes('"state"')) return new OidcCallbackError('state_mismatch', detail);
  if (e.code?.startsWith('OAUTH_')) return new OidcCallbackError('token_invalid', detail);
  return new OidcCallbackError('unavailable', detail || String(error));
}
