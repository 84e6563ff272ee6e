import { http, type RequestHandler } from 'msw';
import type { TestSession } from '../src/server/testing';

type FetchApp = { fetch: (request: Request) => Response | Promise<Response> };

/**
 * Every /api request goes to the same Hono app the server runs. A service worker (and Node's fetch)
 * cannot carry the HttpOnly session cookie, so the mock attaches the signed-in session's cookie
 * itself, as the browser would. The CSRF token is not added: the client must send the one it got
 * from GET /api/session, as it does against the real server.
 */
export function forwardTo(app: FetchApp, session: TestSession | null = null): RequestHandler[] {
  return [
    http.all('*/api/*', ({ request }) => {
      if (!session) return app.fetch(request);
      const headers = new Headers(request.headers);
      headers.set('cookie', session.cookie);
      return app.fetch(new Request(request, { headers }));
    }),
  ];
}
