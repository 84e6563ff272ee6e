import { IsoDateSchema } from '@/domain/plan';

/**
 * The overview's first requests (issue 11, decision records 022 and 024), for an as-of date as the
 * page's URL gives it (`?asOf=`; absent or not a real date means today, as the page reads it). The
 * server lists them in the overview's index.html as `<link rel="preload" as="fetch">`, so they are
 * answered while the scripts load; the client asks for exactly these URLs (a client test checks
 * it), which is what lets the browser hand the preloaded answers to the page's own requests.
 *
 * In the order the page needs them. `firstScreen`: what the first screen shows (the session, the
 * sample banner and date from /api/meta, the user menu's ministry from /api/ministries, the headline
 * figures and countdowns from /api/dashboard), asked for first and at the browser's normal priority.
 * The rest (the strategy's names, the milestones, the stats behind the charts below the fold) at low
 * priority: on HTTP/1.1's six connections they must not hold up the scripts or the first screen's
 * answers.
 */
export function overviewRequests(asOfParam: string | null | undefined): { url: string; firstScreen: boolean }[] {
  const asOf = IsoDateSchema.safeParse(asOfParam).data;
  const at = asOf ? `asOf=${asOf}` : '';
  const stats = `/api/stats?${at ? `${at}&` : ''}granularity=quarter`;
  const firstScreen = ['/api/session', '/api/meta', '/api/ministries', `/api/dashboard${at ? `?${at}` : ''}`];
  const below = ['/api/strategy', '/api/milestones', stats, `${stats}&scope=tokyo2020`];
  return [
    ...firstScreen.map((url) => ({ url, firstScreen: true })),
    ...below.map((url) => ({ url, firstScreen: false })),
  ];
}
