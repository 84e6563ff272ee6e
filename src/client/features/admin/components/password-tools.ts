/** A temporary password that passes the server's rules: 20 random characters in groups, easy to read out. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export function isLocked(lockedUntil: string | null, now = Date.now()): boolean {
  return !!lockedUntil && Date.parse(lockedUntil) > now;
}
