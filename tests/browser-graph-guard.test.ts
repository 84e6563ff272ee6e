import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { browserGraphGuard } from '../scripts/lib/browser-graph-guard';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'guard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A browser build of one entry file with the guard, as vite.config.ts runs it. */
function buildEntry(source: string) {
  const entry = join(dir, `entry-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(entry, source);
  return build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    plugins: [browserGraphGuard()],
    build: { write: false, rollupOptions: { input: entry } },
  });
}

describe('the browser build refuses Node-only code (issue 20)', () => {
  it('names the import behind the blank demo: a module that reaches @node-rs/argon2', async () => {
    const passwords = join(ROOT, 'src/server/auth/passwords.ts');
    await expect(buildEntry(`export { nodeHasher } from '${passwords}';`)).rejects.toThrow(
      /passwords\.ts imports the Node-only package "@node-rs\/argon2"/,
    );
  });

  it('refuses a Node built-in imported by our own code', async () => {
    await expect(buildEntry(`import { readFileSync } from 'node:fs'; console.log(readFileSync);`)).rejects.toThrow(
      /imports the Node built-in "node:fs"/,
    );
  });

  it('builds what the browser can run: the WebAssembly hasher', async () => {
    const wasm = join(ROOT, 'src/server/auth/passwords-wasm.ts');
    await expect(buildEntry(`export { wasmHasher } from '${wasm}';`)).resolves.toBeDefined();
  });
});
