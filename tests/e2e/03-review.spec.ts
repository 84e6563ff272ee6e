import type { Page } from '@playwright/test';
import { expectAccessible, snapshot, snapshotOf } from './support/a11y';
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

test("a liaison's results for the year wait for NISC review; approved, they are the record", async ({
  page,
  browser,
}) => {
  // 5.2.1(2)-1 is shared by NISC, MIC, METI and the NPA; the liaison is the NPA's.
  const id = '5.2.1(2)-1';
  const text = '全国の警察で演習を行い、対処能力を確認した（年度実績・審査前）。';
  await signIn(page, 'liaison');
  await page.goto(`/measures/${encodeURIComponent(id)}`);
  const panel = page.getByRole('region', { name: '年次計画・成果' });
  // FY2017, the plan period's last year: the measure is in that year's plan, so the report quotes it.
  await panel.getByLabel('年度', { exact: true }).selectOption('2017');
  const box = panel.getByRole('textbox', { name: '警察庁' });
  await expect(box).toBeVisible();
  // The only box is the liaison's own: plan texts and other ministries' results are plain text.
  await expect(panel.getByRole('textbox')).toHaveCount(1);
  await expect(panel.getByText('総務省', { exact: true })).toBeVisible();
  await expectAccessible(page, 'annual panel (liaison)', { include: 'section[aria-labelledby="annual-title"]' });
  await snapshotOf(panel, 'measure-annual-liaison-ja');
  const fy = '2017';
  const recordedBefore = await json<{ items: { results: { ministryId: string; text: string }[] }[] }>(
    page,
    `/api/plans?fy=${fy}&measure=${encodeURIComponent(id)}`,
  );
  const before = recordedBefore.items[0]!.results.find((r) => r.ministryId === 'npa')!.text;

  await box.fill(text);
  await panel.getByRole('button', { name: '審査に提出' }).click();
  const pending = panel.getByRole('region', { name: '警察庁' });
  await expect(pending).toContainText('審査待ち');
  await expect(pending).toContainText(text);
  await expect(panel.getByRole('textbox')).toHaveCount(0);
  await snapshotOf(panel, 'measure-annual-liaison-pending-ja');

  // NISC staff see the recorded text beside the submitted one, and approve.
  const staffContext = await browser.newContext({ baseURL: page.url().replace(/\/measures.*$/, '') });
  const staff = await staffContext.newPage();
  await signIn(staff, 'staff');
  await staff.goto('/submissions');
  const section = staff.getByRole('region', { name: '年度実績（成果）の提出' });
  const card = section.getByRole('article').filter({ hasText: id }).first();
  await expect(card.getByRole('row').nth(1)).toContainText(text);
  if (before) await expect(card.getByRole('row').nth(1)).toContainText(before);
  await expectAccessible(staff, 'review queue with results');
  await snapshotOf(section, 'review-queue-results-ja');
  await card.getByRole('button', { name: '承認' }).click();
  await expect(section.getByText('審査待ちの年度実績はありません。')).toBeVisible();

  // Approved, it is the record: NISC staff see it in their (editable) box, and the report quotes it.
  await staff.goto(`/measures/${encodeURIComponent(id)}`);
  const staffPanel = staff.getByRole('region', { name: '年次計画・成果' });
  await staffPanel.getByLabel('年度', { exact: true }).selectOption(fy);
  await expect(staffPanel.getByRole('textbox', { name: '警察庁' })).toHaveValue(text);
  await snapshotOf(staffPanel, 'measure-annual-staff-ja');
  const report = await staff.request.get(`/api/reports/annual?fy=${fy}&format=md`);
  expect(await report.text()).toContain(text);
  await staffContext.close();
});
