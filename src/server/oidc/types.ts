/** The relying party's settings (settings.ts reads them from OIDC_*). */
export type OidcSettings = {
  issuer: URL;
  clientId: string;
  clientSecret: string | null;
  privateKey: { pem: string; kid: string | null } | null;
  redirectUri: URL;
  postLogoutRedirectUri: URL;
  scopes: string;
  mfaAmr: string[];
  mfaAcr: string[];
  clockToleranceSeconds: number;
};

/** What the browser carries between the redirect to the provider and the callback (sealed in a cookie). */
export type PendingAuthorization = { state: string; nonce: string; codeVerifier: string; redirect: string | null };

/** The ID token's claims the tracker reads (decision record 015). */
export type VerifiedSignIn = {
  /** The provider's issuer identifier as its discovery document and the ID token name it. */
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  mfa: boolean;
  amr: string[];
  acr: string | null;
  idToken: string;
};

/** Why a callback was refused; the login page shows each in Japanese and English. */
export type CallbackFailure = 'state_mismatch' | 'provider_error' | 'code_rejected' | 'token_invalid' | 'unavailable';

export class OidcCallbackError extends Error {
  constructor(
    readonly reason: CallbackFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'OidcCallbackError';
  }
}

/** The relying party as routes see it (relying-party.ts builds it on openid-client; injected through createApp). */
export type RelyingParty = {
  settings: OidcSettings;
  /** The issuer identifier from discovery (links are kept per issuer). */
  issuer(): Promise<string>;
  begin(redirect: string | null): Promise<{ url: URL; pending: PendingAuthorization }>;
  finish(query: URLSearchParams, pending: PendingAuthorization): Promise<VerifiedSignIn>;
  endSessionUrl(idToken: string): Promise<string | null>;
};
