import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  stringifySearchWith,
} from '@tanstack/react-router';
import { RouteError } from '../components/route-error';
import { AsOfSearchSchema, MeasuresSearchSchema } from '../features/measures/search';
import { TimelineSearchSchema } from '../features/timeline/search';
import { AuditSearchSchema } from '../features/admin/search';
import { requireSession } from '../features/auth/guard';
import { LoginSearchSchema, RedirectSearchSchema } from '../features/auth/search';
import { prefetchOverview } from '../features/dashboard/api/prefetch-overview';
import { SubmissionsSearchSchema } from '../features/updates/search';
import { AnnualReportSearchSchema } from '../features/reports/search';
import { Layout } from './layout';
import { NotFound } from './not-found';

/**
 * Every page is its own chunk (issue 11): the first visit loads the layout and the page it shows,
 * not the whole app. The search schemas stay here, small and needed to match a URL.
 */
const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  // Every page but /login needs a session; a forced password change or TOTP enrolment comes first.
  // The overview's requests start right behind that check rather than after its answer (decision
  // record 022): the session is asked first, so it never waits for one of the browser's six
  // connections behind the figures; a visitor with no session gets 401s, which lead to /login too.
  beforeLoad: (options) => {
    const session = requireSession(options);
    if (options.location.pathname === '/') {
      const { asOf } = AsOfSearchSchema.parse(options.location.search);
      prefetchOverview(options.context.queryClient, asOf);
    }
    return session;
  },
  component: Layout,
  notFoundComponent: NotFound,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (search) => AsOfSearchSchema.parse(search),
  // The page's requests start with its code, not after it (decision record 018).
  loaderDeps: ({ search }) => ({ asOf: search.asOf }),
  loader: ({ context, deps }) => prefetchOverview(context.queryClient, deps.asOf),
  component: lazyRouteComponent(() => import('../features/dashboard/components/overview-page'), 'OverviewPage'),
});

const timelineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/timeline',
  validateSearch: (search) => TimelineSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/timeline/components/timeline-page'), 'TimelinePage'),
});

const ministriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ministries',
  validateSearch: (search) => AsOfSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/dashboard/components/ministries-page'), 'MinistriesPage'),
});

const ministryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ministries/$ministryId',
  validateSearch: (search) => AsOfSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/ministries/components/ministry-page'), 'MinistryPage'),
});

const measuresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/measures',
  validateSearch: (search) => MeasuresSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/measures/components/measures-page'), 'MeasuresPage'),
});

const measureRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/measures/$measureId',
  validateSearch: (search) => AsOfSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/measures/components/measure-page'), 'MeasurePage'),
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search) => LoginSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/auth/components/login-page'), 'LoginPage'),
});

const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/password',
  validateSearch: (search) => RedirectSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/auth/components/change-password-page'), 'ChangePasswordPage'),
});

const totpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/totp',
  validateSearch: (search) => RedirectSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/auth/components/totp-page'), 'TotpPage'),
});

const submissionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/submissions',
  validateSearch: (search) => SubmissionsSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/updates/components/submissions-page'), 'SubmissionsPage'),
});

const adminUsersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/users',
  component: lazyRouteComponent(() => import('../features/admin/components/users-page'), 'UsersPage'),
});

const adminAuditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  validateSearch: (search) => AuditSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/admin/components/audit-page'), 'AuditPage'),
});

const adminMilestonesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/milestones',
  component: lazyRouteComponent(() => import('../features/admin/components/milestones-page'), 'MilestonesPage'),
});

const annualReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/annual',
  validateSearch: (search) => AnnualReportSearchSchema.parse(search),
  component: lazyRouteComponent(() => import('../features/reports/components/annual-report-page'), 'AnnualReportPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  component: lazyRouteComponent(() => import('../features/import/components/import-page'), 'ImportPage'),
});

const roundsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rounds',
  component: lazyRouteComponent(() => import('../features/rounds/components/rounds-page'), 'RoundsPage'),
});

const roundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rounds/$roundId',
  component: lazyRouteComponent(() => import('../features/rounds/components/round-page'), 'RoundPage'),
});

const checklistRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rounds/$roundId/ministries/$ministryId',
  component: lazyRouteComponent(() => import('../features/rounds/components/checklist-page'), 'ChecklistPage'),
});

const notificationsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/notifications',
  component: lazyRouteComponent(() => import('../features/rounds/components/notifications-page'), 'NotificationsPage'),
});

const routeTree = rootRoute.addChildren([
  roundsRoute,
  roundRoute,
  checklistRoute,
  notificationsRoute,
  annualReportRoute,
  importRoute,
  loginRoute,
  passwordRoute,
  totpRoute,
  submissionsRoute,
  adminUsersRoute,
  adminAuditRoute,
  adminMilestonesRoute,
  indexRoute,
  measuresRoute,
  measureRoute,
  timelineRoute,
  ministriesRoute,
  ministryRoute,
]);

export function createAppRouter(queryClient: QueryClient, history?: Parameters<typeof createRouter>[0]['history']) {
  return createRouter({
    routeTree,
    // '/' on the server; the static demo's folder when built with a base path (docs/decisions/010).
    basepath: import.meta.env.BASE_URL,
    context: { queryClient },
    history,
    // Search values stay strings: codes such as "5.1" must not turn into numbers. Not
    // parseSearchWith: its decoder has already made "5.2" the number 5.2 before the parser runs,
    // and the route schema then drops the area. The schemas coerce what should be numbers.
    parseSearch: (searchStr) => Object.fromEntries(new URLSearchParams(searchStr)),
    stringifySearch: stringifySearchWith((value: unknown) => String(value)),
    defaultPreload: 'intent',
    // Every route gets an error boundary: a page that throws leaves the header and navigation working.
    defaultErrorComponent: RouteError,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof createAppRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
