// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createMockServer } from '../../mocks/node';
import { fixedClock } from '../server/clock';
import { App } from './app/app';

let mock: Awaited<ReturnType<typeof createMockServer>>;
beforeAll(async () => {
  mock = await createMockServer({ clock: fixedClock('2016-03-31'), scenario: true });
  mock.server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => mock.server.close());

it('renders', async () => {
  console.log(location.href, typeof AbortSignal, typeof fetch);
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<App history={createMemoryHistory({ initialEntries: ['/measures'] })} queryClient={qc} />);
  expect(await screen.findByText('件', {}, { timeout: 5000 })).toBeInTheDocument();
  console.log(document.querySelector('.result-count')?.textContent);
});
