import '@digital-go-jp/design-tokens/dist/tokens.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient } from './app/app';
import { createAppRouter } from './app/router';
import { setDemoAccounts } from './lib/demo';

const DEMO_UNAVAILABLE =
  'デモを開始できませんでした。HTTPS または localhost で開いてください。 / The demo could not start: open it over HTTPS or on localhost.';

/** How long the first render waits for the first page to load before it shows the page loading. */
const FIRST_LOAD_WAIT_MS = 1500;

async function start() {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  if (import.meta.env.MODE === 'mock') {
    try {
      const { startMockWorker } = await import('../../mocks/browser');
      setDemoAccounts(await startMockWorker());
    } catch (error) {
      // Not a blank page: service workers need HTTPS or localhost, and say why the demo cannot run.
      root.textContent = `${DEMO_UNAVAILABLE} (${String(error)})`;
      throw error;
    }
  }
  // The first render comes after the first page's session check, data and code (router.load()),
  // not before them: rendered before, the page suspends, React shows the fallback and then holds
  // the page back for up to 300 ms after it (its Suspense reveal throttle), with everything on
  // hand (issue 11). A load that takes longer than a moment renders as before, with its fallback.
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

void start();
