import '@digital-go-jp/design-tokens/dist/tokens.css';
import './global.css';
import { setDemoAccounts } from './lib/demo';

const DEMO_UNAVAILABLE =
  'デモを開始できませんでした。HTTPS または localhost で開いてください。 / The demo could not start: open it over HTTPS or on localhost.';

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
  // The app's code is evaluated in two steps, each a task of its own (issue 11, decision record
  // 024): the contract (zod and the API's schemas), then the app (React, the router, the queries,
  // the layout). In one, as a static import, it was the first visit's longest task. index.html
  // preloads both chunks with this one (scripts/lib/first-load.ts), so the steps wait for no download.
  await import('./app/contract');
  const { boot } = await import('./app/boot');
  await boot(root);
}

void start();
