import { IsoDateSchema } from '@/domain/plan';

/**
 * The overview's first requests (issue 11, decision record 022), for an as-of date as the page's
 * URL gives it (`?asOf=`; absent or not a real date means today, as the page reads it): the
 * session, the reference data, then the figures, in that order. The server lists them in the
 * overview's index.html as `<link rel="preload" as="fetch">`, so they are answered while the
 * scripts load; the client asks for exactly these URLs (a client test checks it), which is what lets
 * the browser hand the preloaded answers to the page's own requests. `computed`: the figures, which
 * take the server a while (up to a second for a date it has not answered yet).
 */
export function overviewRequests(asOfParam: string | null | undefined): { url: string; computed: boolean }[] {
  const asOf = IsoDateSchema.safeParse(asOfParam).data;
  const at = asOf ? `asOf=${asOf}` : '';
  const stats = `/api/stats?${at ? `${at}&` : ''}granularity=quarter`;
  const reference = ['/api/session', '/api/meta', '/api/ministries', '/api/strategy', '/api/milestones'];
  const figures = [`/api/dashboard${at ? `?${at}` : ''}`, stats, `${stats}&scope=tokyo2020`];
  return [...reference.map((url) => ({ url, computed: false })), ...figures.map((url) => ({ url, computed: true }))];
}
