import { http, type RequestHandler } from 'msw';

type FetchApp = { fetch: (request: Request) => Response | Promise<Response> };

/** Every /api request goes to the same Hono app the server runs. */
export function forwardTo(app: FetchApp): RequestHandler[] {
  return [http.all('*/api/*', ({ request }) => app.fetch(request))];
}
