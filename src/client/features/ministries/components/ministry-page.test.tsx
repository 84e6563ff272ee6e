// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';
import type { ErrorBody } from '@/domain/contract';
import { ministrySummary } from '@/domain/dashboard';
import { serverText } from '@/client/lib/server-text';

const ASOF = '2018-03-31';

describe('ministry page with the sample scenario', () => {
  const api = setupMockApi({ scenario: true });
  const expected = (id: string, asOf = ASOF) => ministrySummary(api().index, id, asOf)!;

  it('shows what the ministry leads and contributes to, with its own status and progress', async () => {
    renderApp(`/ministries/npa?asOf=${ASOF}`);
    expect(await screen.findByRole('heading', { level: 1, name: '警察庁' })).toBeInTheDocument();
    const want = expected('npa');
    const figure = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(figure('主担当')).toHaveTextContent(String(want.counts.lead));
    expect(figure('関係')).toHaveTextContent(String(want.counts.contributing));
    expect(figure('完了')).toHaveTextContent(String(want.counts.counts.byStatus.completed));
    expect(figure('要注意')).toHaveTextContent(String(want.counts.counts.byHealth.at_risk));
    expect(figure('進捗')).toHaveTextContent(`${want.counts.counts.progress}%`);

    const leads = screen.getByRole('region', { name: `主担当の施策 ${want.lead.length}件` });
    const rows = within(leads).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(want.lead.length);
    const first = want.lead[0]!;
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute(
      'href',
      `/measures/${encodeURIComponent(first.measureId)}?asOf=${ASOF}`,
    );
    expect(within(rows[0]!).getByRole('progressbar')).toHaveAttribute('aria-valuenow', String(first.progress));
    const contributes = screen.getByRole('region', { name: `関係する施策 ${want.contributing.length}件` });
    expect(within(contributes).getAllByRole('row')).toHaveLength(1 + want.contributing.length);
  });

  it('lists what is due next and its latest updates, newest first', async () => {
    renderApp(`/ministries/npa?asOf=2016-03-31`);
    const want = expected('npa', '2016-03-31');
    const due = await screen.findByRole('region', { name: '今後の期限' });
    expect(within(due).getAllByRole('listitem')).toHaveLength(want.dueNext.length);
    const history = screen.getByRole('region', { name: /^最近の更新/ });
    expect(history).toHaveTextContent(`${want.history.total}件中 ${want.history.items.length}件`);
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(want.history.items.length);
    expect(entries[0]).toHaveTextContent(want.history.items[0]!.effectiveOn);
    expect(entries[0]).toHaveTextContent(want.history.items[0]!.code);
  });

  it('is reached from the scorecard, keeping the date, and links back to the index', async () => {
    const { user, history } = renderApp(`/ministries?asOf=${ASOF}`);
    await user.click(await screen.findByRole('link', { name: '警察庁' }));
    expect(await screen.findByRole('heading', { level: 1, name: '警察庁' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/ministries/npa');
    expect(history.location.search).toBe(`?asOf=${ASOF}`);
    const crumbs = within(screen.getByRole('navigation', { name: 'breadcrumb' }));
    expect(crumbs.getByRole('link', { name: '府省庁' })).toHaveAttribute('href', `/ministries?asOf=${ASOF}`);
  });

  it('says so for an unknown ministry', async () => {
    renderApp('/ministries/nope');
    expect(await screen.findByRole('heading', { level: 1, name: 'この府省庁は見つかりません。' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a skeleton while loading and a server error inline with Retry', async () => {
    const body: ErrorBody = {
      error: { code: 'internal', message: 'サーバーで問題が発生しました / Something went wrong' },
    };
    api().server.use(
      http.get('*/api/ministries/:id/summary', () => HttpResponse.json(body, { status: 500 }), { once: true }),
    );
    const { user } = renderApp(`/ministries/npa?asOf=${ASOF}`);
    expect((await screen.findByText('読み込み中…')).closest('[aria-busy]')).toHaveAttribute('aria-busy', 'true');
    const alert = await screen.findByRole('alert');
    // The reader's language only: the Japanese half of the server's bilingual message.
    expect(alert).toHaveTextContent(serverText(body.error.message, 'ja'));
    expect(alert).not.toHaveTextContent('Something went wrong');
    await user.click(within(alert).getByRole('button', { name: '再試行' }));
    expect(await screen.findByRole('heading', { level: 1, name: '警察庁' })).toBeInTheDocument();
  });
});

describe('ministry page without any progress recorded', () => {
  setupMockApi({ scenario: false });

  it('has no updates to show', async () => {
    renderApp(`/ministries/npa?asOf=${ASOF}`);
    const history = await screen.findByRole('region', { name: /^最近の更新/ });
    expect(within(history).getByText('この基準日までの更新はありません。')).toBeInTheDocument();
    await waitFor(() => expect(within(history).queryAllByRole('listitem')).toHaveLength(0));
  });
});
