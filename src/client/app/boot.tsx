import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app';
import { createAppRouter } from './router';

/** How long the first render waits for the first page to load before it shows the page loading. */
const FIRST_LOAD_WAIT_MS = 1500;

/**
 * Starts the app in `root` (main.tsx, once the contract is evaluated). The first render comes after
 * the first page's session check, data and code (router.load()), not before them: rendered before,
 * the page suspends, React shows the fallback and then holds the page back for up to 300 ms after it
 * (its Suspense reveal throttle), with everything on hand (issue 11, decision record 023). A load
 * that takes longer than a moment renders as before, with its fallback.
 */
export async function boot(root: HTMLElement): Promise<void> {
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient);
  await Promise.race([
    router.load().catch(() => {}),
    new Promise((resolve) => setTimeout(resolve, FIRST_LOAD_WAIT_MS)),
  ]);
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}
