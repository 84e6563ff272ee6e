/**
 * Password hashing is injected into createApp (like the store and the clock): the server passes the
 * native argon2 (passwords.ts), the in-browser demo the WebAssembly one (passwords-wasm.ts). Both
 * write and read the same PHC strings ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash"), so a hash made by
 * one verifies with the other. See docs/decisions/010-injected-hasher-and-static-demo.md.
 */
export type PasswordHasher = {
  hash: (password: string) => Promise<string>;
  /** True when the password matches the stored PHC string; may throw on a malformed one. */
  verify: (stored: string, password: string) => Promise<boolean>;
};

/** argon2id at OWASP's baseline: 19 MiB, 2 iterations, 1 lane, a 32-byte hash. */
export const ARGON2_PARAMS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, hashLength: 32 } as const;

/** What the routes call: a malformed stored hash is a failed check, never a 500. */
export function passwordFunctions(hasher: PasswordHasher) {
  const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
    try {
      return await hasher.verify(stored, password);
    } catch {
      return false;
    }
  };
  let dummy: Promise<string> | null = null;
  /** Spends the same time as a real check, so response times do not reveal which emails exist. */
  const verifyAgainstDummy = async (password: string): Promise<false> => {
    dummy ??= hasher.hash('not-a-real-password-for-timing-only');
    await verifyPassword(await dummy, password);
    return false;
  };
  return { hashPassword: (password: string) => hasher.hash(password), verifyPassword, verifyAgainstDummy };
}
