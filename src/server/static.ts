import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants as zlib, gunzipSync, gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import { overviewRequests } from '@/domain/contract';
import { sessionToken } from './auth/session';
import type { AppEnv } from './context';
import { ApiError } from './errors';

/**
 * The built SPA (`vite build` → STATIC_DIR) behind the API; every other GET answers index.html for
 * client-side routes (decision record 018):
 *   - files are read once and kept in memory with their gzip and brotli forms (the build writes
 *     them beside each file, `.gz`/`.br`; a folder without them is compressed here, once), and
 *     re-read if the file changes on disk (a rebuild under a running server);
 *   - `/assets/*` are named by their content hash, so they are cached for a year, `immutable`: a
 *     second visit loads no script from the network; everything else (index.html) is revalidated
 *     with its ETag on every load, so a new build is seen at once;
 *   - index.html for a page lists that page's own chunks as `modulepreload` (from the build's
 *     `route-preloads.json`), so the browser fetches them beside the entry rather than after it;
 *   - the overview's index.html, for a browser that holds a session cookie, also lists the page's
 *     first API requests as `preload` (decision record 022): the server computes the figures while
 *     the scripts load and evaluate, instead of after. That copy is made per request (the as-of
 *     date is in the URL), a couple of KB sent as it is, never cached.
 * Source maps are never served (issue 17): the build writes none, and a stray `*.map` (a build with
 * maps copied in by hand) is still a 404, so the client's source stays private; nor is the build's
 * own bookkeeping (`route-preloads.json`, `.vite/`).
 */
export function serveSpa(app: Hono<AppEnv>, root: string) {
  const files = new StaticFiles(root);
  const preloads = routePreloads(root);
  app.get('*', (c, next) => {
    const path = c.req.path;
    if (/\.map$/i.test(path)) throw new ApiError(404, 'not_found', '見つかりません / Not found');
    if (PRIVATE.test(path)) return next();
    const file = files.get(path);
    if (file) return send(c, file, path.startsWith('/assets/'));
    // A missing chunk is a 404, not index.html (which the browser would refuse as a script).
    if (path.startsWith('/assets/')) throw new ApiError(404, 'not_found', '見つかりません / Not found');
    const index = files.get('/index.html', preloadLinks(preloads(), path));
    if (!index) return next();
    const requests = firstRequests(c, path);
    return requests.length ? sendWithRequests(c, index, requests) : send(c, index, false);
  });
}

/** Pages whose first API requests index.html starts (see overviewRequests), by URL path. */
const FIRST_REQUESTS: Record<string, (url: URL) => { url: string; firstScreen: boolean }[]> = {
  '/': (url) => overviewRequests(url.searchParams.get('asOf')),
};

/** The API requests to preload for this page: none without a session token (they would be 401s). */
function firstRequests(c: Context<AppEnv>, path: string): { url: string; firstScreen: boolean }[] {
  const requests = FIRST_REQUESTS[path];
  if (!requests) return [];
  return sessionToken(c.req.header('cookie')) === null ? [] : requests(new URL(c.req.url));
}

/**
 * index.html with `<link rel="preload" as="fetch">` for each request, after the scripts; what only
 * the parts below the fold need at low priority, so that on HTTP/1.1's six connections it holds up
 * neither the scripts nor the first screen's answers (overviewRequests). `crossorigin`
 * makes the preload a CORS request with same-origin credentials, as the page's fetch() is, or the
 * browser would not match them.
 */
function sendWithRequests(
  c: Context<AppEnv>,
  file: StaticFile,
  requests: readonly { url: string; firstScreen: boolean }[],
): Response {
  const links = requests.map(
    ({ url, firstScreen }) =>
      `<link rel="preload" as="fetch" crossorigin${firstScreen ? '' : ' fetchpriority="low"'} href="${escapeAttr(url)}">`,
  );
  const html = Buffer.from(file.body)
    .toString('utf8')
    .replace('</head>', `    ${links.join('\n    ')}\n  </head>`);
  c.header('Content-Type', file.type);
  c.header('Cache-Control', 'no-cache');
  c.header('Vary', 'Cookie');
  return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(html, 200);
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const PRIVATE = /^\/(?:route-preloads\.json|\.vite\/)|\.(?:gz|br)$/;

type Bytes = Uint8Array<ArrayBuffer>;
/** Copied once into a plain Uint8Array: what the response body takes without another copy. */
const bytes = (b: Buffer): Bytes => new Uint8Array(b);

type StaticFile = {
  body: Bytes;
  gzip: Bytes | null;
  br: Bytes | null;
  type: string;
  etag: string;
  version: string;
};

/** Content types by extension (shared with the e2e suite's plain static host). */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);

type Variant = { key: string; rewrite: (text: string) => string };

