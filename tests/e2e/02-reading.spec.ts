import type { Page } from '@playwright/test';
import { expectAccessible, snapshot } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';

const AS_OF = '2017-03-31';
const GSOC = '5.2.3(1)ii-1';

type Stats = { overall: { total: number; byStatus: Record<string, number>; byHealth: Record<string, number> } };

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

for (const lang of ['ja', 'en'] as const) {
  test.describe(`reading the plan (${lang})`, () => {
    test.use({ lang });
    const L = (ja: string, en: string) => (lang === 'ja' ? ja : en);

    test.beforeEach(async ({ page }) => signIn(page, 'viewer'));

    test('overview shows the figures the API computes for the reporting date', async ({ page }) => {
      await page.goto(`/?asOf=${AS_OF}`);
      await expect(
        page.getByRole('heading', { level: 1, name: L('実施状況の概要', 'Implementation overview') }),
      ).toBeVisible();
      const stats = await api<Stats>(page, `/api/stats?asOf=${AS_OF}`);
      const headline = page.getByRole('region', { name: L('主要指標', 'Headline figures') });
      await expect(headline).toContainText(String(stats.overall.total));
      await expect(headline).toContainText(String(stats.overall.byStatus.completed));
      await expect(page.getByText(L('サンプルデータ表示中', 'Sample data'), { exact: false }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `overview ${lang}`);
      await snapshot(page, `overview-${lang}`);
    });

    test('measures list keeps its filters in the URL and matches the API', async ({ page }) => {
      await page.goto(`/measures?area=5.2&status=in_progress&asOf=${AS_OF}`);
      const list = await api<{ total: number }>(
        page,
        `/api/measures?area=5.2&status=in_progress&asOf=${AS_OF}&limit=1`,
      );
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: String(list.total) })
          .first(),
      ).toBeVisible();
      await expect(page.getByLabel(L('政策領域', 'Policy area'))).toHaveValue('5.2');
      await page.getByLabel(L('健全性', 'Health')).selectOption('at_risk');
      await expect(page).toHaveURL(/health=at_risk/);
      const narrowed = await api<{ total: number }>(
        page,
        `/api/measures?area=5.2&status=in_progress&health=at_risk&asOf=${AS_OF}&limit=1`,
      );
      await expect(
        page
          .getByRole('status')
          .filter({ hasText: String(narrowed.total) })
          .first(),
      ).toBeVisible();
      await expectAccessible(page, `measures ${lang}`);
      await snapshot(page, `measures-${lang}`);
    });

    test('a measure page shows its place in the strategy, source and ministries', async ({ page }) => {
      await page.goto(`/measures/${encodeURIComponent(GSOC)}?asOf=${AS_OF}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('GSOC');
      await expect(page.getByRole('navigation', { name: 'breadcrumb' })).toContainText('5.2.3');
      // The measure's own sentence comes first; the section's lead-ins follow it (issue 19).
      await expect(page.locator('blockquote').first()).toContainText(
        'GSOCによる政府機関全体における検知・解析機能の強化',
      );
      await expect(page.getByRole('heading', { name: L('担当府省庁', 'Responsible ministries') })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `measure ${lang}`);
      await snapshot(page, `measure-${lang}`);
    });

    test('ministry page and timeline', async ({ page }) => {
      await page.goto(`/ministries/npa?asOf=${AS_OF}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(L('警察庁', 'National Police Agency'));
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `ministry ${lang}`);
      await snapshot(page, `ministry-${lang}`);
      await page.goto(`/timeline?asOf=${AS_OF}`);
      await expect(page.getByRole('heading', { level: 1, name: L('タイムライン', 'Timeline') })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, `timeline ${lang}`);
      await snapshot(page, `timeline-${lang}`);
    });
  });
}
