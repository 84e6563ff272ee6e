import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, stringifySearchWith } from '@tanstack/react-router';
import { RouteError } from '../components/route-error';
import { MinistriesPage } from '../features/dashboard/components/ministries-page';
import { OverviewPage } from '../features/dashboard/components/overview-page';
import { MinistryPage } from '../features/ministries/components/ministry-page';
import { MeasurePage } from '../features/measures/components/measure-page';
import { MeasuresPage } from '../features/measures/components/measures-page';
import { AsOfSearchSchema, MeasuresSearchSchema } from '../features/measures/search';
import { TimelinePage } from '../features/timeline/components/timeline-page';
import { TimelineSearchSchema } from '../features/timeline/search';
import { AuditPage } from '../features/admin/components/audit-page';
import { MilestonesPage } from '../features/admin/components/milestones-page';
import { UsersPage } from '../features/admin/components/users-page';
import { AuditSearchSchema } from '../features/admin/search';
import { ChangePasswordPage } from '../features/auth/components/change-password-page';
import { LoginPage } from '../features/auth/components/login-page';
import { TotpPage } from '../features/auth/components/totp-page';
import { requireSession } from '../features/auth/guard';
import { RedirectSearchSchema } from '../features/auth/search';
import { SubmissionsPage } from '../features/updates/components/submissions-page';
import { SubmissionsSearchSchema } from '../features/updates/search';
import { ImportPage } from '../features/import/components/import-page';
import { AnnualReportPage } from '../features/reports/components/annual-report-page';
import { AnnualReportSearchSchema } from '../features/reports/search';
import { Layout } from './layout';
import { NotFound } from './not-found';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  // Every page but /login needs a session; a forced password change or TOTP enrolment comes first.
  beforeLoad: requireSession,
  component: Layout,
  notFoundComponent: NotFound,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (search) => AsOfSearchSchema.parse(search),
  component: OverviewPage,
});

const timelineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/timeline',
  validateSearch: (search) => TimelineSearchSchema.parse(search),
  component: TimelinePage,
});

const ministriesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ministries',
  validateSearch: (search) => AsOfSearchSchema.parse(search),
  component: MinistriesPage,
});

const ministryRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/ministries/$ministryId',
  validateSearch: (search) => AsOfSearchSchema.parse(search),
  component: MinistryPage,
});

const measuresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/measures',
  validateSearch: (search) => MeasuresSearchSchema.parse(search),
  component: MeasuresPage,
});

const measureRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/measures/$measureId',
  validateSearch: (search) => AsOfSearchSchema.parse(search),
  component: MeasurePage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search) => RedirectSearchSchema.parse(search),
  component: LoginPage,
});

const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/password',
  validateSearch: (search) => RedirectSearchSchema.parse(search),
  component: ChangePasswordPage,
});

const totpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account/totp',
  validateSearch: (search) => RedirectSearchSchema.parse(search),
  component: TotpPage,
});

const submissionsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/submissions',
  validateSearch: (search) => SubmissionsSearchSchema.parse(search),
  component: SubmissionsPage,
});

const adminUsersRoute = createRoute({ getParentRoute: () => rootRoute, path: '/admin/users', component: UsersPage });

const adminAuditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/audit',
  validateSearch: (search) => AuditSearchSchema.parse(search),
  component: AuditPage,
});

const adminMilestonesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin/milestones',
  component: MilestonesPage,
});

const annualReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports/annual',
  validateSearch: (search) => AnnualReportSearchSchema.parse(search),
  component: AnnualReportPage,
});

const importRoute = createRoute({ getParentRoute: () => rootRoute, path: '/import', component: ImportPage });

const routeTree = rootRoute.addChildren([
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

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
