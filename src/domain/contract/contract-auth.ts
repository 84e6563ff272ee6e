import { z } from 'zod';
import { PASSWORD_MAX, UserRoleSchema } from '@/domain/auth';

/** Sign-in, session and user administration: the contract for the server, the client and tests. */

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'メールアドレスの形式が不正です / Not a valid email address' }));
const password = z
  .string()
  .min(1)
  .max(PASSWORD_MAX * 4);

export const SignInBodySchema = z.strictObject({
  email,
  password,
  totp: z
    .string()
    .regex(/^\d{6}$/, { message: '6桁の数字を入力してください / Enter the 6-digit code' })
    .optional(),
});

export const PublicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: UserRoleSchema,
  ministryId: z.string().nullable(),
  totpEnabled: z.boolean(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  version: z.int(),
});
export type PublicUser = z.infer<typeof PublicUserSchema>;

/** What a session still has to do before it may do anything else. */
export const SESSION_REQUIREMENTS = ['password_change', 'totp_enrolment'] as const;
export const SessionRequirementSchema = z.enum(SESSION_REQUIREMENTS);

export const SessionSchema = z.object({
  user: PublicUserSchema,
  csrfToken: z.string(),
  requires: z.array(SessionRequirementSchema),
  idleExpiresAt: z.string(),
  absoluteExpiresAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

export const ChangePasswordBodySchema = z.strictObject({ currentPassword: password, newPassword: password });

const totpCode = z.string().regex(/^\d{6}$/, { message: '6桁の数字を入力してください / Enter the 6-digit code' });

/**
 * Starting (or restarting) TOTP enrolment replaces the second factor, so it asks for proof of both
 * factors the account has: the current password, and the current code when TOTP is already on. Only
 * the enrolment forced right after sign-in may omit them.
 */
export const TotpStartBodySchema = z.strictObject({
  currentPassword: password.optional(),
  code: totpCode.optional(),
});
export type TotpStartBody = z.infer<typeof TotpStartBodySchema>;

export const TotpEnrolmentSchema = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export const TotpConfirmBodySchema = z.strictObject({ code: totpCode });

const name = z.string().trim().min(1).max(100);
const ministryId = z
  .string()
  .regex(/^[a-z0-9_]+$/)
  .max(40);

export const UserCreateBodySchema = z.strictObject({
  email,
  name,
  role: UserRoleSchema,
  ministryId: ministryId.nullable().optional(),
  /** A temporary password the user must change at first sign-in. */
  password,
});

export const UserPatchBodySchema = z
  .strictObject({
    name: name.optional(),
    role: UserRoleSchema.optional(),
    ministryId: ministryId.nullable().optional(),
    disabled: z.boolean().optional(),
    unlock: z.literal(true).optional(),
    resetPassword: password.optional(),
    /** For a lost or replaced phone: TOTP off; the user enrols again (administrators at next sign-in). */
    resetTotp: z.literal(true).optional(),
    /** Issue 14: pre-provision the provider's subject (\`sub\`) for this user, or remove the link. */
    linkOidcSubject: z.string().trim().min(1).max(255).optional(),
    unlinkOidc: z.literal(true).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: '変更内容がありません / Nothing to change' });

/** How a user signs in (issue 14): a local password where the policy allows it, the provider where linked. */
export const UserSignInSchema = z.object({
  password: z.boolean(),
  oidc: z.object({ subject: z.string(), linkedAt: z.string() }).nullable(),
});
export type UserSignIn = z.infer<typeof UserSignInSchema>;
export const AdminUserSchema = PublicUserSchema.extend({ signIn: UserSignInSchema });
export type AdminUser = z.infer<typeof AdminUserSchema>;
export const UserListSchema = z.object({ items: z.array(AdminUserSchema) });

/** What the sign-in page offers: the organisation's provider, and whether local passwords are on for everyone. */
export const SignInMethodsSchema = z.object({ oidc: z.boolean(), localPasswords: z.boolean() });
export type SignInMethods = z.infer<typeof SignInMethodsSchema>;

export const OidcStartQuerySchema = z.object({ redirect: z.string().max(2000).optional() });
/** What the provider sends back (RFC 6749 §4.1.2, RFC 9207 \`iss\`); checked by openid-client, not here. */
export const OidcCallbackQuerySchema = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  iss: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
export const OidcTotpBodySchema = z.strictObject({ code: totpCode });
export const SignOutSchema = z.object({
  ok: z.literal(true),
  /** RP-initiated logout at the provider, for a session that began there: the browser goes on to it. */
  endSessionUrl: z.string().nullable(),
});
