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

const BLOCK = 64; // SHA-1's block size in bytes (RFC 2104)

function digest(hasher: IHasher, ...parts: Uint8Array[]): Uint8Array {
  hasher.init();
  for (const part of parts) hasher.update(part);
  return hasher.digest('binary');
}

export function createHmac(algorithm: string, key: Uint8Array) {
  if (algorithm !== 'sha1') throw new Error(`createHmac(${algorithm}) is not provided`);
  const block = new Uint8Array(BLOCK);
  block.set(key.length > BLOCK ? digest(sha1, key) : key);
  const parts: Uint8Array[] = [];
  const hmac = {
    update: (data: Uint8Array) => {
      parts.push(data);
      return hmac;
    },
    digest: (): Uint8Array => {
      const inner = digest(
        sha1,
        block.map((b) => b ^ 0x36),
        ...parts,
      );
      return digest(
        sha1,
        block.map((b) => b ^ 0x5c),
        inner,
      );
    },
  };
  return hmac;
}