/** Files under `root` by URL path, read on first use and again when they change on disk. */
class StaticFiles {
  private readonly cache = new Map<string, StaticFile>();
  constructor(private readonly root: string) {}

  /** The file at a URL path, or null; `variant` rewrites its text (index.html with a route's preloads). */
  get(urlPath: string, variant?: Variant): StaticFile | null {
    const rel = normalize(decodeSafely(urlPath)).replace(/^[/\\]+/, '');
    if (!rel || rel.startsWith('..') || rel.split(sep).some((p) => p.startsWith('.'))) return null;
    const full = join(this.root, rel);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      return null;
    }
    if (!stat.isFile()) return null;
    const version = `${stat.mtimeMs}:${stat.size}`;
    const key = variant ? `${full}\n${variant.key}` : full;
    const cached = this.cache.get(key);
    if (cached?.version === version) return cached;
    const raw = readFileSync(full);
    const body = variant ? Buffer.from(variant.rewrite(raw.toString('utf8'))) : raw;
    const file = compressed(full, body, !variant, version);
    // One index.html per route pattern, and the build's files: a bounded set, no eviction needed.
    this.cache.set(key, file);
    return file;
  }
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

/** The file with its compressed forms: the build's `.br`/`.gz` where they match, else made here. */
function compressed(full: string, body: Buffer, siblings: boolean, version: string): StaticFile {
  const ext = extname(full).toLowerCase();
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  const type = CONTENT_TYPES[ext] ?? 'application/octet-stream';
  const file: StaticFile = { body: bytes(body), gzip: null, br: null, type, etag, version };
  if (!COMPRESSIBLE.has(ext) || body.length < 1024) return file;
  // The build's, if it holds exactly this file (checked once: a stale sibling must never be sent).
  const sibling = (suffix: string, decode: (b: Buffer) => Buffer) => {
    if (!siblings) return null;
    try {
      const packed = readFileSync(full + suffix);
      return decode(packed).equals(body) ? packed : null;
    } catch {
      return null;
    }
  };
  file.gzip = bytes(sibling('.gz', gunzipSync) ?? gzipSync(body, { level: 9 }));
  file.br = bytes(
    sibling('.br', brotliDecompressSync) ??
      brotliCompressSync(body, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
      }),
  );
  return file;
}

function send(c: Context<AppEnv>, file: StaticFile, immutable: boolean): Response {
  c.header('Content-Type', file.type);
  c.header('ETag', file.etag);
  c.header('Vary', 'Accept-Encoding');
  c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  const match = c.req.header('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === file.etag)) return c.body(null, 304);
  const accepts = c.req.header('accept-encoding') ?? '';
  const [encoding, body] =
    file.br && /\bbr\b/.test(accepts)
      ? ['br', file.br]
      : file.gzip && /\bgzip\b/.test(accepts)
        ? ['gzip', file.gzip]
        : [null, file.body];
  if (encoding) c.header('Content-Encoding', encoding);
  c.header('Content-Length', String(body.length));
  if (c.req.method === 'HEAD') return c.body(null, 200);
  return c.body(body, 200);
}

/** Route pattern (`/measures/$measureId`) → the page's chunks and styles, from the build. */
type RoutePreloads = Record<string, { js: string[]; css: string[] }>;

/** The build's route preloads, read again when a rebuild changes them; none if the build wrote none. */
function routePreloads(root: string): () => RoutePreloads {
  const file = join(root, 'route-preloads.json');
  let seen = '';
  let value: RoutePreloads = {};
  return () => {
    try {
      const stat = statSync(file);
      const version = `${stat.mtimeMs}:${stat.size}`;
      if (version !== seen) {
        value = JSON.parse(readFileSync(file, 'utf8')) as RoutePreloads;
        seen = version;
      }
    } catch {
      value = {};
      seen = '';
    }
    return value;
  };
}

/** Whether a URL path matches a route pattern whose `$name` segments match any one segment. */
export function matchesRoute(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.replace(/\/+$/, '').split('/');
  if (pattern === '/') return path === '/' || path === '';
  return a.length === b.length && a.every((seg, i) => seg.startsWith('$') || seg === b[i]);
}

/** index.html's rewrite for a path: the matching route's chunks as modulepreload, its CSS as stylesheets. */
function preloadLinks(preloads: RoutePreloads, path: string): Variant | undefined {
  const pattern = Object.keys(preloads).find((p) => matchesRoute(p, path));
  const entry = pattern ? preloads[pattern] : undefined;
  if (!entry) return undefined;
  const links = [
    ...entry.js.map((f) => `<link rel="modulepreload" crossorigin href="${f}">`),
    ...entry.css.map((f) => `<link rel="stylesheet" crossorigin href="${f}">`),
  ].join('\n    ');
  // Keyed by the route, not the URL: one copy per page.
  return { key: pattern!, rewrite: (html) => html.replace('</head>', `    ${links}\n  </head>`) };
}
