import type { BackupList } from '@/domain/contract';
import type { Clock } from './clock';
import type { PasswordHasher } from './auth/hasher';
import type { Throttle } from './auth/throttle';
import type { RelyingParty } from './oidc/types';
import type { SessionRecord, Store, UserRecord } from './store/port';

export type AppConfig = {
  /** Require TOTP for every role, not only administrators. */
  requireTotpForAll: boolean;
  /** Trust X-Forwarded-Proto/-Host/-For from a reverse proxy in front of the app. */
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Consecutive failed sign-ins before an account locks, and for how long. */
  lockAfterFailures: number;
  lockMinutes: number;
  /** LOCAL_PASSWORDS: false lets only the named administrators sign in with a password (issue 14). */
  localPasswords: boolean;
  /** The break-glass administrators' emails (lower case) who keep their password when it is off. */
  localPasswordAdmins: string[];
  /** The tracker's address as users reach it: links in mails (PUBLIC_URL). */
  publicUrl: string;
  /** Scheduled backups as this instance runs them (BACKUP_DIR …), shown to administrators; null: none. */
  backups: BackupList['schedule'];
};

export const DEFAULT_CONFIG: AppConfig = {
  requireTotpForAll: false,
  trustProxy: false,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockAfterFailures: 5,
  lockMinutes: 15,
  localPasswords: true,
  localPasswordAdmins: [],
  publicUrl: 'http://localhost:8080',
  backups: null,
};

/** Whether the user may sign in with the tracker's own password under the deployment's policy. */
export function passwordAllowed(user: Pick<UserRecord, 'email' | 'role'>, config: AppConfig): boolean {
  return config.localPasswords || (user.role === 'nisc_admin' && config.localPasswordAdmins.includes(user.email));
}

/** What every route handler can reach: injected, never imported (fastify/demo's rule). */
export type Deps = {
  store: Store;
  clock: Clock;
  config: AppConfig;
  throttle: Throttle;
  hasher: PasswordHasher;
  /** The organisation's OpenID Connect provider, when configured (oidc/relying-party.ts). */
  oidc?: RelyingParty | null;
};

export type AppEnv = {
  Variables: {
    requestId: string;
    user: UserRecord | null;
    session: SessionRecord | null;
    /**
     * The plan revision read with the session, at the start of this request (auth/session.ts); null
     * when none was. A read-only handler's plan is at least this new (plan-cache.ts).
     */
    revision: number | null;
  };
};
