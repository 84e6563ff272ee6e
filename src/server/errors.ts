import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export type ApiIssue = { path: string; message: string };

/** An error the client may see: its code, status and a Japanese / English message. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ApiIssue[],
    /** Extra fields for the client, e.g. the current state with a 412 so the UI can show what changed. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what}が見つかりません / ${what} not found`);

export function invalidParams(issues: ApiIssue[]): ApiError {
  const names = [...new Set(issues.map((i) => i.path))].join(', ');
  return new ApiError(422, 'validation_failed', `パラメータが不正です: ${names} / Invalid parameter: ${names}`, issues);
}

export function zodIssues(error: z.ZodError): ApiIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(', ') : '(root)');
    const message =
      i.code === 'unrecognized_keys'
        ? `不明なパラメータです / Unknown parameter: ${i.keys.join(', ')}`
        : i.code === 'invalid_value'
          ? `次のいずれかを指定してください / Use one of: ${i.values.map(String).join(', ')}`
          : i.message;
    return { path, message };
  });
}

export function errorResponse(c: Context, error: ApiError) {
  return c.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
        // `extra` (e.g. `current` with a 412 or 409) is part of the contract (ErrorBodySchema): without it
        // the client cannot show the conflicting change side by side.
        ...error.extra,
      },
    },
    error.status,
  );
}

export const unauthorized = () => new ApiError(401, 'unauthenticated', 'サインインしてください / Please sign in');
export const forbidden = (why = 'この操作は許可されていません / You are not allowed to do this') =>
  new ApiError(403, 'forbidden', why);
export const versionRequired = () =>
  new ApiError(
    428,
    'version_required',
    'If-Match ヘッダーで版を指定してください / Send the version you read in If-Match',
  );
export const staleVersion = (current: unknown) =>
  new ApiError(
    412,
    'stale_version',
    '他の利用者が先に更新しました。最新の内容を確認してください / Someone else changed this first; review the current version',
    undefined,
    { current },
  );
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) =>
  new ApiError(409, code, message, undefined, extra);

/** A bounded queue is full (limiter.ts): 503 with Retry-After, in Japanese and English. */
export function busy(c: Context, error: { what: { ja: string; en: string }; retryAfterSeconds: number }) {
  c.header('Retry-After', String(error.retryAfterSeconds));
  const s = error.retryAfterSeconds;
  return errorResponse(
    c,
    new ApiError(
      503,
      'busy',
      `${error.what.ja}が混み合っています。${s} 秒ほどしてからもう一度お試しください / The server is busy ${error.what.en}; try again in about ${s} s`,
    ),
  );
}
