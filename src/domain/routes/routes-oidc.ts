import { z } from 'zod';
import {
  OidcCallbackQuerySchema,
  OidcStartQuerySchema,
  OidcTotpBodySchema,
  SessionSchema,
  SignInMethodsSchema,
} from '@/domain/contract';
import type { RouteSpec } from './routes';

/** Sign-in through the organisation's OpenID Connect provider (issue 14, decision record 015). */
export const OIDC_ROUTES = {
  signInMethods: {
    method: 'get',
    path: '/api/session/methods',
    operationId: 'getSignInMethods',
    summary: 'What the sign-in page offers: the organisation provider, local passwords',
    access: 'public',
    response: SignInMethodsSchema,
  },
  oidcStart: {
    method: 'get',
    path: '/api/session/oidc/start',
    operationId: 'startOidcSignIn',
    summary: "Redirects to the organisation's provider (authorization code flow with PKCE, state and nonce)",
    access: 'public',
    query: OidcStartQuerySchema,
    redirects: true,
    response: z.never(),
  },
  oidcCallback: {
    method: 'get',
    path: '/api/session/oidc/callback',
    operationId: 'oidcCallback',
    summary: "The provider's redirect back: signs the linked user in, or back to /login with the reason",
    access: 'public',
    query: OidcCallbackQuerySchema,
    redirects: true,
    response: z.never(),
  },
  oidcTotp: {
    method: 'post',
    path: '/api/session/oidc/totp',
    operationId: 'confirmOidcSignInTotp',
    summary: "The tracker's TOTP code after a provider sign-in that asserted no multi-factor authentication",
    access: 'public',
    body: OidcTotpBodySchema,
    response: SessionSchema,
  },
} as const satisfies Record<string, RouteSpec>;
