import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { countAttempt, type SignInPolicy, type SignInScope, type Throttle, type ThrottlePolicy } from './port';
import { transaction, type Sql } from './pg-client';

type CountRow = { failures: number; locked_until: string | null };

/**
 * Sign-in failure counts, the sliding windows of failures per address and per re-authenticating
 * account, and server secrets, in PostgreSQL so that every instance counts against the same numbers.
 * Each check-and-count is one transaction holding a row lock (the account's, the device's) or a
 * transaction-scoped advisory lock on the window's key: parallel attempts on any instances queue
 * there, so none can pass a check before another's count lands.
 */
export function pgSignIn(pool: pg.Pool, sql: Sql) {
  const countSignInAttempt = (scope: SignInScope, now: string, policy: SignInPolicy) =>
    transaction(pool, async (tx) => {
      const { deviceId, userId } = scope;
      if (deviceId) {
        // The row must exist to be locked: a first attempt from this device creates it (if the user does).
        await tx.run(
          `INSERT INTO device_sign_ins (device_id, user_id, failures, locked_until)
           SELECT $1, id, 0, NULL FROM users WHERE id = $2 ON CONFLICT (device_id) DO NOTHING`,
          [deviceId, userId],
        );
      }
      const stored = deviceId
        ? await tx.one<CountRow>(
            'SELECT failures, locked_until FROM device_sign_ins WHERE device_id = $1 AND user_id = $2 FOR UPDATE',
            [deviceId, userId],
          )
        : await tx.one<CountRow>('SELECT failed_logins AS failures, locked_until FROM users WHERE id = $1 FOR UPDATE', [
            userId,
          ]);
      if (!deviceId && !stored) return { allowed: false, lockedNow: false, lockedUntil: null };
      const { gate, next } = countAttempt(
        { failures: stored?.failures ?? 0, lockedUntil: stored?.locked_until ?? null },
        now,
        policy,
      );
      if (gate.allowed && stored) {
        if (deviceId)
          await tx.run('UPDATE device_sign_ins SET failures = $1, locked_until = $2 WHERE device_id = $3', [
            next.failures,
            next.lockedUntil,
            deviceId,
          ]);
        else
          await tx.run('UPDATE users SET failed_logins = $1, locked_until = $2 WHERE id = $3', [
            next.failures,
            next.lockedUntil,
            userId,
          ]);
      }
      return gate;
    });

  return {
    countSignInAttempt,
    clearSignInFailures: async ({ userId, deviceId }: SignInScope) => {
      if (deviceId) await sql.run('DELETE FROM device_sign_ins WHERE device_id = $1', [deviceId]);
      else
        await sql.run(
          `UPDATE users SET failed_logins = 0, locked_until = NULL
           WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)`,
          [userId],
        );
    },
    serverSecret: async (name: string) => {
      await sql.run('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
        name,
        randomBytes(32).toString('base64url'),
      ]);
      return String(
        (await sql.one<{ value: string }>('SELECT value FROM server_secrets WHERE name = $1', [name]))!.value,
      );
    },
    throttle: (scope: string, policy: ThrottlePolicy) => pgThrottle(pool, sql, scope, policy),
  };
}

/** The wait until `key` may try again given its failures within the window (oldest first), or 0. */
const waitFor = (times: number[], nowMs: number, { limit, windowMs }: ThrottlePolicy) =>
  times.length >= limit ? windowMs - (nowMs - times[times.length - limit]!) : 0;

function pgThrottle(pool: pg.Pool, sql: Sql, scope: string, policy: ThrottlePolicy): Throttle {
  const recent = async (q: Sql, key: string, nowMs: number) =>
    (
      await q.rows<{ at_ms: string }>(
        'SELECT at_ms FROM throttle_failures WHERE scope = $1 AND key = $2 AND at_ms > $3 ORDER BY at_ms',
        [scope, key, nowMs - policy.windowMs],
      )
    ).map((r) => Number(r.at_ms));
  let sinceSweep = 0;
  return {
    retryAfter: async (key, nowMs) => waitFor(await recent(sql, key, nowMs), nowMs, policy),
    begin: (key, nowMs) =>
      transaction(pool, async (tx) => {
        await tx.run('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [scope, key]);
        const wait = waitFor(await recent(tx, key, nowMs), nowMs, policy);
        if (wait === 0) {
          await tx.run('INSERT INTO throttle_failures (scope, key, at_ms) VALUES ($1, $2, $3)', [scope, key, nowMs]);
          // Now and then, forget failures older than any window (a cheap, indexed delete).
          if (++sinceSweep >= 100) {
            sinceSweep = 0;
            await tx.run('DELETE FROM throttle_failures WHERE scope = $1 AND at_ms <= $2', [
              scope,
              nowMs - policy.windowMs,
            ]);
          }
        }
        return wait;
      }),
    forgive: async (key, at) => {
      await sql.run(
        `DELETE FROM throttle_failures WHERE id = (
           SELECT id FROM throttle_failures WHERE scope = $1 AND key = $2 AND at_ms = $3 ORDER BY id DESC LIMIT 1)`,
        [scope, key, at],
      );
    },
  };
}
