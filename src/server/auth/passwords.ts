import { hash, verify } from '@node-rs/argon2';
import { ARGON2_PARAMS, type PasswordHasher } from './hasher';

/**
 * The server's hasher: native argon2id (Node only; main.ts, the CLI and tests pass it to createApp).
 * The browser demo uses passwords-wasm.ts instead; nothing in createApp's graph imports this file.
 */
export const nodeHasher: PasswordHasher = {
  hash: (password) =>
    hash(password, {
      algorithm: 2 /* Argon2id */,
      memoryCost: ARGON2_PARAMS.memoryCost,
      timeCost: ARGON2_PARAMS.timeCost,
      parallelism: ARGON2_PARAMS.parallelism,
      outputLen: ARGON2_PARAMS.hashLength,
    }),
  verify: (stored, password) => verify(stored, password),
};
