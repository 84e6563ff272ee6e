import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidParams, zodIssues } from './errors';

/** Parses the query string against the contract; unknown or invalid parameters are a 422 naming them. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const url = new URL(c.req.url);
  // No prototype: `toString`, `constructor` or `__proto__` are then ordinary (unknown) keys, not
  // "repeated" ones (`k in {}` is true for them) nor, for `__proto__`, silently dropped.
  const raw = Object.create(null) as Record<string, string>;
  const repeated: string[] = [];
  for (const [k, v] of url.searchParams) {
    if (Object.hasOwn(raw, k)) repeated.push(k);
    raw[k] = v;
  }
  if (repeated.length) {
    throw invalidParams(repeated.map((k) => ({ path: k, message: `一度だけ指定してください / Give ${k} once` })));
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw invalidParams(zodIssues(result.error));
  return result.data;
}
