import { z } from 'zod';
import { describeSchedule, parseSchedule, type BackupSchedule } from './backups/schedule';

/** The server's configuration, parsed once at start-up; a bad value stops it with a clear message. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)/, {
      message: 'DATABASE_URL must look like file:path/to/tracker.db or postgres://user:password@host:5432/database',
    })
    .default('file:data/tracker.db'),
  /** PostgreSQL only: connections each instance keeps open at most. */
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  STATIC_DIR: z.string().default('dist/client'),
  /** The first administrator's sign-in name, created on first start when there are no users. */
  ADMIN_EMAIL: z.email().default('admin@tracker.local'),
  /** "true": every role must use TOTP, not only administrators. */
  TOTP_REQUIRED_FOR_ALL: z.enum(['true', 'false']).default('false'),
  /** "true" behind a reverse proxy that sets X-Forwarded-Proto/-For/-Host (and terminates HTTPS). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** smtp://user:pass@host:587 or smtps://…: mail reminders go out through it; unset, they stay in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, { message: 'SMTP_URL must look like smtp://host:587 or smtps://user:pass@host:465' })
    .optional(),
  /** The sender of reminder mails. */
  SMTP_FROM: z.string().min(3).default('tracker@localhost'),
  /** The tracker's address as users reach it, for links in mails. */
  PUBLIC_URL: z.url().default('http://localhost:8080'),
  /** A folder for scheduled backups (decision record 021); unset, the server takes none. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** `30m`, `6h`, `1d`: a backup every so long; else daily at BACKUP_AT. */
  BACKUP_EVERY: z.string().optional(),
  /** HH:MM in Tokyo for the daily backup (default 03:00). */
  BACKUP_AT: z.string().optional(),
  /** Backups kept in BACKUP_DIR; older ones are deleted after each new one verifies. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(12),
});
export type Env = z.infer<typeof EnvSchema>;

/** The scheduled backups' settings, or null when BACKUP_DIR is unset; a bad schedule stops the server. */
export function backupConfig(env: Env): { dir: string; schedule: BackupSchedule; keep: number } | null {
  if (!env.BACKUP_DIR) {
    if (env.BACKUP_EVERY || env.BACKUP_AT)
      throw new Error('invalid configuration: BACKUP_EVERY/BACKUP_AT need BACKUP_DIR');
    return null;
  }
  return { dir: env.BACKUP_DIR, schedule: parseSchedule(env.BACKUP_EVERY, env.BACKUP_AT), keep: env.BACKUP_KEEP };
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    throw new Error(
      `invalid configuration:\n${result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  return result.data;
}

export function databasePath(url: string): string {
  return url.replace(/^file:/, '');
}

export function appConfig(env: Env) {
  return {
    requireTotpForAll: env.TOTP_REQUIRED_FOR_ALL === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
    publicUrl: env.PUBLIC_URL.replace(/\/+$/, ''),
    backups: ((b) => b && { dir: b.dir, every: describeSchedule(b.schedule), keep: b.keep })(backupConfig(env)),
  };
}
