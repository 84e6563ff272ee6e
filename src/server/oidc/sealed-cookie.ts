import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Deps } from '../context';
import { isHttps } from '../auth/session';
import type { Store } from '../store/port';

/**
 * Short-lived state the browser carries during an OpenID Connect sign-in, sealed with AES-256-GCM under
 * a key kept in the database (`server_secrets`), so any server instance can open what another sealed,
 * nobody can read or alter it, and it expires on its own. HttpOnly, sent only to /api/session/oidc.
 * Web Crypto, not node:crypto: createApp also runs in the browser (the offline demo).
 */
const keys = new WeakMap<Store, Promise<CryptoKey>>();
function key(store: Store): Promise<CryptoKey> {
  let k = keys.get(store);
  if (!k) {
    k = store
      .serverSecret('oidc-cookie')
      .then((secret) => crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)))
      .then((raw) => crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
    keys.set(store, k);
  }
  return k;
}

const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const fromBase64url = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));

export const COOKIE_PATH = '/api/session/oidc';

export type SealedCookie = { name: string; maxAgeSeconds: number; sameSite: 'Lax' | 'Strict' };

/** The pending authorization: Lax, because the provider's redirect back is a cross-site navigation. */
export const PENDING_COOKIE: SealedCookie = { name: 'oidc_pending', maxAgeSeconds: 600, sameSite: 'Lax' };
/** A provider sign-in waiting for the tracker's TOTP code (no MFA asserted, TOTP on for the account). */
export const TOTP_COOKIE: SealedCookie = { name: 'oidc_totp', maxAgeSeconds: 300, sameSite: 'Strict' };

export async function setSealed(c: Context<AppEnv>, deps: Deps, cookie: SealedCookie, value: object): Promise<void> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const exp = Date.parse(deps.clock.now()) + cookie.maxAgeSeconds * 1000;
  const plain = new TextEncoder().encode(JSON.stringify({ exp, value }));
  const additionalData = new TextEncoder().encode(cookie.name);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, await key(deps.store), plain),
  );
  const bytes = new Uint8Array(iv.length + sealed.length);
  bytes.set(iv);
  bytes.set(sealed, iv.length);
  setCookie(c, cookie.name, toBase64url(bytes), {
    httpOnly: true,
    sameSite: cookie.sameSite,
    secure: isHttps(c, deps.config),
    path: COOKIE_PATH,
    maxAge: cookie.maxAgeSeconds,
  });
}

/** The cookie's value if it is genuine and unexpired (it is removed either way: each is used once). */
export async function takeSealed<T>(c: Context<AppEnv>, deps: Deps, cookie: SealedCookie): Promise<T | null> {
  const raw = getCookie(c, cookie.name);
  if (raw === undefined) return null;
  clearSealed(c, deps, cookie);
  try {
    const bytes = fromBase64url(raw);
    const additionalData = new TextEncoder().encode(cookie.name);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, 12), additionalData },
      await key(deps.store),
      bytes.subarray(12),
    );
    const text = new TextDecoder().decode(plain);
    const { exp, value } = JSON.parse(text) as { exp: number; value: T };
    return Date.parse(deps.clock.now()) < exp ? value : null;
  } catch {
    return null; // altered, truncated or sealed under another key
  }
}

export function clearSealed(c: Context<AppEnv>, deps: Deps, cookie: SealedCookie): void {
  deleteCookie(c, cookie.name, { path: COOKIE_PATH, secure: isHttps(c, deps.config) });
}
