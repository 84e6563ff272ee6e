import { z } from 'zod';

/** Where to go once signed in (or once a required step is done); checked again before use (navigation.ts). */
export const RedirectSearchSchema = z.object({
  redirect: z.string().max(2000).optional().catch(undefined),
});

/** The sign-in page also hears back from the organisation's provider: a refusal's reason, or the TOTP step. */
export const LoginSearchSchema = RedirectSearchSchema.extend({
  oidc: z.literal('totp').optional().catch(undefined),
  oidcError: z.string().max(40).optional().catch(undefined),
});
