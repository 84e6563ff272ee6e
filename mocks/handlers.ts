import { Hono } from 'hono';
import { http, type RequestHandler } from 'msw';
import type { App } from '../src/server/app';
import type { TestSession } from '../src/server/testing';

/** The session cookie the "browser" holds: set by sign-in responses, cleared by sign-out. */
export type CookieJar = { cookie: string | null };

export function createCookieJar(session: TestSession | null = null): CookieJar {
  return { cookie: session?.cookie ?? null };
}

/**
 * A copy made entry by entry: `new Headers(other)` reads the other object's internals, and a request
 * MSW rebuilt around a multipart body carries Headers from another copy of undici, whose entries
 * that shortcut silently loses (all but the content type) — and with them the CSRF token.
 */
export function copyHeaders(from: Headers): Headers {
  const headers = new Headers();
  from.forEach((value, name) => headers.append(name, value));
  return headers;
}

/**
 * Follows Set-Cookie as a browser would, cookie by cookie (the session cookie and the device cookie
 * live side by side; a Max-Age=0 or empty value ends one). The jar keeps them as one Cookie header.
 */
function remember(jar: CookieJar, setCookie: string | null): void {
  if (!setCookie) return;
  const [pair = '', ...attributes] = setCookie.split(';').map((s) => s.trim());
  const name = pair.slice(0, pair.indexOf('='));
  const value = pair.slice(pair.indexOf('=') + 1);
  const expired = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=thu, 01 jan 1970/i.test(a));
  const held = new Map(
    (jar.cookie ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => [c.slice(0, c.indexOf('=')), c] as const),
  );
  if (value && !expired) held.set(name, pair);
  else held.delete(name);
  jar.cookie = held.size ? [...held.values()].join('; ') : null;
}

/**
 * The app, with each cookie it sets remembered in the jar as the app sets it. A page cannot read
 * Set-Cookie from a Response it built (a forbidden response header: the browser drops it), so in the
 * browser demo this is how the jar learns the session cookie; component tests under Node go the same way.
 */
export function withCookieJar(app: App, jar: CookieJar): App {
  const outer: App = new Hono();
  outer.use('*', async (c, next) => {
    const header = c.header.bind(c);
    c.header = (name: string, value?: string, options?: { append?: boolean }) => {
      if (name.toLowerCase() === 'set-cookie') remember(jar, value ?? null);
      header(name, value, options);
    };
    await next();
  });
  return outer.route('/', app);
}

/**
 * The request with these headers and its body read. A page cannot put Cookie or Content-Length on a
 * Request (forbidden request headers: the browser drops them), so the headers are set on the copy as
 * its own property, which is what the app reads; with the length known, the body limit does not
 * rebuild the request (and lose them again). Under Node the same path serves the component tests.
 */
async function withHeaders(request: Request, headers: Headers): Promise<Request> {
  const bytes = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
  if (bytes) headers.set('content-length', String(bytes.byteLength));
  const copy = new Request(request.url, { method: request.method, headers, body: bytes?.byteLength ? bytes : null });
  Object.defineProperty(copy, 'headers', { value: headers });
  return copy;
}

/**
 * Every /api request goes to the same Hono app the server runs. A service worker (and Node's fetch)
 * cannot carry the HttpOnly session cookie, so the mock keeps it in a jar and attaches it itself,
 * as the browser would: the signed-in session's cookie to start with, then whatever sign-in and
 * sign-out set. The CSRF token is not added: the client must send the one it got from
 * GET /api/session, as it does against the real server.
 */
export function forwardTo(
  app: App,
  session: TestSession | null = null,
  jar: CookieJar = createCookieJar(session),
): RequestHandler[] {
  const tapped = withCookieJar(app, jar);
  return [
    http.all('*/api/*', async ({ request }) => {
      const headers = copyHeaders(request.headers);
      if (jar.cookie) headers.set('cookie', jar.cookie);
      else headers.delete('cookie');
      return tapped.fetch(await withHeaders(request, headers));
    }),
  ];
}
