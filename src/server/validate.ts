import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidParams, zodIssues } from './errors';

/** How many distinct query strings per schema keep their parsed result (oldest out first). */
const PARSED_LIMIT = 256;
const parsed = new WeakMap<z.ZodType, Map<string, unknown>>();

/**
 * Parses the query string against the contract; unknown or invalid parameters are a 422 naming them.
 * Parsing is a pure function of the schema and the query string, and the same few query strings
 * arrive over and over (a page's own requests, its polling): a valid one's result is kept, frozen,
 * and handed out again. Refusals are not kept; they are computed afresh each time.
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const url = c.req.url;
  const q = url.indexOf('?');
  const hash = url.indexOf('#', q);
  const search = q < 0 ? '' : url.slice(q + 1, hash < 0 ? undefined : hash);
  let bySearch = parsed.get(schema);
  const hit = bySearch?.get(search);
  if (hit !== undefined) return hit as z.infer<S>;
  const data = parseSearch(search, schema);
  if (!bySearch) parsed.set(schema, (bySearch = new Map<string, unknown>()));
  if (bySearch.size >= PARSED_LIMIT) bySearch.delete(bySearch.keys().next().value!);
  bySearch.set(search, Object.freeze(data));
  return data;
}

function parseSearch<S extends z.ZodType>(search: string, schema: S): z.infer<S> {
  // No prototype: `toString`, `constructor` or `__proto__` are then ordinary (unknown) keys, not
  // "repeated" ones (`k in {}` is true for them) nor, for `__proto__`, silently dropped.
  const raw = Object.create(null) as Record<string, string>;
  const repeated: string[] = [];
  for (const [k, v] of new URLSearchParams(search)) {
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
