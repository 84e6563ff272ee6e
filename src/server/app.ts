import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Clock } from './clock';
import { ApiError, errorResponse } from './errors';
import { openApiDocument } from './openapi';
import { createPlanCache } from './plan-cache';
import { readRoutes } from './routes/read';
import type { Store } from './store/port';

export type AppDeps = { store: Store; clock: Clock; log?: (message: string, error?: unknown) => void };

/** The whole API as a Hono app over a store and a clock: the same app serves Node and the MSW mock. */
export function createApp({ store, clock, log = () => {} }: AppDeps) {
  const plan = createPlanCache(store);
  const openapi = openApiDocument();
  const app = new Hono();
  app.use('/api/*', requestId());
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.get('/api/openapi.json', (c) => c.json(openapi));
  app.route('/api', readRoutes({ store, clock, plan }));
  // Unknown API paths answer JSON, before anything mounted later (the SPA's static files) sees them.
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', '見つかりません / Not found');
  });

  app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', '見つかりません / Not found')));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(c, new ApiError(error.status, 'bad_request', `不正なリクエストです / Bad request`));
    }
    // A 5xx never leaks internals: the details go to the log, the client gets the request id.
    log(`unhandled error on ${c.req.method} ${c.req.path} (request ${c.get('requestId') ?? '-'})`, error);
    return errorResponse(
      c,
      new ApiError(500, 'internal', 'サーバーで問題が発生しました / Something went wrong on the server'),
    );
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
