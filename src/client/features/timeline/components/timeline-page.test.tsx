// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';
import type { ErrorBody } from '@/domain/contract';
import { timeline, type TimelineGroupBy } from '@/domain/dashboard';
import { firstRowsPerGroup, ROWS_PER_PAGE } from '../search';
import { serverText } from '@/client/lib/server-text';

const api = setupMockApi({ scenario: true });
const ASOF = '2018-03-31';
const expected = (groupBy: TimelineGroupBy, fy: number | null = null) => timeline(api().index, ASOF, groupBy, fy);

/** Each group's heading and the rows it shows. */
function groups() {
  return screen.getAllByRole('region').filter((r) => r.classList.contains('tl-group'));
}

describe('timeline', () => {
  it('groups the measures by policy area, as the domain does, showing a page of rows per group', async () => {
    renderApp(`/timeline?asOf=${ASOF}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'タイムライン' })).toBeInTheDocument();
    const want = expected('area');
    // The first page of the file: the mock builds its plan index, and the rows render at a deferred
    // priority (in slices); on a loaded machine that takes longer than the default wait.
    await waitFor(() => expect(groups()).toHaveLength(want.groups.length), { timeout: 15_000 });
    for (const [i, g] of want.groups.entries()) {
      const region = groups()[i]!;
      expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent(`${g.key} `);
      expect(within(region).getByRole('heading', { level: 2 })).toHaveTextContent(`${g.total}件`);
      expect(within(region).getAllByRole('listitem')).toHaveLength(
        Math.min(g.total, firstRowsPerGroup(want.groups.length)),
      );
    }
    // Each bar's dates, health and progress are in the row's text for screen readers.
    const row = want.groups[0]!.rows[0]!;
    const item = within(groups()[0]!).getAllByRole('listitem')[0]!;
    expect(within(item).getByRole('link')).toHaveAttribute(
      'href',
      `/measures/${encodeURIComponent(row.id)}?asOf=${ASOF}`,
    );
    expect(item).toHaveTextContent(`開始 ${row.start}, 期限 ${row.end}`);
    expect(item).toHaveTextContent(`進捗 ${row.progress}%`);
  });

  it('shows more rows of a long group on request', async () => {
    const { user } = renderApp(`/timeline?asOf=${ASOF}`);
    const want = expected('area');
    const first = firstRowsPerGroup(want.groups.length);
    const index = want.groups.findIndex((g) => g.total > first);
    const long = want.groups[index]!;
    await waitFor(() => expect(groups()).toHaveLength(want.groups.length));
    const region = groups()[index]!;
    await user.click(within(region).getByRole('button', { name: `さらに表示（残り ${long.total - first}）` }));
    // The first page of each group came with the timeline; the next one is fetched for this group.
    await waitFor(() =>
      expect(within(region).getAllByRole('listitem')).toHaveLength(Math.min(long.total, first + ROWS_PER_PAGE)),
    );
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((li) => within(li).getByRole('link').getAttribute('href')),
    ).toEqual(
      long.rows.slice(0, first + ROWS_PER_PAGE).map((r) => `/measures/${encodeURIComponent(r.id)}?asOf=${ASOF}`),
    );
  });

  it('regroups by lead ministry and zooms to a fiscal year through the URL', async () => {
    const { user, search } = renderApp(`/timeline?asOf=${ASOF}`);
    await screen.findByRole('heading', { level: 1, name: 'タイムライン' });
    await user.selectOptions(screen.getByLabelText('グループ'), 'ministry');
    await user.selectOptions(screen.getByLabelText('表示期間'), '2017');
    await waitFor(() => expect(search()).toEqual({ asOf: ASOF, groupBy: 'ministry', fy: '2017' }));
    const want = expected('ministry', 2017);
    await waitFor(() => expect(groups()).toHaveLength(want.groups.length));
    expect(within(groups()[1]!).getByRole('heading', { level: 2 })).toHaveTextContent(
      `NISC ${want.groups[1]!.total}件`,
    );
    // The axis shows the four quarters of FY2017 only.
    expect(screen.getAllByText(/^第[1-4]四半期$/)).toHaveLength(4);
  });

  it('says so when no measure falls in the period', async () => {
    renderApp(`/timeline?asOf=${ASOF}&fy=2030`);
    expect(expected('area', 2030).groups).toEqual([]);
    expect(await screen.findByText('この期間に該当する施策はありません。')).toBeInTheDocument();
  });

  it('shows a busy skeleton while loading and an inline error with Retry', async () => {
    const body: ErrorBody = {
      error: { code: 'internal', message: 'サーバーで問題が発生しました / Something went wrong' },
    };
    api().server.use(http.get('*/api/timeline', () => HttpResponse.json(body, { status: 500 }), { once: true }));
    const { user } = renderApp(`/timeline?asOf=${ASOF}`);
    expect((await screen.findByText('読み込み中…')).closest('[aria-busy]')).toHaveAttribute('aria-busy', 'true');
    const alert = await screen.findByRole('alert');
    // The reader's language only: the Japanese half of the server's bilingual message.
    expect(alert).toHaveTextContent(serverText(body.error.message, 'ja'));
    expect(alert).not.toHaveTextContent('Something went wrong');
    await user.click(within(alert).getByRole('button', { name: '再試行' }));
    await waitFor(() => expect(groups()).toHaveLength(expected('area').groups.length));
  });
});
