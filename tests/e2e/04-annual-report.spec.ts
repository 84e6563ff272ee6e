import type { Page } from '@playwright/test';
import { HEALTH_LABELS, STATUS_LABELS, STATUSES } from '@/domain/plan';
import type { AnnualReport } from '@/domain/report';
import { expectAccessible, snapshot } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';
import { download, pdfPageCount, ZIP_MAGIC, zipEntryNames } from './support/files';

const FY = 2015;
const AS_OF = '2016-03-31';
const PAGE = `/reports/annual?fy=${FY}&asOf=${AS_OF}`;

async function report(page: Page): Promise<AnnualReport> {
  const res = await page.request.get(`/api/reports/annual?fy=${FY}&asOf=${AS_OF}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as AnnualReport;
}

for (const lang of ['ja', 'en'] as const) {
  test.describe(`the annual report (${lang})`, () => {
    test.use({ lang });
    const L = (ja: string, en: string) => (lang === 'ja' ? ja : en);

    test.beforeEach(async ({ page }) => signIn(page, 'viewer'));

    test('FY2015 as of 2016-03-31 with the sample scenario, on screen', async ({ page }) => {
      const r = await report(page);
      await page.goto(PAGE);
      await expect(
        page.getByRole('heading', { level: 1, name: L('年次報告', 'Annual report'), exact: true }),
      ).toBeVisible();
      const sheet = page.locator('article.annual-report');
      await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(
        L(
          'サイバーセキュリティ戦略 年次報告（2015年度（平成27年度））',
          'Cybersecurity Strategy annual report, FY2015 (Heisei 27)',
        ),
      );
      await expect(sheet).toContainText(L('基準日: 2016年3月31日（平成28年3月31日）', 'As of: 31 Mar 2016'));
      // The report is built from fictitious data and says so, on the page and in the report itself.
      await expect(sheet.getByRole('note')).toContainText(L('【サンプル】', '[SAMPLE]'));
      // The pickers show what the URL asks for.
      await expect(page.getByLabel(L('年度', 'Fiscal year'))).toHaveValue(String(FY));
      await expect(page.getByLabel(L('基準日', 'As of'))).toHaveValue(AS_OF);

      // Headline figures: measures by status at the end of last year and now, with the change.
      const byStatus = sheet.locator('table.summary-table').first();
      for (const s of STATUSES) {
        const row = byStatus
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: STATUS_LABELS[s][lang], exact: true }) });
        await expect(row.getByRole('cell').nth(2)).toHaveText(String(r.summary.counts.byStatus[s]));
        await expect(row.getByRole('cell').nth(1)).toHaveText(String(r.summary.previous.byStatus[s]));
      }
      const total = byStatus
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: L('合計', 'Total'), exact: true }) });
      await expect(total.getByRole('cell').nth(2)).toHaveText(String(r.summary.counts.total));
      expect(r.summary.counts.total).toBe(258);
      const byHealth = sheet.locator('table.summary-table').nth(1);
      await expect(
        byHealth
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: HEALTH_LABELS.at_risk[lang], exact: true }) })
          .getByRole('cell')
          .nth(2),
      ).toHaveText(String(r.summary.counts.byHealth.at_risk));

      // Tokyo 2020 readiness: the countdown and the tagged measures.
      const tokyo = sheet.locator('section').filter({
        has: page.getByRole('heading', {
          level: 2,
          name: L('4. 東京2020大会に向けた準備状況', '4. Readiness for the Tokyo 2020 Games'),
        }),
      });
      await expect(tokyo).toBeVisible();
      expect(r.tokyo2020.daysToGames).toBeGreaterThan(1000);
      await expect(tokyo).toContainText(
        L(
          `まで${r.tokyo2020.daysToGames}日。対象施策 ${r.tokyo2020.counts.total} 件`,
          `${r.tokyo2020.daysToGames} days to the`,
        ),
      );
      expect(r.tokyo2020.measures.length).toBeGreaterThan(0);
      await expect(tokyo.locator('tbody tr')).toHaveCount(r.tokyo2020.measures.length);
      await expect(tokyo.locator('tbody')).toContainText(r.tokyo2020.measures[0]!.title[lang]);

      // The annex: one table per section, a row per measure, cross-listed (再掲) rows marked.
      const annex = sheet.locator('section.report-annex');
      await expect(annex.getByRole('heading', { level: 2 })).toHaveText(
        L('別添 施策ごとの実施状況', 'Annex: implementation by measure'),
      );
      await expect(annex.locator('table')).toHaveCount(r.annex.length);
      for (const [i, s] of r.annex.entries()) {
        await expect(annex.getByRole('heading', { level: 3 }).nth(i)).toHaveText(`${s.sectionCode} ${s.title[lang]}`);
        await expect(annex.locator('table').nth(i).locator('tbody tr')).toHaveCount(s.rows.length);
      }
      const crossListed = r.annex.flatMap((s) => s.rows).filter((row) => row.crossRef);
      expect(crossListed.length, 'the strategy repeats some undertakings (再掲)').toBeGreaterThan(0);
      await expect(annex.locator('tr.cross-listed')).toHaveCount(crossListed.length);
      const first = annex.locator('tr.cross-listed').first();
      await expect(first).toContainText(L('（再掲）', '(cross-listed)'));
      await expect(first).toContainText(`→ ${crossListed[0]!.crossRef!.number}`);
      await expect(first).toContainText(crossListed[0]!.code);

      // Only those who edit plans may start a year: a viewer sees no such control.
      await expect(page.getByRole('heading', { name: L('年次計画の開始', "Starting the year's plan") })).toHaveCount(0);

      await page.waitForLoadState('networkidle');
      // axe over the whole report, annex included: thousands of cells to check for contrast.
      test.slow();
      await expectAccessible(page, `annual report ${lang}`);
      // The page is some 70,000 px long: its top and the start of the annex, at desktop and phone width.
      await snapshot(page, `annual-report-${lang}`, { fullPage: false });
      await annex.scrollIntoViewIfNeeded();
      await snapshot(page, `annual-report-annex-${lang}`, { fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await snapshot(page, `annual-report-${lang}-phone`, { fullPage: false });
      await first.scrollIntoViewIfNeeded();
      await snapshot(page, `annual-report-annex-${lang}-phone`, { fullPage: false });
    });

    test('downloads: PDF, Word and Markdown through the page', async ({ page }) => {
      await page.goto(PAGE);
      const downloads = page.getByRole('group', { name: L('ダウンロード', 'Download') });
      await expect(downloads).toBeVisible();
      const base = `annual-report-FY${FY}-${AS_OF}-${lang}`;

      const pdf = await download(page, downloads.getByRole('link', { name: 'PDF' }));
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.name).toBe(`${base}.pdf`);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The whole report with its annex of 258 measures: well over a handful of A4 pages.
      expect(pdfPageCount(pdf.bytes)).toBeGreaterThan(10);

      const docx = await download(page, downloads.getByRole('link', { name: L('Word（docx）', 'Word (docx)') }));
      expect(docx.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(docx.name).toBe(`${base}.docx`);
      expect(docx.bytes.subarray(0, 4)).toEqual(ZIP_MAGIC);
      expect(zipEntryNames(docx.bytes)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));

      const md = await download(page, downloads.getByRole('link', { name: 'Markdown' }));
      expect(md.contentType).toMatch(/^text\/markdown/);
      expect(md.name).toBe(`${base}.md`);
      const text = md.bytes.toString('utf8');
      expect(text.split('\n')[0]).toBe(
        L(
          '# サイバーセキュリティ戦略 年次報告（2015年度（平成27年度））',
          '# Cybersecurity Strategy annual report, FY2015 (Heisei 27)',
        ),
      );
      expect(text).toContain(L('別添 施策ごとの実施状況', 'Annex: implementation by measure'));
      expect(text).toContain(L('（再掲）', '(cross-listed)'));
    });
  });
}
