import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { countAttempt, type SignInCount, type SignInPolicy, type SignInScope } from './port';

type CountRow = { failures: number; locked_until: string | null };

/**
 * Sign-in failure counts and server secrets for the SQLite store. Each count is read and written in
 * one IMMEDIATE transaction, so neither parallel requests nor a second server can both pass a check
 * before the other's count lands. `forgetUser` keeps the account cache exact (decision record 009).
 */
export function signInQueries(db: Database.Database, forgetUser: (id: string) => void) {
  const readAccount = db.prepare('SELECT failed_logins AS failures, locked_until FROM users WHERE id = ?');
  const writeAccount = db.prepare('UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?');
  const readDevice = db.prepare(
    'SELECT failures, locked_until FROM device_sign_ins WHERE device_id = ? AND user_id = ?',
  );
  const writeDevice = db.prepare(
    `INSERT INTO device_sign_ins VALUES (@deviceId, @userId, @failures, @lockedUntil)
     ON CONFLICT (device_id) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until`,
  );
  const toCount = (row: CountRow | undefined): SignInCount => ({
    failures: row?.failures ?? 0,
    lockedUntil: row?.locked_until ?? null,
  });

  const count = db.transaction((scope: SignInScope, now: string, policy: SignInPolicy) => {
    const { deviceId, userId } = scope;
    const stored = deviceId ? readDevice.get(deviceId, userId) : readAccount.get(userId);
    if (!deviceId && !stored) return { allowed: false, lockedNow: false, lockedUntil: null };
    const { gate, next } = countAttempt(toCount(stored as CountRow | undefined), now, policy);
    if (gate.allowed) {
      if (deviceId) writeDevice.run({ deviceId, userId, ...next });
      else writeAccount.run(next.failures, next.lockedUntil, userId);
    }
    return gate;
  });
  const clear = db.prepare(
    `UPDATE users SET failed_logins = 0, locked_until = NULL
     WHERE id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)`,
  );
  const insertSecret = db.prepare('INSERT OR IGNORE INTO server_secrets VALUES (?, ?)');
  const readSecret = db.prepare('SELECT value FROM server_secrets WHERE name = ?').pluck();

  return {
    countSignInAttempt: (scope: SignInScope, now: string, policy: SignInPolicy) => {
      try {
        return count.immediate(scope, now, policy);
      } finally {
        forgetUser(scope.userId);
      }
    },
    clearSignInFailures: ({ userId, deviceId }: SignInScope) => {
      try {
        if (deviceId) db.prepare('DELETE FROM device_sign_ins WHERE device_id = ?').run(deviceId);
        else clear.run(userId);
      } finally {
        forgetUser(userId);
      }
    },
    serverSecret: (name: string) => {
      insertSecret.run(name, randomBytes(32).toString('base64url'));
      return String(readSecret.get(name));
    },
  };
}
