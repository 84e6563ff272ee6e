import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { ApiError } from './errors';

/**
 * The built SPA (`vite build` → STATIC_DIR) behind the API; every other GET answers index.html for
 * client-side routes. Source maps are never served (issue 17): the build writes none, and a stray
 * `*.map` (a build with maps copied in by hand) is still a 404, so the client's source stays private.
 */
export function serveSpa(app: Hono<AppEnv>, root: string) {
  const noSourceMaps: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (/\.map$/i.test(c.req.path)) throw new ApiError(404, 'not_found', '見つかりません / Not found');
    await next();
  };
  app.use('/*', noSourceMaps);
  app.use('/*', serveStatic({ root }));
  app.get('*', serveStatic({ root, path: 'index.html' }));
}
