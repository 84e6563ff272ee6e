import type { PublicUser, Session } from '@/domain/contract';

/** A session that must change its password or enrol TOTP may go nowhere else first. */
export function requiredPath(session: Session): '/account/password' | '/account/totp' | null {
  if (session.requires.includes('password_change')) return '/account/password';
  if (session.requires.includes('totp_enrolment')) return '/account/totp';
  return null;
}

/** Where a user lands after signing in: a liaison on their own ministry's page. */
export function homeFor(user: Pick<PublicUser, 'role' | 'ministryId'>): string {
  return user.role === 'liaison' && user.ministryId ? `/ministries/${encodeURIComponent(user.ministryId)}` : '/';
}

/** Only a path on this site: "//evil.example" or "https://…" would make sign-in an open redirect. */
export function safeRedirect(value: string | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value === '/login' || value.startsWith('/login?')) return null;
  return value;
}

/** After sign-in or a finished set-up step: the next required step (keeping where the user was going), else there. */
export function nextPath(session: Session, redirect: string | undefined): string {
  const target = safeRedirect(redirect);
  const required = requiredPath(session);
  if (required) return target ? `${required}?redirect=${encodeURIComponent(target)}` : required;
  return target ?? homeFor(session.user);
}
