// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TODAY } from '../../../../../tests/client/harness';
import type { ErrorBody } from '@/domain/contract';
import { overview, type HeadlineKey } from '@/domain/dashboard';
import { serverText } from '@/client/lib/server-text';

const api = setupMockApi({ scenario: true });

const LABELS: Record<HeadlineKey, string> = {
  total: '施策数',
  completed: '完了',
  inProgress: '実施中',
  notStarted: '未着手',
  overdue: '期限超過',
  atRisk: '要注意',
  progress: '全体の進捗',
};

const changeText = (change: number, unit = '') =>
  change === 0 ? '増減なし' : `${change > 0 ? '+' : '−'}${Math.abs(change)}${unit}`;

async function expectFigures(asOf: string) {
  const want = overview(api().index, asOf);
  for (const f of want.headline) {
    const group = await screen.findByRole('group', { name: LABELS[f.key] });
    await waitFor(() => expect(group).toHaveTextContent(f.key === 'progress' ? `${f.value}%` : `${f.value}件`));
    expect(group).toHaveTextContent(changeText(f.change, f.key === 'progress' ? 'ポイント' : ''));
  }
  return want;
}

describe('overview: the figures are the domain rules’ for the as-of date', () => {
  it.each(['2016-03-31', '2018-03-31'])('headline, countdowns and attention lists as of %s', async (asOf) => {
    renderApp(`/?asOf=${asOf}`);
    expect(await screen.findByRole('heading', { level: 1, name: '実施状況の概要' })).toBeInTheDocument();
    const want = await expectFigures(asOf);
    expect(screen.getByRole('heading', { level: 2, name: /主要指標/ })).toHaveTextContent(
      want.previousAsOf === '2015-12-31' ? '2015年12月31日' : '2017年12月31日',
    );

    const next = want.countdowns.next!;
    const nextCard = screen.getByRole('region', { name: '次のマイルストーン' });
    expect(nextCard).toHaveTextContent(next.milestone.title.ja);
    expect(nextCard).toHaveTextContent(`あと ${next.days.toLocaleString('ja-JP')} 日`);
    expect(nextCard).toHaveTextContent(`関連施策 ${next.tagged}件のうち未完了 ${next.notComplete}件`);
    const games = want.countdowns.tokyo2020!;
    const gamesCard = screen.getByRole('region', { name: '東京2020大会（開会式）' });
    expect(gamesCard).toHaveTextContent(`あと ${games.days.toLocaleString('ja-JP')} 日`);
    expect(gamesCard).toHaveTextContent(
      `関連施策 ${games.tagged}件のうち未完了 ${games.notComplete}件（うち期限超過・要注意 ${games.atRiskOrOverdue}件）`,
    );
    expect(within(gamesCard).getByRole('link', { name: '東京2020関連の施策を見る' })).toHaveAttribute(
      'href',
      `/measures?tag=tokyo2020&asOf=${asOf}`,
    );

    for (const [kind, title] of [
      ['overdue', '期限超過'],
      ['dueSoon', '90日以内に期限・進捗遅れ'],
      ['stale', '180日以上更新なし'],
    ] as const) {
      const list = want.attention[kind];
      const region = screen.getByRole('region', { name: `${title} ${list.total}件` });
      expect(within(region).queryAllByRole('listitem')).toHaveLength(list.items.length);
      if (list.items[0]) {
        const link = within(region).getByRole('link', { name: `${list.items[0].code} ${list.items[0].title.ja}` });
        expect(link).toHaveAttribute('href', `/measures/${encodeURIComponent(list.items[0].id)}?asOf=${asOf}`);
      } else {
        expect(region).toHaveTextContent('該当なし');
      }
    }
  });

  it('links each count to the measures it counts, at the same date', async () => {
    renderApp('/?asOf=2018-03-31');
    const overdue = await screen.findByRole('group', { name: '期限超過' });
    expect(within(overdue).getByRole('link', { name: '期限超過' })).toHaveAttribute(
      'href',
      '/measures?health=overdue&asOf=2018-03-31',
    );
    expect(within(screen.getByRole('group', { name: '完了' })).getByRole('link', { name: '完了' })).toHaveAttribute(
      'href',
      '/measures?status=completed&asOf=2018-03-31',
    );
  });

  it('shows the figures in English', async () => {
    renderApp('/?asOf=2018-03-31', { lang: 'en' });
    const want = overview(api().index, '2018-03-31');
    const completed = want.headline.find((f) => f.key === 'completed')!;
    const group = await screen.findByRole('group', { name: 'Completed' });
    expect(group).toHaveTextContent(`${completed.value}`);
    expect(group).toHaveTextContent(`+${completed.change}`);
    expect(screen.getByRole('region', { name: 'Next milestone' })).toHaveTextContent(
      `${want.countdowns.next!.days} days to go`,
    );
  });
});

describe('overview: the reporting date', () => {
  it('defaults to today from /api/meta and moves to a fiscal year end, in the URL', async () => {
    const { user, search } = renderApp('/');
    await expectFigures(TODAY);
    const date = screen.getByLabelText('基準日');
    await waitFor(() => expect(date).toHaveValue(TODAY));
    expect(screen.getByRole('button', { name: '今日にする' })).toBeDisabled();

    await user.selectOptions(screen.getByRole('combobox', { name: '年度末から選ぶ' }), '2018-03-31');
    await waitFor(() => expect(search()).toEqual({ asOf: '2018-03-31' }));
    await expectFigures('2018-03-31');
    expect(date).toHaveValue('2018-03-31');

    await user.click(screen.getByRole('button', { name: '今日にする' }));
    await waitFor(() => expect(search()).toEqual({}));
    await expectFigures(TODAY);
  });
});

describe('overview: loading and errors', () => {
  it('shows a busy skeleton until the figures arrive', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    api().server.use(
      http.get('*/api/dashboard', async ({ request }) => {
        await gate;
        return api().forward(request);
      }),
    );
    renderApp('/?asOf=2016-03-31');
    const skeleton = (await screen.findAllByText('読み込み中…'))[0]!.closest('[aria-busy]');
    expect(skeleton).toHaveAttribute('aria-busy', 'true');
    expect(screen.queryByRole('group', { name: '施策数' })).not.toBeInTheDocument();
    release();
    await expectFigures('2016-03-31');
  });

  it('shows a failed part inline with Retry while the rest of the page works', async () => {
    const body: ErrorBody = {
      error: { code: 'internal', message: 'サーバーで問題が発生しました / Something went wrong' },
    };
    // Failing until Retry: the page's requests start with the session check, so one that failed
    // before the page mounted is asked again as it mounts (react-query's retry on mount).
    api().server.use(http.get('*/api/dashboard', () => HttpResponse.json(body, { status: 500 })));
    const { user } = renderApp('/?asOf=2016-03-31');
    // The summary's, and the Tokyo 2020 chart's (its forecast comes with the dashboard).
    const [alert] = await screen.findAllByRole('alert');
    if (!alert) throw new Error('no alert');
    // The reader's language only: the Japanese half of the server's bilingual message.
    expect(alert).toHaveTextContent(serverText(body.error.message, 'ja'));
    expect(alert).not.toHaveTextContent('Something went wrong');
    // The charts come from /api/stats and still render.
    expect(await screen.findByRole('figure', { name: '計画と実績（平均進捗）' })).toBeInTheDocument();

    api().server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: '再試行' }));
    await expectFigures('2016-03-31');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
