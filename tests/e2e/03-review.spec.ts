import type { Page } from '@playwright/test';
import { expectAccessible, snapshot } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';

type Item = { id: string; ministryIds: string[]; status: string };
type Stats = { overall: { byStatus: Record<string, number> } };

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

test('a liaison submits progress, NISC staff approve it, and the overview counts it', async ({ page, browser }) => {
  // The liaison (警察庁) finds a measure their ministry alone carries and that is not complete today.
  await signIn(page, 'liaison');
  const { items } = await json<{ items: Item[] }>(page, '/api/measures?ministry=npa&limit=1000');
  const target = items.find((m) => m.ministryIds.length === 1 && m.status !== 'completed' && m.status !== 'suspended');
  expect(target, 'a measure only the NPA carries, not yet complete').toBeDefined();
  const before = await json<Stats>(page, '/api/stats');

  await page.goto(`/measures/${encodeURIComponent(target!.id)}`);
  await page.getByRole('button', { name: '進捗を提出' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'submission dialog');
  await dialog.getByLabel(/^状況/).selectOption('completed');
  await dialog.getByLabel(/^進捗 \(%\)/).fill('100');
  await dialog.getByLabel(/^成果・進捗状況/).fill('全国の警察でサイバー攻撃対処訓練を実施し、所期の取組を完了した。');
  await dialog.getByRole('button', { name: '進捗を提出' }).click();
  await expect(page.getByText('審査待ち').first()).toBeVisible();
  await snapshot(page, 'liaison-submitted-ja');

  // NISC staff, in their own browser, approve it in the queue.
  const staffContext = await browser.newContext({ baseURL: page.url().replace(/\/measures.*$/, '') });
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff');
  await staff.goto('/submissions');
  const card = staff.getByRole('article').filter({ hasText: target!.id }).first();
  await expect(card).toBeVisible();
  await expectAccessible(staff, 'review queue');
  await snapshot(staff, 'review-queue-ja');
  await card.getByRole('button', { name: '承認' }).click();
  await expect(staff.getByText('審査待ちの提出はありません。')).toBeVisible();

  // The measure is now complete, under both names, and the overview's count moved by one.
  const after = await json<Stats>(staff, '/api/stats');
  expect(after.overall.byStatus.completed).toBe(before.overall.byStatus.completed! + 1);
  await staff.goto('/');
  const headline = staff.getByRole('region', { name: '主要指標' });
  await expect(headline).toContainText(String(after.overall.byStatus.completed));
  await staffContext.close();
});
