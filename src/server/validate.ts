import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidParams, zodIssues } from './errors';

/** Parses the query string against the contract; unknown or invalid parameters are a 422 naming them. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const url = new URL(c.req.url);
  const raw: Record<string, string> = {};
  const repeated: string[] = [];
  for (const [k, v] of url.searchParams) {
    if (k in raw) repeated.push(k);
    raw[k] = v;
  }
  if (repeated.length) {
    throw invalidParams(repeated.map((k) => ({ path: k, message: `一度だけ指定してください / Give ${k} once` })));
  }
  const result = schema.safeParse(raw);
  if (!result.success) throw invalidParams(zodIssues(result.error));
  return result.data;
}
