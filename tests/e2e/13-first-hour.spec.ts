import type { Page } from '@playwright/test';
import type { MeasureDetail, MeasureList } from '@/domain/contract';
import { expectAccessible, snapshot } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';

/**
 * What an official runs into in the first hour (issue 18): sorting the list, the update dialog on
 * the values of the date the page shows, the confirmation after a save, and a menu on one line.
 * Dates are explicit: other specs record progress today, which moves the default date (decision 017).
 */
async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

test('the measures list sorts by days overdue, both ways, in the URL', async ({ page }) => {
  await signIn(page, 'viewer');
  await page.goto('/measures?asOf=2018-03-31');
  const table = page.getByRole('table', { name: '施策一覧' });
  await expect(table).toBeVisible();
  await page.getByRole('link', { name: '超過日数: 降順に並べ替え' }).click();
  await expect(page).toHaveURL(/sort=overdue/);
  const header = page.getByRole('columnheader', { name: /超過日数/ });
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const expected = await json<MeasureList>(page, '/api/measures?asOf=2018-03-31&sort=overdue&limit=3');
  const first = expected.items[0]!;
  expect(first.daysOverdue).not.toBeNull();
  await expect(table.locator('tbody tr').first()).toContainText(first.code);
  await expect(table.locator('tbody tr').first()).toContainText(`${first.daysOverdue}日`);
  await page.getByRole('link', { name: '超過日数: 昇順に並べ替え' }).click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page).toHaveURL(/order=asc/);
  await snapshot(page, 'first-hour-sorted', { fullPage: false });
});

test('the update dialog shows the page’s date; replacing newer values takes a tick; the save is confirmed', async ({
  page,
}) => {
  await signIn(page, 'staff');
  const AS_OF = '2016-09-30';
  // A measure whose first assignment has changed since AS_OF (the sample scenario updates every half-year).
  const list = await json<MeasureList>(page, '/api/measures?asOf=2016-09-30&area=5.1&limit=100');
  let target: { id: string; ministryId: string; then: number; now: number } | undefined;
  for (const m of list.items) {
    const [then, now] = await Promise.all([
      json<MeasureDetail>(page, `/api/measures/${encodeURIComponent(m.id)}?asOf=${AS_OF}`),
      json<MeasureDetail>(page, `/api/measures/${encodeURIComponent(m.id)}?asOf=2099-12-31`),
    ]);
    const a = then.assignments.find((x, i) => x.progress !== now.assignments[i]?.progress);
    if (a) {
      target = { id: m.id, ministryId: a.ministryId, then: a.progress, now: 0 };
      target.now = now.assignments.find((x) => x.ministryId === a.ministryId)!.progress;
      break;
    }
  }
  expect(target, 'a measure updated after 2016-09-30').toBeDefined();
  const { id, ministryId, then } = target!;

  await page.goto(`/measures/${encodeURIComponent(id)}?asOf=${AS_OF}`);
  type Org = { id: string; name: { ja: string }; short?: { ja: string } | null };
  const org = (await json<{ items: Org[] }>(page, '/api/ministries')).items.find((o) => o.id === ministryId)!;
  await page.getByRole('button', { name: `更新: ${(org.short ?? org.name).ja}`, exact: true }).click();
  const dialog = page.getByRole('dialog');
  const progress = dialog.getByLabel(/^進捗 \(%\)/);
  await expect(progress).toHaveValue(String(then));
  await expect(dialog).toContainText('2016年9月30日時点の内容です');
  await expect(dialog).not.toContainText('編集元の版');
  await expect(dialog).toContainText('2016年9月30日より後に更新されています');
  await expectAccessible(page, 'as-of update dialog', { include: '[role="dialog"]' });
  await snapshot(page, 'first-hour-as-of-dialog', { fullPage: false });

  const next = then === 100 ? 99 : then + 1;
  await progress.fill(String(next));
  await dialog.getByLabel(/^更新理由・コメント/).fill('2016年度の確認で訂正（e2e）');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toContainText('最新の内容を置き換える場合は、確認欄にチェックしてください');
  await dialog.getByLabel('最新の内容を確認し、置き換えます').check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();

  const notice = page.getByTestId('save-notice');
  await expect(notice).toHaveAttribute('aria-live', 'polite');
  await expect(notice).toContainText('の進捗を保存しました。');
  await snapshot(page, 'first-hour-saved', { fullPage: false });
  const now = await json<MeasureDetail>(page, `/api/measures/${encodeURIComponent(id)}?asOf=2099-12-31`);
  expect(now.assignments.find((a) => a.ministryId === ministryId)?.progress).toBe(next);
});

for (const lang of ['ja', 'en'] as const) {
  test.describe(`the main menu at 1366 px (${lang})`, () => {
    test.use({ lang, viewport: { width: 1366, height: 768 } });
    test('fits on one line, every entry included (reporting rounds and notifications too)', async ({ page }) => {
      await signIn(page, 'staff');
      await page.goto('/?asOf=2018-03-31');
      const nav = page.locator('nav.site-nav');
      await expect(nav.getByRole('link').first()).toBeVisible();
      const tops = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().top));
      expect(new Set(tops).size, `menu rows: ${tops.join(', ')}`).toBe(1);
      // The entries the reporting rounds added are there, and the last link ends inside the menu.
      await expect(nav.getByRole('link', { name: lang === 'ja' ? '照会' : /rounds/i })).toBeVisible();
      const room = await nav.evaluate((n) => {
        const links = [...n.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
        const right = Math.max(...links.map((r) => r.right));
        return { free: n.getBoundingClientRect().right - right, widest: Math.max(...links.map((r) => r.width)) };
      });
      expect(room.free, JSON.stringify(room)).toBeGreaterThanOrEqual(0);
      await snapshot(page, `menu-1366-${lang}`, { fullPage: false });
    });
  });
}
