import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { can } from '@/domain/auth';
import { matchRoute } from '@/domain/routes';
import { isHttps, loadSession, requirementsOf, safeEqual } from './auth/session';
import type { AppEnv, Deps } from './context';
import { ApiError, forbidden, invalidParams, notFound, unauthorized, versionRequired, zodIssues } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Headers on every response: CSP without inline script, no framing, no sniffing, strict referrers,
 * `no-store` on the API, HSTS over HTTPS. They are set before the handler runs, so every response
 * built through the context (`c.json`, `c.body`, the error handler, static files) carries them from
 * the start and leaves as it was built. Setting them afterwards costs far more than it looks:
 * each `c.header()` on a finished response rebuilds it around its body as a stream (on Node, the
 * body is then re-encoded and piped instead of written in one go; see docs/decisions/009). A
 * response that lacks one of them anyway, or whose handler changed one, gets them set again
 * afterwards, so ours always win as before.
 */
export function securityHeaders(deps: Deps): MiddlewareHandler<AppEnv> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    // React and recharts set style attributes; no inline <style> or script is needed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  const always: [string, string][] = [
    ['Content-Security-Policy', csp],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
  ];
  const noStore: [string, string] = ['Cache-Control', 'no-store'];
  const hsts: [string, string] = ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'];
  // Indexed by (API path ? 2 : 0) + (HTTPS ? 1 : 0).
  const sets = [[], [hsts], [noStore], [noStore, hsts]].map((extra) => [...always, ...extra]);
  return async (c, next) => {
    const wanted = sets[(c.req.path.startsWith('/api/') ? 2 : 0) + (isHttps(c, deps.config) ? 1 : 0)]!;
    for (const [name, value] of wanted) c.header(name, value);
    await next();
    const headers = c.res.headers;
    if (wanted.some(([name, value]) => headers.get(name) !== value)) {
      for (const [name, value] of wanted) c.header(name, value);
    }
  };
}

/**
 * Deny by default: a request must match a declared route; its access rule decides who may call it.
 * Sessions that must still change their password or enrol TOTP may only use `session` routes.
 * State-changing requests from a session carry the session's CSRF token and a same-origin Origin.
 */
export function accessControl(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const spec = matchRoute(c.req.method, c.req.path);
    if (!spec) throw notFound('API');
    c.set('user', null);
    c.set('session', null);
    c.set('revision', null);
    checkOrigin(c, deps);
    const loaded = await loadSession(c, deps);
    if (loaded) {
      c.set('user', loaded.user);
      c.set('session', loaded.session);
    }
    if (spec.access === 'public') return next();
    if (!loaded) throw unauthorized();
    if (!SAFE.has(c.req.method)) {
      const token = c.req.header('x-csrf-token') ?? '';
      if (!safeEqual(token, loaded.session.csrfToken)) {
        throw new ApiError(
          403,
          'csrf_failed',
          'リクエストを検証できませんでした。再読み込みしてください / The request could not be verified; reload the page',
        );
      }
    }
    if (spec.access === 'session') return next();
    if ((await requirementsOf(deps, loaded.session, loaded.user)).length > 0) {
      throw new ApiError(
        403,
        'setup_required',
        'パスワード変更または二要素認証の設定を先に完了してください / Finish changing your password or setting up two-factor authentication first',
      );
    }
    if (!can(loaded.user.role, spec.access)) throw forbidden(spec.refusal);
    return next();
  };
}

/**
 * A browser's Origin must be this site's own: scheme, host and port, as the request reached us (behind
 * a trusted proxy, as X-Forwarded-Proto and X-Forwarded-Host say). Comparing the host alone let a page
 * on http://tracker:8443 or another port of the same host write with the session's cookie.
 */
function checkOrigin(c: Context<AppEnv>, deps: Deps): void {
  if (SAFE.has(c.req.method)) return;
  const origin = c.req.header('origin');
  if (!origin) return; // non-browser clients; the CSRF token still applies to session writes
  const host =
    (deps.config.trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host') || new URL(c.req.url).host;
  const own = originOf(`${isHttps(c, deps.config) ? 'https' : 'http'}://${host}`);
  if (!own || origin !== own)
    throw new ApiError(
      403,
      'bad_origin',
      '別のサイトからのリクエストは受け付けません / Cross-site requests are refused',
    );
}

/** `scheme://host[:port]` as a browser writes it in Origin (lower case, default port left out); '' if none. */
function originOf(url: string): string {
  try {
    const parsed = new URL(url).origin;
    return parsed === 'null' ? '' : parsed;
  } catch {
    return '';
  }
}

/** Parses a JSON body against the contract: 415 for other types, 400 for broken JSON, 422 naming fields. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'JSON で送信してください / Send the body as application/json');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new ApiError(400, 'malformed_json', 'JSON として読めません / The body is not valid JSON');
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issues = zodIssues(result.error);
    const names = [...new Set(issues.map((i) => i.path))].join(', ');
    throw new ApiError(422, 'validation_failed', `入力内容が不正です: ${names} / Invalid values: ${names}`, issues);
  }
  return result.data;
}

/** The version the client read, from If-Match: 428 if missing, 400 if it is not a version. */
export function ifMatchVersion(c: Context): number {
  const header = c.req.header('if-match');
  if (!header) throw versionRequired();
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m) throw new ApiError(400, 'bad_if_match', 'If-Match の形式が不正です / If-Match must be a version such as "3"');
  return Number(m[1]);
}

export { invalidParams };
