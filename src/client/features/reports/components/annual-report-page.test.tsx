// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AnnualReport } from '@/domain/report';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';

const api = setupMockApi({ as: 'viewer' });
const PAGE = '/reports/annual?fy=2015&asOf=2016-03-31';

async function expected(): Promise<AnnualReport> {
  const viewer = await api().clientAs('viewer');
  const res = await viewer.get('/api/reports/annual?fy=2015&asOf=2016-03-31');
  expect(res.status).toBe(200);
  return (await res.json()) as AnnualReport;
}

describe('the annual report page', () => {
  it("shows the URL's year as of the URL's date: title, figures, Tokyo 2020, the annex with 再掲 rows", async () => {
    const r = await expected();
    renderApp(PAGE);
    const sheet = await screen.findByRole('region', { name: '報告書本文' });
    expect(within(sheet).getByRole('heading', { level: 1 })).toHaveTextContent(
      'サイバーセキュリティ戦略 年次報告（2015年度（平成27年度））',
    );
    expect(sheet).toHaveTextContent('基準日: 2016年3月31日（平成28年3月31日）');
    expect(within(sheet).getByRole('note')).toHaveTextContent('【サンプル】');

    const byStatus = within(sheet).getAllByRole('table')[0]!;
    const inProgress = within(byStatus).getByRole('row', { name: /^実施中/ });
    expect(within(inProgress).getAllByRole('cell')[2]).toHaveTextContent(String(r.summary.counts.byStatus.in_progress));
    const total = within(byStatus).getByRole('row', { name: /^合計/ });
    expect(within(total).getAllByRole('cell')[2]).toHaveTextContent('258');

    expect(
      within(sheet).getByRole('heading', { level: 2, name: '4. 東京2020大会に向けた準備状況' }),
    ).toBeInTheDocument();
    expect(sheet).toHaveTextContent(`まで${r.tokyo2020.daysToGames}日。対象施策 ${r.tokyo2020.counts.total} 件`);

    for (const s of r.annex)
      expect(
        within(sheet).getByRole('heading', { level: 3, name: `${s.sectionCode} ${s.title.ja}` }),
      ).toBeInTheDocument();
    const crossListed = r.annex.flatMap((s) => s.rows).filter((row) => row.crossRef);
    expect(crossListed.length).toBeGreaterThan(0);
    const marked = sheet.querySelectorAll('tr.cross-listed');
    expect(marked).toHaveLength(crossListed.length);
    expect(marked[0]).toHaveTextContent(
      `（再掲）${crossListed[0]!.title.ja}→ ${crossListed[0]!.crossRef!.number} 参照`,
    );

    // The pickers show the URL's choice; the downloads are the same report in each format and language.
    expect(screen.getByLabelText('年度')).toHaveValue('2015');
    expect(screen.getByLabelText('基準日')).toHaveValue('2016-03-31');
    const downloads = screen.getByRole('group', { name: 'ダウンロード' });
    expect(within(downloads).getByRole('link', { name: 'PDF' })).toHaveAttribute(
      'href',
      '/api/reports/annual?fy=2015&lang=ja&format=pdf&asOf=2016-03-31',
    );
    expect(within(downloads).getByRole('link', { name: 'Word（docx）' })).toHaveAttribute(
      'href',
      '/api/reports/annual?fy=2015&lang=ja&format=docx&asOf=2016-03-31',
    );
    expect(within(downloads).getByRole('link', { name: 'Markdown' })).toHaveAttribute(
      'href',
      '/api/reports/annual?fy=2015&lang=ja&format=md&asOf=2016-03-31',
    );
  });

  it('in English, the report and its downloads are English', async () => {
    renderApp(PAGE, { lang: 'en' });
    const sheet = await screen.findByRole('region', { name: 'The report' });
    expect(within(sheet).getByRole('heading', { level: 1 })).toHaveTextContent(
      'Cybersecurity Strategy annual report, FY2015 (Heisei 27)',
    );
    expect(
      within(sheet).getByRole('heading', { level: 2, name: 'Annex: implementation by measure' }),
    ).toBeInTheDocument();
    expect(sheet.querySelector('tr.cross-listed')).toHaveTextContent('(cross-listed)');
    expect(screen.getByRole('link', { name: 'PDF' })).toHaveAttribute(
      'href',
      '/api/reports/annual?fy=2015&lang=en&format=pdf&asOf=2016-03-31',
    );
  });

  it('choosing another year puts it in the URL and drops a date outside it', async () => {
    const { user, search } = renderApp(PAGE);
    await screen.findByRole('region', { name: '報告書本文' });
    await user.selectOptions(screen.getByLabelText('年度'), '2016');
    await waitFor(() => expect(search()).toEqual({ fy: '2016' }));
    const sheet = await screen.findByRole('region', { name: '報告書本文' });
    await waitFor(() =>
      expect(within(sheet).getByRole('heading', { level: 1 })).toHaveTextContent('2016年度（平成28年度）'),
    );
    expect(screen.getByLabelText('基準日')).toHaveAttribute('min', '2016-04-01');
    expect(screen.getByLabelText('基準日')).toHaveAttribute('max', '2017-03-31');
  });

  it('offers the year the URL names even past the Tokyo 2020 horizon', async () => {
    renderApp('/reports/annual?fy=2024');
    await screen.findByRole('region', { name: '報告書本文' });
    const fy = screen.getByLabelText<HTMLSelectElement>('年度');
    expect(fy).toHaveValue('2024');
    expect(within(fy).getByRole('option', { selected: true })).toHaveTextContent('2024年度（令和6年度）');
  });

  it("shows the server's refusal in the reader's language only", async () => {
    // A date outside the fiscal year: the API refuses it with a message in both languages.
    renderApp('/reports/annual?fy=2015&asOf=2017-01-01');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('読み込めませんでした');
    expect(alert).toHaveTextContent('基準日は年度内（2015-04-01〜2016-03-31）で指定してください');
    expect(alert).not.toHaveTextContent('Give a date');
    expect(screen.getByRole('button', { name: '再試行' })).toBeInTheDocument();
  });
});
