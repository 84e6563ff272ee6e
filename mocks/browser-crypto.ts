/**
 * The five node:crypto functions createApp's code uses, for the browser demo: Vite maps `node:crypto`
 * here in mock mode (vite.config.ts). Random values and UUIDs come from Web Crypto; SHA-256 and
 * HMAC-SHA-1 from hash-wasm, whose hashers are synchronous once loaded, as node:crypto's are (the
 * session lookup and TOTP check are synchronous). browser-crypto.test.ts checks each against Node's.
 * See docs/decisions/010-injected-hasher-and-static-demo.md.
 */
import { createSHA1, createSHA256, type IHasher } from 'hash-wasm';

const [sha1, sha256] = await Promise.all([createSHA1(), createSHA256()]);

/** What the app reads of a Buffer from randomBytes: its bytes and `toString('base64url' | 'hex')`. */
class Bytes extends Uint8Array {
  override toString(encoding: 'base64url' | 'hex' = 'hex'): string {
    if (encoding === 'hex') return Array.from(this, (b) => b.toString(16).padStart(2, '0')).join('');
    return btoa(String.fromCharCode(...this))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  }
}

export function randomBytes(size: number): Bytes {
  return crypto.getRandomValues(new Bytes(size));
}

export function randomUUID(): string {
  return crypto.randomUUID();
}

export function hash(algorithm: string, data: string, encoding: string): string {
  if (algorithm !== 'sha256' || encoding !== 'hex') throw new Error(`hash(${algorithm}, ${encoding}) is not provided`);
  return sha256.init().update(data).digest('hex');
}

export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length');
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const BLOCK = 64; // SHA-1's and SHA-256's block size in bytes (RFC 2104)
const bytes = (data: Uint8Array | string): Uint8Array =>
  typeof data === 'string' ? new TextEncoder().encode(data) : data;

function digest(hasher: IHasher, ...parts: Uint8Array[]): Uint8Array {
  hasher.init();
  for (const part of parts) hasher.update(part);
  return hasher.digest('binary');
}

/** HMAC-SHA-1 (TOTP) and HMAC-SHA-256 (the device cookie); a digest as bytes, or as text when asked. */
export function createHmac(algorithm: string, key: Uint8Array | string) {
  const hasher = algorithm === 'sha1' ? sha1 : algorithm === 'sha256' ? sha256 : null;
  if (!hasher) throw new Error(`createHmac(${algorithm}) is not provided`);
  const keyBytes = bytes(key);
  const block = new Uint8Array(BLOCK);
  block.set(keyBytes.length > BLOCK ? digest(hasher, keyBytes) : keyBytes);
  const parts: Uint8Array[] = [];
  function result(): Uint8Array;
  function result(encoding: 'base64url' | 'hex'): string;
  function result(encoding?: 'base64url' | 'hex'): Uint8Array | string {
    const inner = digest(
      hasher!,
      block.map((b) => b ^ 0x36),
      ...parts,
    );
    const mac = digest(
      hasher!,
      block.map((b) => b ^ 0x5c),
      inner,
    );
    return encoding ? new Bytes(mac).toString(encoding) : mac;
  }
  const hmac = {
    update: (data: Uint8Array | string) => {
      parts.push(bytes(data));
      return hmac;
    },
    digest: result,
  };
  return hmac;
}
