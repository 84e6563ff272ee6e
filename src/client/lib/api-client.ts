import type { z } from 'zod';
import { ErrorBodySchema } from '@/domain/contract';

/** The one way the client talks to the API: typed errors, responses parsed by the contract. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
    /** With a 412 or 409: the record as it stands now, so the UI can show what changed. */
    readonly current: unknown = undefined,
    /** With a 429: seconds to wait, from Retry-After. */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type QueryParams = Record<string, string | number | undefined>;

export function toSearch(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  params: QueryParams = {},
  signal?: AbortSignal,
): Promise<z.infer<S>> {
  const response = await fetch(`/api${path}${toSearch(params)}`, { headers: { Accept: 'application/json' }, signal });
  return parseResponse(response, schema);
}

async function parseResponse<S extends z.ZodType>(response: Response, schema: S): Promise<z.infer<S>> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      response.status,
      'invalid_response',
      '応答の形式が不正です / Unexpected response from the server',
    );
  return parsed.data;
}

function toApiError(response: Response, body: unknown): ApiError {
  const parsed = ErrorBodySchema.safeParse(body);
  const wait = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(wait) && wait > 0 ? wait : null;
  if (!parsed.success)
    return new ApiError(response.status, 'http_error', `HTTP ${response.status}`, [], undefined, retryAfter);
  const { code, message, issues, current } = parsed.data.error;
  return new ApiError(response.status, code, message, issues, current, retryAfter);
}

/**
 * The session's CSRF token, sent with every state-changing request. Kept here rather than in a
 * cookie the page could read: GET /api/session and sign-in hand it over (features/auth sets it).
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function refreshCsrfToken(): Promise<void> {
  const response = await fetch('/api/session', { headers: { Accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as { csrfToken?: unknown } | null;
  csrfToken = response.ok && typeof body?.csrfToken === 'string' ? body.csrfToken : null;
}

export type SendOptions<S extends z.ZodType> = {
  schema: S;
  /** The version the user saw; the server refuses the write (412) if the record has moved on. */
  ifMatch?: number;
};

/**
 * A write: JSON body, the CSRF token, If-Match when versioned. A token that no longer matches
 * (the session was renewed in another tab) is fetched again once before giving up.
 */
export async function apiSend<S extends z.ZodType>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body: unknown,
  { schema, ifMatch }: SendOptions<S>,
): Promise<z.infer<S>> {
  const send = () => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
    if (ifMatch !== undefined) headers['If-Match'] = `"${ifMatch}"`;
    return fetch(`/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  };
  let response = await send();
  if (response.status === 403) {
    const error = toApiError(
      response.clone(),
      await response
        .clone()
        .json()
        .catch(() => null),
    );
    if (error.code === 'csrf_failed') {
      await refreshCsrfToken();
      response = await send();
    }
  }
  return parseResponse(response, schema);
}

/**
 * A multipart upload (issue 5's import), with the CSRF token as apiSend sends it. The import answers
 * its report with 200 and with 422 alike, so the caller reads the body whatever the status.
 */
export async function apiUpload(path: string, form: FormData): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`/api${path}`, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  return { status: response.status, body: await response.json().catch(() => null) };
}
