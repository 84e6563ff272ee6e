// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { it } from 'vitest';
import { renderApp, setupMockApi } from '../../tests/client/harness';

const api = setupMockApi();
it('dbg', async () => {
  api().server.events.on('request:start', ({ request }) => console.log('REQ', request.url));
  const { history } = renderApp('/measures?area=5.2&status=in_progress&asOf=2016-03-31');
  await screen.findByRole('status');
  await new Promise((r) => setTimeout(r, 500));
  console.log(history.location.href, screen.getByRole('status').textContent);
});
