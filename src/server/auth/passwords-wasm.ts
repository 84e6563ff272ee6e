import { argon2Verify, argon2id } from 'hash-wasm';
import { ARGON2_PARAMS, type PasswordHasher } from './hasher';

/** argon2id in WebAssembly (hash-wasm): the in-browser demo's hasher; also runs in Node. */
export const wasmHasher: PasswordHasher = {
  hash: (password) =>
    argon2id({
      password,
      salt: crypto.getRandomValues(new Uint8Array(16)),
      memorySize: ARGON2_PARAMS.memoryCost,
      iterations: ARGON2_PARAMS.timeCost,
      parallelism: ARGON2_PARAMS.parallelism,
      hashLength: ARGON2_PARAMS.hashLength,
      outputType: 'encoded',
    }),
  verify: (stored, password) => argon2Verify({ password, hash: stored }),
};
