// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';
import { daysBetween } from '@/domain/plan';
import { measureDetail } from '@/domain/contract';
import { progressHistory } from '@/domain/plan';

const api = setupMockApi({ scenario: true });

/** 5.2.3(1)ii-1 GSOC: NISC alone, updated every half year in the sample; tagged for Tokyo 2020. */
const GSOC = '5.2.3(1)ii-1';
const ASOF = '2017-03-31';
const url = `/measures/${encodeURIComponent(GSOC)}?asOf=${ASOF}`;

describe('measure page: progress history and milestones', () => {
  it('charts the progress from the recorded updates, with the same numbers as a table', async () => {
    const m = measureDetail(api().index, GSOC, ASOF)!;
    const points = progressHistory(m.history, m.assignments, m.start, ASOF);
    expect(points.length).toBeGreaterThan(2);
    const { user } = renderApp(url);
    const figure = await screen.findByRole('figure', { name: '進捗の推移' });
    await waitFor(() => expect(figure.querySelector('svg.recharts-surface')).not.toBeNull());

    await user.click(within(figure).getByRole('button', { name: '表で表示' }));
    const rows = within(within(figure).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(points.length);
    for (const [i, p] of points.entries()) {
      expect(rows[i]).toHaveTextContent(p.date);
      expect(within(rows[i]!).getAllByRole('cell')[0]).toHaveTextContent(`${p.measure}%`);
    }
    expect(rows.at(-1)).toHaveTextContent(`${m.progress}%`);
  });

  it('lists the linked milestones with the days left from the as-of date', async () => {
    renderApp(url);
    const region = await screen.findByRole('region', { name: '関連マイルストーン' });
    const days = daysBetween(ASOF, '2020-07-24');
    expect(region).toHaveTextContent('東京2020オリンピック競技大会');
    expect(region).toHaveTextContent(`あと${days}日`);
  });

  it('has a reporting-date control that moves the whole page', async () => {
    const { user, search } = renderApp(url);
    await screen.findByRole('figure', { name: '進捗の推移' });
    await user.selectOptions(screen.getByRole('combobox', { name: '年度末から選ぶ' }), '2016-03-31');
    await waitFor(() => expect(search()).toEqual({ asOf: '2016-03-31' }));
    const history = await screen.findByRole('region', { name: '更新履歴' });
    await waitFor(() =>
      expect(within(history).getAllByRole('listitem')).toHaveLength(
        measureDetail(api().index, GSOC, '2016-03-31')!.history.length,
      ),
    );
  });
});
