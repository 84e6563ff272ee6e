import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { except } from 'hono/combine';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { PasswordHasher } from './auth/hasher';
import type { Clock } from './clock';
import { DEFAULT_CONFIG, type AppConfig, type AppEnv, type Deps } from './context';
import { ApiError, busy, errorResponse, staleVersion } from './errors';
import { accessControl, securityHeaders } from './middleware';
import { auditRoutes } from './routes/audit';
import { sessionRoutes } from './routes/session';
import { oidcRoutes } from './routes/oidc';
import type { RelyingParty } from './oidc/types';
import { submissionRoutes } from './routes/submissions';
import { updateRoutes } from './routes/updates';
import { userRoutes } from './routes/users';
import { openApiDocument } from './openapi';
import { createPlanCache } from './plan-cache';
import { dashboardRoutes } from './routes/dashboard';
import { publicCommentRoutes } from './routes/public-comments';
import { readRoutes } from './routes/read';
import type { ReportRenderers } from './annual/renderers';
import type { UploadParser } from './annual/upload-parse';
import { Busy } from './limiter';
import { exportRoutes } from './routes/export';
import { importRoutes } from './routes/import';
import { planRoutes } from './routes/plans';
import { resultSubmissionRoutes } from './routes/result-submissions';
import { reportRoutes } from './routes/reports';
import { notificationRoutes } from './routes/notifications';
import { roundAnswerRoutes } from './routes/round-answers';
import { roundFileRoutes } from './routes/round-files';
import { roundRoutes } from './routes/rounds';
import { StaleVersionError, StoreUnavailableError, type Store } from './store/port';

export type AppDeps = {
  store: Store;
  clock: Clock;
  /** argon2id: native on the server (auth/passwords.ts), WebAssembly in the browser demo (auth/passwords-wasm.ts). */
  hasher: PasswordHasher;
  config?: Partial<AppConfig>;
  log?: (message: string, error?: unknown) => void;
  /** Chart PNGs and PDF printing (Node only; main.ts passes them): see annual/renderers.ts. */
  reports?: ReportRenderers;
  /** Reads uploaded files; main.ts passes a worker pool (annual/upload-pool.ts), else on this thread. */
  uploads?: UploadParser;
  /** The organisation's OpenID Connect provider (issue 14); main.ts builds it from OIDC_*. */
  oidc?: RelyingParty | null;
  /** Called after each write the API answered with success (main.ts: warms the overview's figures). */
  afterWrite?: () => void;
};

/** Failed sign-ins per client address: the eleventh within a minute is refused. */
export const SIGN_IN_THROTTLE = { limit: 10, windowMs: 60_000 };

/** JSON bodies are small; the import route (files) sets its own, larger limit. */
export const JSON_BODY_LIMIT = 256 * 1024;

/** The whole API as a Hono app over a store, a clock and a hasher: the same app serves Node and the MSW mock. */
export function createApp({
  store,
  clock,
  hasher,
  config,
  log = () => {},
  reports,
  uploads,
  oidc = null,
  afterWrite,
}: AppDeps) {
  const plan = createPlanCache(store);
  const deps: Deps & { plan: typeof plan } = {
    store,
    clock,
    config: { ...DEFAULT_CONFIG, ...config },
    throttle: store.throttle('sign-in', SIGN_IN_THROTTLE),
    hasher,
    plan,
    oidc,
  };
  const openapi = openApiDocument();
  const app = new Hono<AppEnv>();
  app.use('*', securityHeaders(deps));
  app.use('/api/*', requestId());
  const jsonLimit = bodyLimit({
    maxSize: JSON_BODY_LIMIT,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', '送信内容が大きすぎます / The request body is too large');
    },
  });
  // POST /api/import carries a file and sets its own limit (routes/import.ts). GET and HEAD requests
  // have no body (fetch forbids one; the Node adapter never passes one on), and asking for it would
  // only build the full Request object for nothing.
  const fileUpload = (path: string) => path === '/api/import' || /^\/api\/rounds\/[^/]+\/import$/.test(path);
  const limitBodies = except((c) => fileUpload(c.req.path), jsonLimit);
  const limitJsonBodies: MiddlewareHandler<AppEnv> = (c, next) =>
    c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limitBodies(c, next);
  app.use('/api/*', limitJsonBodies);
  app.use('/api/*', accessControl(deps));
  if (afterWrite)
    app.use('/api/*', async (c, next) => {
      await next();
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) afterWrite();
    });
  // Liveness: the process answers. Readiness: it can also reach its store (a load balancer sends
  // traffic only to ready instances; docs/deploy.md).
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.get('/api/ready', async (c) => {
    await store.revision(); // StoreUnavailableError: 503 with Retry-After, below
    return c.json({ status: 'ready', store: store.kind });
  });
  app.get('/api/openapi.json', (c) => c.json(openapi));
  app.route('/api', readRoutes({ store, clock, plan }));
  app.route('/api', dashboardRoutes({ clock, plan }));
  app.route('/api', publicCommentRoutes({ plan }));
  app.route('/api', sessionRoutes(deps));
  app.route('/api', oidcRoutes(deps));
  app.route('/api', updateRoutes(deps));
  app.route('/api', submissionRoutes(deps));
  app.route('/api', userRoutes(deps));
  app.route('/api', auditRoutes(deps));
  app.route('/api', planRoutes(deps));
  app.route('/api', resultSubmissionRoutes(deps));
  app.route('/api', reportRoutes({ ...deps, reports }));
  app.route('/api', exportRoutes(deps));
  app.route('/api', importRoutes({ ...deps, uploads }));
  app.route('/api', roundRoutes(deps));
  app.route('/api', roundAnswerRoutes(deps));
  app.route('/api', roundFileRoutes({ ...deps, uploads }));
  app.route('/api', notificationRoutes(deps));
  // Unknown API paths answer JSON, before anything mounted later (the SPA's static files) sees them.
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', '見つかりません / Not found');
  });

  app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found', '見つかりません / Not found')));
  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error);
    if (error instanceof StaleVersionError) return errorResponse(c, staleVersion(undefined));
    if (error instanceof Busy) return busy(c, error);
    if (error instanceof StoreUnavailableError) {
      log(`database unavailable on ${c.req.method} ${c.req.path}`, error.cause);
      c.header('Retry-After', '2');
      return errorResponse(
        c,
        new ApiError(
          503,
          'store_unavailable',
          'データベースに一時的に接続できません。数秒後にもう一度お試しください / The database is briefly unreachable; try again in a few seconds',
        ),
      );
    }
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
