import Database from 'better-sqlite3';
import { join } from 'node:path';
import { parseCsv, toCsv } from '@/domain/annual';
import { expectAccessible } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';
import { e2eState } from './support/users';

/**
 * Issue 12 in the browser: staff open a round; the NPA liaison answers half inline (「変更なし」) and
 * uploads the template for the rest; the other ministries answer nothing; the board shows 100 % and
 * 0 %; staff accept every answered row; the round is closed. Screenshots of the checklist, the board
 * and the notifications are kept in tests/e2e/artifacts.
 */
const TITLE = `E2E 照会 ${Date.now()}`;
const shot = (name: string) => `tests/e2e/artifacts/rounds-${name}.png`;

/** Tokyo's date `days` from today (the server's "today" is Tokyo's). */
const tokyoDay = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(new Date(Date.now() + days * 86_400_000));

/** The round opened 14 days ago on that day's data and was due yesterday: written to the e2e server's database. */
function moveRoundBack(roundId: string): void {
  const db = new Database(join(e2eState().dir, 'tracker.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const moved = db
      .prepare('UPDATE rounds SET opened_on = ?, as_of = ?, due_on = ? WHERE id = ?')
      .run(tokyoDay(-14), tokyoDay(-14), tokyoDay(-1), roundId);
    expect(moved.changes).toBe(1);
  } finally {
    db.close();
  }
}

test('a reporting round from opening to acceptance', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'staff');
  await page.goto('/rounds');
  await page.getByText('照会を開始').first().click();
  await page.getByLabel('件名').fill(TITLE);
  const today = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  await page.getByLabel('基準日').fill(iso(today));
  await page.getByLabel('回答期限').fill(iso(new Date(today.getTime() + 14 * 86_400_000)));
  // The year opens on the data's fiscal year; the reminders on the default days.
  await expect(page.getByRole('combobox', { name: '年度' })).toHaveValue(/^20\d\d$/);
  await expect(page.getByLabel(/督促/)).toHaveValue('7, 3, 1');
  // Choosing ministries and sections shows their lists (checked by axe); this round asks everyone.
  await page.getByLabel('府省庁を選ぶ').check();
  await page.getByLabel('項目を選ぶ').check();
  await expect(page.getByLabel('警察庁')).toBeVisible();
  await expect(page.getByLabel(/^5\.1\.1 /)).toBeVisible();
  await expectAccessible(page, 'the opening form', { include: '.open-round' });
  await page.screenshot({ path: shot('open-form'), fullPage: true });
  await page.getByLabel(/施策を担当するすべての府省庁/).check();
  await page.getByLabel('戦略のすべての項目').check();
  await page.getByLabel('指示事項').fill('担当施策の状況を回答してください。');
  await page.locator('.open-round__form button[type=submit]').click();
  await page.getByRole('status').getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const roundUrl = page.url();
  const roundId = roundUrl.split('/rounds/')[1]!;

  // The liaison: the round is in the notifications, the checklist lists NPA's rows.
  const liaisonContext = await browser.newContext();
  const liaison = await liaisonContext.newPage();
  await liaison.addInitScript(() => localStorage.setItem('tracker.lang', 'ja'));
  await signIn(liaison, 'liaison');
  await expect(liaison.getByTestId('unread-badge')).toBeVisible();
  await liaison.goto('/notifications');
  await expect(liaison.getByRole('link', { name: new RegExp(TITLE) })).toBeVisible();
  await liaison.screenshot({ path: shot('notifications'), fullPage: true });
  await liaison.goto(`/rounds/${roundId}/ministries/npa`);
  const cards = liaison.locator('article.checklist-row');
  await expect(cards.first()).toBeVisible();
  const total = await cards.count();
  expect(total).toBeGreaterThan(1);
  const half = Math.floor(total / 2);
  for (let i = 0; i < half; i++) {
    await cards.nth(i).getByRole('button', { name: '変更なし' }).click();
    await expect(cards.nth(i).locator('.state--answered')).toBeVisible();
  }
  await liaison.screenshot({ path: shot('checklist'), fullPage: true });

  // The rest through the template: only the rows still owed, one changed, dry run, then import.
  const csv = await (await liaison.request.get(`/api/rounds/${roundId}/template?format=csv`)).text();
  const parsed = parseCsv(csv, { maxRows: 5000, maxColumns: 60, maxCellLength: 20000 });
  if (!parsed.ok) throw new Error(parsed.message);
  const [header, ...rows] = parsed.rows;
  expect(rows).toHaveLength(total - half);
  rows[0]![header!.findIndex((h) => h.startsWith('成果・進捗状況 /'))] = 'E2E: テンプレートで回答';
  await liaison.locator('input[type=file]').setInputFiles({
    name: 'round.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(toCsv([header!, ...rows]), 'utf8'),
  });
  await liaison.getByRole('button', { name: '確認（書き込みません）' }).click();
  await expect(liaison.getByText(`${rows.length}件の回答を確認しました。問題のある行: 0`)).toBeVisible();
  await liaison.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(liaison.getByText(`${rows.length}件の回答を取り込みました。`)).toBeVisible();
  await expect(liaison.getByText('回答完了').first()).toBeVisible();
  await liaisonContext.close();

  // The board: NPA 100 %, a ministry that answered nothing 0 %.
  await page.goto(roundUrl);
  const npa = page.locator('tr[data-ministry="npa"]');
  await expect(npa.locator('.percent')).toHaveText('100%');
  await expect(page.locator('tr[data-ministry="nisc"] .percent')).toHaveText('0%');
  await expect(page.locator('.flag--overdue')).toHaveCount(0);
  await page.screenshot({ path: shot('board'), fullPage: true });

  // The due date passes. A running server's clock cannot be moved, so the round's dates move back in
  // its database instead, as if it had been opened a fortnight ago and were due yesterday. A ministry
  // that still owes rows is flagged overdue, one that has answered everything is not.
  moveRoundBack(roundId);
  await page.reload();
  await expect(page.locator('tr[data-ministry="nisc"] .flag--overdue')).toHaveText('期限超過');
  await expect(npa.locator('.flag--overdue')).toHaveCount(0);
  await expectAccessible(page, 'the board with an overdue ministry');
  await page.screenshot({ path: shot('board-overdue'), fullPage: true });
  await page.goto(`${roundUrl}/ministries/nisc`);
  await expect(page.locator('.flag--overdue')).toBeVisible();
  await page.goto('/rounds');
  await expect(page.getByRole('row').filter({ hasText: TITLE }).locator('.flag--overdue')).toBeVisible();
  await page.goto(roundUrl);

  // Staff accept every answered row of NPA, each as its own write.
  await npa.getByRole('link').click();
  await page.getByRole('button', { name: /回答済みの行をすべて受理/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `accepted ${total}` })).toBeVisible();
  await expect(page.locator('.state--accepted')).toHaveCount(total);

  // Closing freezes the answers.
  await page.goto(roundUrl);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: '照会を締め切る' }).click();
  await expect(page.getByText('締切済み')).toBeVisible();
  await page.screenshot({ path: shot('board-closed'), fullPage: true });

  // The report from the closed round lists the ministries that did not answer (NISC), not NPA.
  const md = await (await page.request.get(`/api/reports/annual?round=${roundId}&format=md`)).text();
  expect(md).toContain(`照会「${TITLE}」時点`);
  const missing = md.slice(md.indexOf('回答のなかった府省庁・行'));
  expect(missing).toContain('- NISC:');
  expect(missing).not.toContain('- 警察庁:');
});
