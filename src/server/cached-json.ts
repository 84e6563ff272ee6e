import type { Context } from 'hono';
import { memo, type PlanIndex } from '@/domain/plan';

const JSON_TYPE = 'application/json; charset=UTF-8';
const encoder = new TextEncoder();

export type CachedBody = { bytes: Uint8Array<ArrayBuffer>; etag: string };

/**
 * The serialised answer is kept with the plan index it came from (decision records 003 and 009): the
 * same question against the same revision costs a lookup, not a recomputation, a JSON.stringify and
 * a UTF-8 encoding. The bytes are shared by every response (they are only ever read: Node writes
 * them to the socket, a fetch Response copies them) and go out with an ETag computed from them once;
 * a request that already holds that ETag gets a 304 without the body.
 *
 * Only for answers that depend on nothing but the index and `key`: not on who asks (access control
 * has already run when a handler gets here), nor on anything the index does not hold.
 */
export function cachedJson(c: Context, index: PlanIndex, key: string, compute: () => unknown): Response {
  return sendBody(c, cachedBody(index, key, compute));
}

/** Sends a kept body, or 304 when the request already holds its ETag. */
export function sendBody(c: Context, { bytes, etag }: CachedBody): Response {
  if (noneMatch(c.req.header('if-none-match'), etag)) return c.body(null, 304, { ETag: etag });
  return c.body(bytes, 200, { 'Content-Type': JSON_TYPE, ETag: etag });
}

/** The body `cachedJson` sends for `key`: computed, serialised and kept on the first call for the index. */
export function cachedBody(index: PlanIndex, key: string, compute: () => unknown): CachedBody {
  return memo(index, `body:${key}`, (): CachedBody => {
    const text = JSON.stringify(compute());
    return { bytes: encoder.encode(text), etag: `"${contentHash(text)}-${text.length.toString(36)}"` };
  });
}

/** If-None-Match (RFC 9110 §13.1.2): `*`, or a list of entity tags compared weakly. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** cyrb53: a fast 53-bit string hash, as base 36 (the body's validator, not a security measure). */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
