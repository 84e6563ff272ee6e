// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';
import type { ErrorBody } from '@/domain/contract';
import { computeStats } from '@/domain/contract';
import { serverText } from '@/client/lib/server-text';

const api = setupMockApi({ scenario: true });
const ASOF = '2018-03-31';
const stats = () => computeStats(api().index, ASOF, 'quarter');

/** The table behind a chart's toggle, as rows of cell texts (header row first). */
async function tableOf(user: ReturnType<typeof renderApp>['user'], figureName: string) {
  const figure = await screen.findByRole('figure', { name: figureName });
  const toggle = within(figure).getByRole('button', { name: '表で表示' });
  expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const rows = within(within(figure).getByRole('table')).getAllByRole('row');
  return { figure, rows: rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? '')) };
}

describe('planned vs actual (issue 11)', () => {
  const TITLE = '計画と実績（平均進捗）';

  it('draws expected and actual lines with recharts inside a captioned figure, and states both in the headline', async () => {
    renderApp(`/?asOf=${ASOF}`);
    const figure = await screen.findByRole('figure', { name: TITLE });
    expect(figure.querySelector('figcaption')).toHaveTextContent('継続施策は終わりがないため平均に含めず別に示す');
    const chart = await within(figure).findByRole('img', { name: TITLE });
    await waitFor(() =>
      expect(chart.querySelectorAll('.chart-line--planned path.recharts-line-curve')).toHaveLength(1),
    );
    expect(chart.querySelector('.chart-line--actual path.recharts-line-curve')?.getAttribute('d')).toMatch(
      /^M[\d.]+,[\d.]+/,
    );
    // Milestones are numbered on the chart and named beside it.
    const key = within(figure).getByRole('list', { name: 'マイルストーン' });
    expect(key).toHaveTextContent('東京2020オリンピック競技大会');
    // The sample scenario on 2018-03-31: expected 97.2 %, actual 80.9 % (the domain's figures).
    const at = stats().plannedVsActual.find((p) => p.date === ASOF)!;
    expect([at.expectedProgress, at.actualProgress]).toEqual([97.2, 80.9]);
    const headline = document.getElementById('progress-headline');
    expect(headline).toHaveTextContent('計画上 97.2%');
    expect(headline).toHaveTextContent('実績 80.9%');
    expect(headline).toHaveTextContent('16.3 ポイント遅れ');
  });

  it('toggles to a table with the same numbers as /api/stats', async () => {
    const { user } = renderApp(`/?asOf=${ASOF}`);
    const { rows } = await tableOf(user, TITLE);
    const points = stats().plannedVsActual;
    expect(rows.slice(1)).toHaveLength(points.length);
    for (const [i, p] of points.entries()) {
      const [date, expected, actual, , expectedDone, done] = rows[i + 1]!;
      expect(date).toContain(p.date);
      expect(expected).toBe(`${p.expectedProgress}%`);
      expect(actual).toBe(p.actualProgress === null ? '—' : `${p.actualProgress}%`);
      expect(expectedDone).toBe(String(p.expectedCompleted));
      expect(done).toBe(p.completed === null ? '—' : String(p.completed));
    }
    expect(rows.find((r) => r[0]!.startsWith(ASOF))?.slice(1)).toEqual(['97.2%', '80.9%', '-16.3', '223', '117']);
  });

  it('shows the Tokyo 2020 set with its forecast, and a small chart per policy area', async () => {
    renderApp(`/?asOf=${ASOF}`);
    const tokyo = await screen.findByRole('figure', { name: '東京2020大会に向けた準備状況（27）' });
    expect(tokyo.querySelector('figcaption')).toHaveTextContent('予測であり、計画ではありません');
    expect(await screen.findByText('この進み方では100%到達：2019-12-17')).toBeInTheDocument();
    for (const area of stats().progressByArea)
      expect(
        await screen.findByRole('figure', { name: new RegExp(`^${area.key.replace('.', '\\.')} `) }),
      ).toBeInTheDocument();
  });
});

describe('progress by area and section', () => {
  it('tabulates each area by health, then by status', async () => {
    const { user } = renderApp(`/?asOf=${ASOF}`);
    const { figure, rows } = await tableOf(user, '政策領域別の状況');
    expect(rows[0]).toEqual(['政策領域別の状況', '● 完了', '✓ 順調', '! 要注意', '‼ 期限超過', '– 中止', '計', '進捗']);
    for (const [i, g] of stats().byArea.entries()) {
      const h = g.counts.byHealth;
      expect(rows[i + 1]!.slice(1)).toEqual(
        [h.done, h.on_track, h.at_risk, h.overdue, h.suspended, g.counts.total, `${g.counts.progress}%`].map(String),
      );
    }
    await user.click(within(figure).getByRole('radio', { name: '状況' }));
    const byStatus = within(within(figure).getByRole('table')).getAllByRole('row');
    const first = stats().byArea[0]!.counts.byStatus;
    const cells = within(byStatus[1]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 4)).toEqual(
      [first.completed, first.in_progress, first.not_started, first.suspended].map(String),
    );
  });

  it('has one row per section', async () => {
    const { user } = renderApp(`/?asOf=${ASOF}`);
    const { rows } = await tableOf(user, '項目別の状況');
    expect(rows.slice(1).map((r) => r[0]!.split(' ')[0])).toEqual(stats().bySection.map((s) => s.key));
  });
});

describe('ministry scorecard', () => {
  it('shows each ministry’s own counts and links to its page at the same date', async () => {
    renderApp(`/?asOf=${ASOF}`);
    const card = await screen.findByRole('region', { name: '府省庁別スコアカード' });
    const nisc = stats().byMinistry.find((m) => m.ministryId === 'nisc')!;
    const link = await within(card).findByRole('link', { name: 'NISC' });
    expect(link).toHaveAttribute('href', `/ministries/nisc?asOf=${ASOF}`);
    const cells = within(link.closest('tr')!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual(
      [
        nisc.lead,
        nisc.contributing,
        nisc.counts.byStatus.completed,
        nisc.counts.byHealth.overdue,
        nisc.counts.byHealth.at_risk,
      ].map(String),
    );
    expect(cells[5]).toContain(`${nisc.counts.progress}%`);
    expect(cells[6]).toBe(nisc.lastUpdate);
  });

  it('is the ministries index too, with the same numbers', async () => {
    renderApp(`/ministries?asOf=${ASOF}`);
    expect(await screen.findByRole('heading', { level: 1, name: '府省庁' })).toBeInTheDocument();
    const card = await screen.findByRole('region', { name: '府省庁別スコアカード' });
    const rows = within(card).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(stats().byMinistry.filter((m) => m.lead + m.contributing > 0).length);
  });

  it('shows the stats error inline on the ministries index, with Retry', async () => {
    const body: ErrorBody = {
      error: { code: 'internal', message: 'サーバーで問題が発生しました / Something went wrong' },
    };
    api().server.use(http.get('*/api/stats', () => HttpResponse.json(body, { status: 500 }), { once: true }));
    const { user } = renderApp(`/ministries?asOf=${ASOF}`);
    const alert = await screen.findByRole('alert');
    // The reader's language only: the Japanese half of the server's bilingual message.
    expect(alert).toHaveTextContent(serverText(body.error.message, 'ja'));
    expect(alert).not.toHaveTextContent('Something went wrong');
    await user.click(within(alert).getByRole('button', { name: '再試行' }));
    expect(await screen.findByRole('region', { name: '府省庁別スコアカード' })).toBeInTheDocument();
  });
});
