import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  redirect,
  stringifySearchWith,
} from '@tanstack/react-router';
import { MeasurePage } from '../features/measures/components/measure-page';
import { MeasuresPage } from '../features/measures/components/measures-page';
import { AsOfSearchSchema, MeasuresSearchSchema } from '../features/measures/search';
import { Layout } from './layout';
import { NotFound } from './not-found';

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Layout,
  notFoundComponent: NotFound,
});

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    // TanStack Router's idiom: a thrown redirect is control flow, not an error.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw redirect({ to: '/measures' });
  },
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

const routeTree = rootRoute.addChildren([indexRoute, measuresRoute, measureRoute]);

export function createAppRouter(queryClient: QueryClient, history?: Parameters<typeof createRouter>[0]['history']) {
  return createRouter({
    routeTree,
    context: { queryClient },
    history,
    // Search values stay strings: codes such as "5.1" must not turn into numbers. Not
    // parseSearchWith: its decoder has already made "5.2" the number 5.2 before the parser runs,
    // and the route schema then drops the area. The schemas coerce what should be numbers.
    parseSearch: (searchStr) => Object.fromEntries(new URLSearchParams(searchStr)),
    stringifySearch: stringifySearchWith((value: unknown) => String(value)),
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
