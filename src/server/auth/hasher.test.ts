import { describe, expect, it } from 'vitest';
import { passwordFunctions } from './hasher';
import { nodeHasher } from './passwords';
import { wasmHasher } from './passwords-wasm';

const PHC = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

describe('the injected hashers: native argon2 (server) and WebAssembly (browser demo)', () => {
  it('write the same PHC string format with the same parameters', async () => {
    expect(await nodeHasher.hash('correct horse battery staple')).toMatch(PHC);
    expect(await wasmHasher.hash('correct horse battery staple')).toMatch(PHC);
  });

  it('verify each other’s hashes, and refuse a wrong password', async () => {
    const password = 'パスワード-kasumigaseki-2015!';
    const fromNode = await nodeHasher.hash(password);
    const fromWasm = await wasmHasher.hash(password);
    expect(await wasmHasher.verify(fromNode, password)).toBe(true);
    expect(await nodeHasher.verify(fromWasm, password)).toBe(true);
    expect(await wasmHasher.verify(fromNode, `${password}x`)).toBe(false);
    expect(await nodeHasher.verify(fromWasm, `${password}x`)).toBe(false);
  });

  it('treat a malformed stored hash as a failed check, not an error', async () => {
    for (const hasher of [nodeHasher, wasmHasher]) {
      const { verifyPassword, verifyAgainstDummy } = passwordFunctions(hasher);
      expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
      expect(await verifyAgainstDummy('anything')).toBe(false);
    }
  });
});
