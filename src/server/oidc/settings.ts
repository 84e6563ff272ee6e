import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { OidcSettings } from './types';

/** The callback's fixed path: the redirect URI registered at the provider must end in it. */
export const CALLBACK_PATH = '/api/session/oidc/callback';

const list = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
const url = z.url({ protocol: /^https?$/ });

/** OpenID Connect and local-password settings from the environment (README, "Configuration"). */
const OidcEnvSchema = z
  .object({
    OIDC_ISSUER: url.optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** PEM (PKCS#8, RSA or P-256) for private_key_jwt client authentication instead of a secret. */
    OIDC_PRIVATE_KEY_FILE: z.string().min(1).optional(),
    OIDC_PRIVATE_KEY_ID: z.string().min(1).optional(),
    OIDC_REDIRECT_URI: url.optional(),
    OIDC_POST_LOGOUT_REDIRECT_URI: url.optional(),
    OIDC_SCOPES: z.string().default('openid email profile'),
    /** `amr` values that count as multi-factor authentication at the provider (RFC 8176). */
    OIDC_MFA_AMR: list.default(['mfa']),
    /** `acr` values that count as multi-factor authentication; none by default. */
    OIDC_MFA_ACR: list,
    OIDC_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(60),
    LOCAL_PASSWORDS: z.enum(['on', 'off']).default('on'),
    /** With LOCAL_PASSWORDS=off: the administrators (emails) who may still sign in with a password. */
    LOCAL_PASSWORD_ADMINS: list,
  })
  .superRefine((env, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const any = env.OIDC_ISSUER || env.OIDC_CLIENT_ID || env.OIDC_REDIRECT_URI;
    if (any) {
      if (!env.OIDC_ISSUER) add('OIDC_ISSUER', 'required with the other OIDC_* settings');
      if (!env.OIDC_CLIENT_ID) add('OIDC_CLIENT_ID', 'required with the other OIDC_* settings');
      if (!env.OIDC_REDIRECT_URI) add('OIDC_REDIRECT_URI', 'required with the other OIDC_* settings');
      else if (new URL(env.OIDC_REDIRECT_URI).pathname !== CALLBACK_PATH)
        add('OIDC_REDIRECT_URI', `must end in ${CALLBACK_PATH}`);
      if (!env.OIDC_CLIENT_SECRET === !env.OIDC_PRIVATE_KEY_FILE)
        add('OIDC_CLIENT_SECRET', 'set either OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY_FILE');
    }
    if (env.LOCAL_PASSWORDS === 'off' && !env.LOCAL_PASSWORD_ADMINS.length)
      add('LOCAL_PASSWORD_ADMINS', 'name at least one break-glass administrator when LOCAL_PASSWORDS=off');
    if (env.LOCAL_PASSWORDS === 'off' && !any) add('LOCAL_PASSWORDS', 'off needs an OpenID Connect provider (OIDC_*)');
  });

export type PasswordPolicy = { localPasswords: boolean; localPasswordAdmins: string[] };

/** Parses the settings; a bad value stops the server with a message naming it. */
export function parseOidcEnv(source: Record<string, string | undefined>): {
  oidc: OidcSettings | null;
  passwords: PasswordPolicy;
} {
  const result = OidcEnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(
      `invalid configuration:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const env = result.data;
  const passwords = {
    localPasswords: env.LOCAL_PASSWORDS === 'on',
    localPasswordAdmins: env.LOCAL_PASSWORD_ADMINS.map((e) => e.toLowerCase()),
  };
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_REDIRECT_URI) return { oidc: null, passwords };
  const redirectUri = new URL(env.OIDC_REDIRECT_URI);
  return {
    passwords,
    oidc: {
      issuer: new URL(env.OIDC_ISSUER),
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET ?? null,
      privateKey: env.OIDC_PRIVATE_KEY_FILE
        ? { pem: readFileSync(env.OIDC_PRIVATE_KEY_FILE, 'utf8'), kid: env.OIDC_PRIVATE_KEY_ID ?? null }
        : null,
      redirectUri,
      postLogoutRedirectUri: new URL(env.OIDC_POST_LOGOUT_REDIRECT_URI ?? new URL('/login', redirectUri)),
      scopes: env.OIDC_SCOPES,
      mfaAmr: env.OIDC_MFA_AMR,
      mfaAcr: env.OIDC_MFA_ACR,
      clockToleranceSeconds: env.OIDC_CLOCK_TOLERANCE_SECONDS,
    },
  };
}
