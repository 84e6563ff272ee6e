import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import { createWorld } from '../../tests/support/world';
import { serveSpa } from './static';

/** The built client as main.ts serves it, from a folder shaped like dist/client. */
const root = mkdtempSync(join(tmpdir(), 'spa-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><title>tracker</title>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)\n//# sourceMappingURL=index-abc.js.map');
writeFileSync(join(root, 'assets', 'index-abc.js.map'), '{"sources":["../../src/client/main.tsx"]}');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('static files', () => {
  it('serves the client, but never a source map', async () => {
    const { app } = await createWorld();
    serveSpa(app, root);
    expect((await app.request('/assets/index-abc.js')).status).toBe(200);
    for (const path of ['/assets/index-abc.js.map', '/assets/INDEX-ABC.JS.MAP', '/assets/missing.js.map']) {
      const res = await app.request(path);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('sources');
    }
    expect(await (await app.request('/measures/x')).text()).toContain('<title>tracker</title>'); // client routes
  });

  it.each(['production', 'mock'])('builds without source maps (mode %s)', (mode) => {
    const config = viteConfig({ mode, command: 'build' }) as { build?: { sourcemap?: unknown } };
    expect(config.build?.sourcemap).toBe(false);
  });
});
