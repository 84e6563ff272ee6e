import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Deps } from '../context';
import type { Store } from '../store/port';
import { isHttps, safeEqual } from './session';

/**
 * The device cookie (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): issued at every
 * successful sign-in, it names the user and a random nonce, signed with a key kept in the database.
 * A sign-in that brings a valid one for the account it names is counted against that device only,
 * so a stranger who locks the account out does not lock out its owner's own browser.
 */
export const DEVICE_COOKIE = 'did';
const MAX_AGE_DAYS = 180;

const keys = new WeakMap<Store, Promise<string>>();
function key(store: Store): Promise<string> {
  let k = keys.get(store);
  if (!k) keys.set(store, (k = store.serverSecret('device-cookie')));
  return k;
}
const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** Sets a fresh device cookie for the user; it is sent only to the sign-in route. */
export async function issueDeviceCookie(c: Context<AppEnv>, deps: Deps, userId: string): Promise<void> {
  const issued = Math.floor(Date.parse(deps.clock.now()) / 1000);
  const payload = `${userId}.${randomBytes(16).toString('base64url')}.${issued}`;
  setCookie(c, DEVICE_COOKIE, `${payload}.${mac(await key(deps.store), payload)}`, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, deps.config),
    path: '/api/session',
    maxAge: MAX_AGE_DAYS * 86_400,
  });
}

/** The nonce of the request's device cookie if it is genuine, unexpired and names this user; else null. */
export async function trustedDevice(c: Context<AppEnv>, deps: Deps, userId: string): Promise<string | null> {
  const parts = (getCookie(c, DEVICE_COOKIE) ?? '').split('.');
  if (parts.length !== 4) return null;
  const [user, nonce, issued, signature] = parts as [string, string, string, string];
  if (user !== userId || !/^\d{1,12}$/.test(issued)) return null;
  const age = Date.parse(deps.clock.now()) / 1000 - Number(issued);
  if (age < 0 || age > MAX_AGE_DAYS * 86_400) return null;
  return safeEqual(signature, mac(await key(deps.store), `${user}.${nonce}.${issued}`)) ? nonce : null;
}
