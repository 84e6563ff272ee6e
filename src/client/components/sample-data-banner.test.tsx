// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TODAY } from '../../../tests/client/harness';
import { listMeasures } from '@/domain/contract';
import { strategyKeys } from '../features/strategy/api/keys';

// Each block starts its own backend: the banner depends on what the store holds.

describe('with the sample scenario loaded', () => {
  setupMockApi({ scenario: true });

  it('warns that the progress shown is fictitious, naming the scenario', async () => {
    renderApp('/measures');
    const banner = await screen.findByRole('note');
    expect(banner).toHaveTextContent('サンプルデータ表示中');
    expect(banner).toHaveTextContent('サンプル進捗シナリオ（架空）');
  });

  it('says so in English too', async () => {
    renderApp('/measures', { lang: 'en' });
    const banner = await screen.findByRole('note');
    expect(banner).toHaveTextContent('Sample data: progress shown is fictitious demo data');
    expect(banner).toHaveTextContent('Sample progress scenario (fictitious)');
  });
});

describe('without a scenario', () => {
  const api = setupMockApi({ scenario: false });

  it('shows no banner once the data has loaded', async () => {
    const { queryClient } = renderApp('/measures');
    const total = listMeasures(api().index, {}, { limit: 1, offset: 0 }, TODAY).total;
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(new RegExp(`^${total} 件`)));
    // Absence means something only after /api/meta has answered.
    await waitFor(() => expect(queryClient.getQueryState(strategyKeys.meta)?.status).toBe('success'));
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.queryByText(/サンプルデータ/)).not.toBeInTheDocument();
  });
});
