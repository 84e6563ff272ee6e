import '@digital-go-jp/design-tokens/dist/tokens.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
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
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
