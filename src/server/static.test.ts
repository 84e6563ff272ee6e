import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import viteConfig from '../../vite.config';
import { chunkPlan, routesOf } from '../../scripts/lib/first-load';
import { overviewRequests } from '@/domain/contract';
import { createWorld } from '../../tests/support/world';
import { matchesRoute, serveSpa } from './static';

/** The built client as main.ts serves it, from a folder shaped like dist/client. */
const root = mkdtempSync(join(tmpdir(), 'spa-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><title>tracker</title></head><body></body></html>');
writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)\n//# sourceMappingURL=index-abc.js.map');
writeFileSync(join(root, 'assets', 'index-abc.js.map'), '{"sources":["../../src/client/main.tsx"]}');
// A chunk big enough to be worth compressing, with a stale `.gz` beside it (an older build's).
const chunk = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `行 row ${i}`))};\n`;
writeFileSync(join(root, 'assets', 'overview-page-xyz.js'), chunk);
writeFileSync(join(root, 'assets', 'overview-page-xyz.js.gz'), gzipSync('export const stale = true;'));
writeFileSync(join(root, 'assets', 'overview-page-xyz.css'), '.overview{}');
writeFileSync(
  join(root, 'route-preloads.json'),
  JSON.stringify({
    '/': { js: ['/assets/overview-page-xyz.js'], css: ['/assets/overview-page-xyz.css'] },
    '/measures/$measureId': { js: ['/assets/measure-page-q.js'], css: [] },
  }),
);
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

  it('caches hashed assets for a year, revalidates the page, and answers 304 to a matching ETag', async () => {
    const { app } = await createWorld();
    serveSpa(app, root);
    const asset = await app.request('/assets/overview-page-xyz.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await app.request('/');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    for (const [path, res] of [
      ['/assets/overview-page-xyz.js', asset],
      ['/', page],
    ] as const) {
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await app.request(path, { headers: { 'if-none-match': etag } });
      expect(again.status).toBe(304);
    }
    expect(
      (await app.request('/assets/overview-page-xyz.js', { headers: { 'if-none-match': '"other"' } })).status,
    ).toBe(200);
  });

  it('sends brotli or gzip as the browser accepts, never a stale precompressed file', async () => {
    const { app } = await createWorld();
    serveSpa(app, root);
    const get = (encoding: string) =>
      app.request('/assets/overview-page-xyz.js', { headers: { 'accept-encoding': encoding } });
    const br = await get('gzip, deflate, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(chunk);
    const gz = await get('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    // The .gz on disk holds other content: it is compressed again rather than sent.
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(chunk);
    const plain = await get('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(chunk);
    expect(plain.headers.get('vary')).toContain('Accept-Encoding');
  });

  it('lists the page’s own chunks as modulepreload in its index.html, and keeps the build’s files private', async () => {
    const { app } = await createWorld();
    serveSpa(app, root);
    const overview = await (await app.request('/?asOf=2018-03-31')).text();
    expect(overview).toContain('<link rel="modulepreload" crossorigin href="/assets/overview-page-xyz.js">');
    expect(overview).toContain('<link rel="stylesheet" crossorigin href="/assets/overview-page-xyz.css">');
    const measure = await (await app.request('/measures/m-1')).text();
    expect(measure).toContain('href="/assets/measure-page-q.js"');
    expect(measure).not.toContain('overview-page');
    expect(await (await app.request('/timeline')).text()).not.toContain('modulepreload');
    for (const path of ['/route-preloads.json', '/assets/overview-page-xyz.js.gz', '/assets/gone-123.js']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('starts the overview’s API requests from its index.html for a browser with a session cookie', async () => {
    const { app } = await createWorld();
    serveSpa(app, root);
    const preloads = (html: string) =>
      [...html.matchAll(/<link rel="preload" as="fetch" crossorigin(?: fetchpriority="low")? href="([^"]+)">/g)].map(
        (m) => m[1]!.replaceAll('&amp;', '&'),
      );
    const withCookie = { headers: { cookie: 'lang=ja; sid=abcdefghijklmnopqrstuvwxyz012345' } };
    const dated = await app.request('/?asOf=2018-03-31', withCookie);
    expect(dated.status).toBe(200);
    expect(dated.headers.get('cache-control')).toBe('no-cache');
    expect(dated.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await dated.text();
    expect(preloads(html)).toEqual(overviewRequests('2018-03-31').map((r) => r.url));
    // What the first screen shows first, at normal priority; what the charts below the fold need
    // after it, at low priority, so that it holds up neither the scripts nor the headline figures.
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/session">');
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/dashboard?asOf=2018-03-31">');
    expect(html).toContain('crossorigin fetchpriority="low" href="/api/strategy"');
    expect(html).toContain('<link rel="preload" as="fetch" crossorigin href="/api/ministries">');
    expect(html.indexOf('/api/dashboard')).toBeLessThan(html.indexOf('/api/strategy'));
    expect(html).toContain('href="/api/stats?asOf=2018-03-31&amp;granularity=quarter&amp;scope=tokyo2020"');
    // After the page's own scripts, which the browser should ask for first.
    expect(html.indexOf('rel="preload"')).toBeGreaterThan(html.indexOf('overview-page-xyz.js'));
    // No date, or one that is not a date: today's figures, as the page asks for them.
    for (const url of ['/', '/?asOf=2018-02-30', '/?asOf="><script>']) {
      const body = await (await app.request(url, withCookie)).text();
      expect(preloads(body), url).toEqual(overviewRequests(undefined).map((r) => r.url));
      expect(body).not.toContain('<script>');
    }
    // Without a session the requests would only be refused; other pages have none listed.
    expect(preloads(await (await app.request('/?asOf=2018-03-31')).text())).toEqual([]);
    expect(preloads(await (await app.request('/?asOf=2018-03-31', { headers: { cookie: 'xsid=1' } })).text())).toEqual(
      [],
    );
    expect(preloads(await (await app.request('/measures/m-1', withCookie)).text())).toEqual([]);
  });

  it.each([
    { pattern: '/', path: '/', match: true },
    { pattern: '/', path: '/measures', match: false },
    { pattern: '/measures', path: '/measures/', match: true },
    { pattern: '/measures/$measureId', path: '/measures/abc', match: true },
    { pattern: '/measures/$measureId', path: '/measures', match: false },
    { pattern: '/measures/$measureId', path: '/measures/abc/def', match: false },
  ])('route $pattern matches $path: $match', ({ pattern, path, match }) => {
    expect(matchesRoute(pattern, path)).toBe(match);
  });

  it('finds every lazily loaded page of the router for the build’s preload list', () => {
    const source = readFileSync(join(__dirname, '../client/app/router.tsx'), 'utf8');
    const routes = routesOf(source);
    expect(routes.length).toBe(source.match(/lazyRouteComponent\(/g)!.length);
    expect(routes).toContainEqual({ path: '/', module: '../features/dashboard/components/overview-page' });
    expect(routes).toContainEqual({
      path: '/measures/$measureId',
      module: '../features/measures/components/measure-page',
    });
  });

  it.each(['production', 'mock'])('builds without source maps (mode %s)', (mode) => {
    const config = viteConfig({ mode, command: 'build' }) as { build?: { sourcemap?: unknown } };
    expect(config.build?.sourcemap).toBe(false);
  });

  // Four pages: / (overview → chart-frame, badges, state), /measures (measures → badges, state),
  // /login (login → state), /audit (audit → grid); the overview also uses one module of the start.
  const pages = [
    { path: '/', id: 'overview' },
    { path: '/measures', id: 'measures' },
    { path: '/login', id: 'login' },
    { path: '/audit', id: 'audit' },
  ];
  const pageGraph = (startModule: string): Record<string, string[]> => ({
    overview: ['chart-frame', 'badges', 'state', startModule],
    'chart-frame': ['badges'],
    measures: ['badges', 'state'],
    login: ['state'],
    audit: ['grid'],
  });

  it('puts the entry’s graph and what most pages share in the entry chunk, the landing page’s rest beside it', () => {
    // main → app → {router, i18n}.
    const graph: Record<string, string[]> = {
      main: ['app'],
      app: ['router', 'i18n'],
      router: ['i18n'],
      ...pageGraph('i18n'),
    };
    const plan = chunkPlan({ entries: ['main'], pages, imports: (id) => graph[id] ?? [] });
    // `state` is used by three pages of four, `badges` by two (half): both go with the entry.
    expect([...plan.entry].sort()).toEqual(['app', 'badges', 'i18n', 'main', 'router', 'state']);
    expect(plan.steps).toEqual([]);
    expect([...plan.landing].sort()).toEqual(['chart-frame', 'overview']);
  });

  it('gives each step of the app’s start (what the entry imports dynamically) a chunk, in order', () => {
    // main imports ./styles, and starts the app with import('./contract/index') then import('./boot');
    // boot → {router, contract/index}, contract/index → zod; the overview uses zod too.
    const graph: Record<string, string[]> = {
      main: ['styles'],
      boot: ['router', 'contract/index'],
      'contract/index': ['zod'],
      router: ['i18n'],
      ...pageGraph('zod'),
    };
    const plan = chunkPlan({
      entries: ['main'],
      pages,
      imports: (id) => graph[id] ?? [],
      // Listed app first: the order comes from what each step imports, not from this list.
      dynamicImports: (id) => (id === 'main' ? ['boot', 'contract/index'] : id === 'boot' ? ['overview'] : []),
    });
    expect([...plan.entry].sort()).toEqual(['main', 'styles']);
    // The contract first (the app imports it), named by its folder; what most pages share goes with
    // the last step, not with the entry.
    expect(plan.steps.map((s) => [s.name, [...s.modules].sort()])).toEqual([
      ['contract', ['contract/index', 'zod']],
      ['boot', ['badges', 'boot', 'i18n', 'router', 'state']],
    ]);
    // A page's own dynamic imports are not steps.
    expect([...plan.landing].sort()).toEqual(['chart-frame', 'overview']);
  });
});
