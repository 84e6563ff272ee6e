import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 6238 time-based one-time passwords (SHA-1, 30-second steps, 6 digits), as authenticator apps expect. */
const STEP_SECONDS = 30;
const DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const utf8 = new TextEncoder();

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const idx = ALPHABET.indexOf(ch);
    if (idx < 0) throw new Error('invalid base32');
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** HOTP (RFC 4226) for a counter; TOTP is HOTP of the time step. */
export function hotp(secret: Uint8Array, counter: number, digits = DIGITS): string {
  // Uint8Array and DataView rather than Buffer: this also runs in the browser demo (docs/decisions/010).
  const msg = new Uint8Array(8);
  new DataView(msg.buffer).setBigUint64(0, BigInt(counter));
  const mac = createHmac('sha1', secret).update(msg).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  const code = (new DataView(mac.buffer, mac.byteOffset, mac.byteLength).getUint32(offset) & 0x7fffffff) % 10 ** digits;
  return String(code).padStart(digits, '0');
}

export function totpAt(secretBase32: string, unixSeconds: number, digits = DIGITS): string {
  return hotp(base32Decode(secretBase32), Math.floor(unixSeconds / STEP_SECONDS), digits);
}

/** A code checked: the time step it was accepted for, or why it was refused. */
export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' };

/**
 * Checks a code against the current step and one either side (clocks a little apart). A code for a
 * step at or before `lastStep` is `replayed`: a code seen once, by an eavesdropper or over a shoulder,
 * cannot be used again while still within its window (RFC 6238 §5.2).
 */
export function checkTotp(
  secretBase32: string,
  code: string,
  unixSeconds: number,
  lastStep: number | null = null,
): TotpCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: 'invalid' };
  const secret = base32Decode(secretBase32);
  const step = Math.floor(unixSeconds / STEP_SECONDS);
  let matched: number | null = null;
  // Every candidate is compared, in constant time, whichever matches.
  for (const s of [step - 1, step, step + 1]) {
    if (timingSafeEqual(utf8.encode(hotp(secret, s)), utf8.encode(code))) matched = s;
  }
  if (matched === null) return { ok: false, reason: 'invalid' };
  if (lastStep !== null && matched <= lastStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step: matched };
}

export function verifyTotp(secretBase32: string, code: string, unixSeconds: number): boolean {
  return checkTotp(secretBase32, code, unixSeconds).ok;
}

export function otpauthUri(secretBase32: string, account: string, issuer = 'NISC Strategy Tracker'): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  return `otpauth://totp/${label}?secret=${secretBase32}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=${DIGITS}&period=${STEP_SECONDS}`;
}
