import { z } from 'zod';
import type { LocalizedText } from '@/domain/plan';
import { COMMON_PASSWORDS } from './common-passwords';

/** Who may do what (DESIGN.md §1). Enforced on the server for every route; the UI only mirrors it. */
export const USER_ROLES = ['nisc_admin', 'nisc_staff', 'liaison', 'viewer'] as const;
export const UserRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof UserRoleSchema>;

export const USER_ROLE_LABELS: Record<UserRole, LocalizedText> = {
  nisc_admin: { ja: 'NISC管理者', en: 'NISC administrator' },
  nisc_staff: { ja: 'NISC職員', en: 'NISC staff' },
  liaison: { ja: '府省庁担当者', en: 'Ministry liaison' },
  viewer: { ja: '閲覧者', en: 'Viewer' },
};

export const PERMISSIONS = [
  'plan.read',
  'measure.update',
  'assignment.update',
  'assignment.confirm',
  'submission.create',
  'submission.read',
  'submission.review',
  'milestone.update',
  'audit.read',
  'user.manage',
  'self.manage',
  /** Issue 5: a ministry's annual results, its collection template and importing it (own ministry for a liaison). */
  'progress.report',
  /** Issue 12: open, extend and close reporting rounds (照会); accept or return their answers. */
  'round.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<UserRole, readonly Permission[]> = {
  nisc_admin: PERMISSIONS,
  nisc_staff: [
    'plan.read',
    'measure.update',
    'assignment.update',
    'assignment.confirm',
    'submission.read',
    'submission.review',
    'self.manage',
    'progress.report',
    'round.manage',
  ],
  liaison: ['plan.read', 'submission.create', 'submission.read', 'self.manage', 'progress.report'],
  viewer: ['plan.read', 'self.manage'],
};

export function can(role: UserRole, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** A liaison acts only for the ministry they are bound to; NISC roles are not bound. */
export function actsFor(user: { role: UserRole; ministryId: string | null }, ministryId: string): boolean {
  return user.role === 'liaison' ? user.ministryId === ministryId : can(user.role, 'assignment.update');
}

/** TOTP is required for administrators always, and for everyone when the deployment says so. */
export function totpRequired(role: UserRole, requireForAll: boolean): boolean {
  return requireForAll || role === 'nisc_admin';
}

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_identity' | 'repetitive';

export const PASSWORD_PROBLEM_LABELS: Record<PasswordProblem, LocalizedText> = {
  too_short: { ja: `パスワードは${PASSWORD_MIN}文字以上にしてください`, en: `Use at least ${PASSWORD_MIN} characters` },
  too_long: { ja: `パスワードは${PASSWORD_MAX}文字以下にしてください`, en: `Use at most ${PASSWORD_MAX} characters` },
  common: { ja: 'よく使われるパスワードは使えません', en: 'This password is too common' },
  contains_identity: {
    ja: 'メールアドレスや氏名を含むパスワードは使えません',
    en: 'Do not use your email address or name in the password',
  },
  repetitive: {
    ja: '同じ文字や連続した文字の繰り返しは使えません',
    en: 'Do not use repeated or sequential characters',
  },
};

/** ASVS 2.1: length over composition, refuse common and guessable passwords; no other rules. */
export function passwordProblems(
  password: string,
  identity: { email?: string; name?: string } = {},
): PasswordProblem[] {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN) return ['too_short'];
  if (chars.length > PASSWORD_MAX) return ['too_long'];
  const lower = password.normalize('NFKC').toLowerCase();
  const problems: PasswordProblem[] = [];
  const stripped = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '');
  // Short passwords built around a common one are refused; long passphrases may contain a word.
  const embedsCommon = chars.length < 16 && [...COMMON_PASSWORDS].some((p) => p.length >= 8 && lower.includes(p));
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped) || embedsCommon) {
    problems.push('common');
  }
  const local = identity.email?.split('@')[0]?.toLowerCase();
  const nameParts = (identity.name ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((p) => p.length >= 3);
  if ((local && local.length >= 3 && lower.includes(local)) || nameParts.some((p) => lower.includes(p)))
    problems.push('contains_identity');
  if (new Set(chars).size <= 3 || isSequential(lower)) problems.push('repetitive');
  return problems;
}

function isSequential(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((c, i) => c - codes[i]!));
  return steps.size === 1 && [1, -1, 0].includes([...steps][0]!);
}
