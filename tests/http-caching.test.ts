/**
 * The read path's shortcuts (decision record 009), over the real Node adapter as production runs it:
 * security headers set before the handler, cached bodies with an ETag and 304, cached query parsing.
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, noneMatch } from '../src/server/cached-json';
import { mutableClock } from '../src/server/clock';
import { assignmentPath, createWorld, json, MEASURE, type ErrorJson, type World } from './support/world';

let w: World;
let base: string;
let headers: Record<string, string>;
let close: () => Promise<void>;

beforeAll(async () => {
  w = await createWorld({ clock: mutableClock('2016-03-31T00:00:00.000Z') });
  // Responses built outside the context, and a handler that tries to loosen a header, on a page path.
  w.app.get('/raw', () => new Response('raw', { headers: { 'content-type': 'text/plain' } }));
  w.app.get('/loose', (c) => {
    c.header('Content-Security-Policy', 'default-src *');
    c.header('X-Frame-Options', 'ALLOWALL');
    return c.text('loose');
  });
  const server = createAdaptorServer({ fetch: w.app.fetch });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
  const staff = await w.as('staff');
  headers = { cookie: staff.session.cookie, 'x-csrf-token': staff.session.csrfToken };
});
afterAll(() => close());

const get = (path: string, extra: Record<string, string> = {}) =>
  fetch(base + path, { headers: { ...headers, ...extra } });

function expectSecurityHeaders(res: Response, api: boolean) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.get('permissions-policy')).toContain('camera=()');
  if (api) expect(res.headers.get('cache-control')).toBe('no-store');
}

describe('security headers over the Node adapter', () => {
  it.each([
    ['a cached list', '/api/measures?limit=5', 200, true],
    ['stats', '/api/stats', 200, true],
    ['a measure', `/api/measures/${encodeURIComponent(MEASURE)}`, 200, true],
    ['an invalid query', '/api/measures?limit=abc', 422, true],
    ['an unknown API path', '/api/nothing', 404, true],
    ['a response built outside the context', '/raw', 200, false],
    ['a handler that set looser values', '/loose', 200, false],
    ['a page path nothing serves', '/measures/abc', 404, false],
  ] as const)('are on %s', async (_label, path, status, api) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expectSecurityHeaders(res, api);
    await res.arrayBuffer();
  });

  it('are on refusals before any handler: unauthenticated, and a write without its CSRF token', async () => {
    const anon = await fetch(`${base}/api/measures`);
    expect(anon.status).toBe(401);
    expectSecurityHeaders(anon, true);
    const forged = await fetch(base + assignmentPath(MEASURE, 'nisc'), {
      method: 'PATCH',
      headers: { cookie: headers.cookie!, 'content-type': 'application/json', 'if-match': '"1"' },
      body: '{}',
    });
    expect(forged.status).toBe(403);
    expectSecurityHeaders(forged, true);
  });
});

describe('cached JSON answers', () => {
  it('carry an ETag; the same ETag in If-None-Match gets a 304 without a body, with the security headers', async () => {
    const first = await get('/api/measures?limit=5&asOf=2016-03-31');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const body = await first.text();
    expect(Number(first.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    for (const tag of [etag!, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get('/api/measures?limit=5&asOf=2016-03-31', { 'if-none-match': tag });
      expect(res.status, tag).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expectSecurityHeaders(res, true);
    }
    const stale = await get('/api/measures?limit=5&asOf=2016-03-31', { 'if-none-match': '"stale-1"' });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(body);
  });

  it('answer byte for byte what a fresh computation answers, and differ by question', async () => {
    const a = await get('/api/measures?limit=5&asOf=2016-03-31');
    const b = await get('/api/measures?limit=5&asOf=2017-03-31');
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
    const again = await get('/api/measures?limit=5&asOf=2016-03-31');
    expect(await again.text()).toBe(await a.text());
    expect(await b.json()).toMatchObject({ asOf: '2017-03-31' });
  });

  it('never answer 304 before access control: a request without a session is refused whatever it holds', async () => {
    const etag = (await get('/api/stats')).headers.get('etag')!;
    const res = await fetch(`${base}/api/stats`, { headers: { 'if-none-match': etag } });
    expect(res.status).toBe(401);
  });

  it('move on with the plan: after a write the old ETag no longer matches and the new state is served', async () => {
    const path = `/api/measures?limit=1000&asOf=2016-03-31`;
    const before = await get(path);
    const etag = before.headers.get('etag')!;
    const find = (body: { items: { id: string; progress: number }[] }) => body.items.find((m) => m.id === MEASURE);
    const a = await w.assignment(MEASURE, 'nisc');
    const write = await fetch(base + assignmentPath(MEASURE, 'nisc'), {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${a.version}"` },
      body: JSON.stringify({ progress: a.progress === 37 ? 38 : 37, status: 'in_progress', comment: 'cache test' }),
    });
    expect(write.status).toBe(200);
    const after = await get(path, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(find(await json(after))?.progress).toBe(a.progress === 37 ? 38 : 37);
  });
});

describe('query parsing', () => {
  it('gives the same answers and the same refusals however often a query string comes back', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await get('/api/measures?limit=2')).status).toBe(200);
      const repeated = await get('/api/measures?limit=2&limit=3');
      expect(repeated.status).toBe(422);
      expect((await json<ErrorJson>(repeated)).error.issues?.map((x) => x.path)).toEqual(['limit']);
      const unknown = await get('/api/stats?toString=1');
      expect(unknown.status).toBe(422);
      expect((await json<ErrorJson>(unknown)).error.message).toContain('toString');
    }
  });
});

describe('If-None-Match and the content hash', () => {
  it('matches exactly, weakly, in a list, or *', () => {
    expect(noneMatch(undefined, '"a"')).toBe(false);
    expect(noneMatch('', '"a"')).toBe(false);
    expect(noneMatch('"a"', '"a"')).toBe(true);
    expect(noneMatch('W/"a"', '"a"')).toBe(true);
    expect(noneMatch('"b" , "a"', '"a"')).toBe(true);
    expect(noneMatch('*', '"a"')).toBe(true);
    expect(noneMatch('"ab"', '"a"')).toBe(false);
    expect(noneMatch('a', '"a"')).toBe(false);
  });

  it('is stable and tells close strings apart', () => {
    expect(contentHash('{"a":1}')).toBe(contentHash('{"a":1}'));
    expect(contentHash('{"a":1}')).not.toBe(contentHash('{"a":2}'));
    expect(contentHash('施策')).not.toBe(contentHash('施作'));
  });
});
