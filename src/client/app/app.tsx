import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, type RouterHistory } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { Lang } from '@/domain/plan';
import { watchSession } from '../features/auth/session-watcher';
import { ApiError } from '../lib/api-client';
import { I18nProvider } from '../lib/i18n';
import { SaveNoticeProvider } from '../components/save-notice';
import { createAppRouter, type AppRouter } from './router';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will not change on retry; a network blip might.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}

export function App({
  history,
  lang,
  queryClient: given,
  router: givenRouter,
}: {
  history?: RouterHistory;
  lang?: Lang;
  queryClient?: QueryClient;
  /** A router made (and perhaps loaded) before the first render: main.tsx. */
  router?: AppRouter;
}) {
  const [queryClient] = useState(() => given ?? createQueryClient());
  const [router] = useState(() => givenRouter ?? createAppRouter(queryClient, history));
  // A session that ends while the app is open (timeout, sign-out elsewhere) sends the user to /login.
  useEffect(() => watchSession(queryClient, router), [queryClient, router]);
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider lang={lang}>
        <SaveNoticeProvider>
          <RouterProvider router={router} />
        </SaveNoticeProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
