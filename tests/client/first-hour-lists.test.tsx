// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { needsAttention } from '@/domain/dashboard';
import { allStatesAt } from '@/domain/plan';
import { renderApp, setupMockApi } from './harness';

/** Sortable lists with days overdue, and every 「ほか N件」 a link to the whole list (issue 18, item 5). */
const api = setupMockApi({ as: 'viewer' });
const AS_OF = '2018-03-31';

const rows = () =>
  within(screen.getByRole('table', { name: '施策一覧' }))
    .getAllByRole('row')
    .slice(1);

describe('the measures list sorts', () => {
  it('by days overdue, most first, and back; the order is in the URL', async () => {
    const { user, history } = renderApp(`/measures?asOf=${AS_OF}`);
    await screen.findByRole('table', { name: '施策一覧' });
    await user.click(screen.getByRole('link', { name: '超過日数: 降順に並べ替え' }));
    await waitFor(() => expect(history.location.search).toContain('sort=overdue'));
    const header = screen.getByRole('columnheader', { name: /超過日数/ });
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
    expect(allStatesAt(api().index, AS_OF).some((s) => s.health === 'overdue')).toBe(true);
    await waitFor(() => expect(rows()[0]).toHaveTextContent(/\d+日/));
    const shown = rows()
      .map((r) => /(\d+)日/.exec(within(r).getAllByRole('cell')[3]!.textContent ?? '')?.[1])
      .filter((d): d is string => !!d)
      .map(Number);
    expect(shown).toEqual([...shown].sort((a, b) => b - a));

    await user.click(screen.getByRole('link', { name: '超過日数: 昇順に並べ替え' }));
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'));
    expect(history.location.search).toContain('order=asc');
  });
});

describe('the overview’s 「ほか N件」', () => {
  it('leads to the whole list, filtered and sorted as the overview lists it', async () => {
    const attention = needsAttention(allStatesAt(api().index, AS_OF), AS_OF);
    const kind = (['overdue', 'dueSoon', 'stale'] as const).find((k) => attention[k].total > attention[k].items.length);
    expect(kind).toBeDefined();
    const rest = attention[kind!].total - attention[kind!].items.length;
    const { user, history } = renderApp(`/?asOf=${AS_OF}`);
    const link = await screen.findByRole('link', { name: `ほか ${rest}件を一覧で見る` });
    await user.click(link);
    await waitFor(() => expect(history.location.pathname).toBe('/measures'));
    expect(history.location.search).toContain(`attention=${kind}`);
    expect(await screen.findByText(String(attention[kind!].total))).toBeInTheDocument();
    expect(screen.getByLabelText('要対応')).toHaveValue(kind);
  });
});
