import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { TEST_PASSWORD } from '@/server/testing';
import { expectAccessible, snapshot } from './support/a11y';
import { serveStatic } from './support/static-server';

/**
 * The static demo (issue 20): `npm run build:demo` under a base path, served by the plainest static
 * file server, works as a visitor would use it: the overview with its sample banner and no console
 * errors, a measure, a liaison's submission (signed in with one click) approved by NISC staff.
 * Everything happens by clicking: a reload would start the in-page store again from the sample.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const BASE = '/tracker/';
let dir = '';
let demo: { url: string; server: Server };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'demo-'));
  execFileSync('npm', ['run', 'build:demo', '--', '--base', BASE, '--outDir', dir, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  demo = await serveStatic(dir, BASE);
});

test.afterAll(() => {
  demo?.server.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Console errors and uncaught exceptions, but the 401 the app asks for after a sign-out. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function switchTo(page: Page, from: string, role: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(from) }).click();
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await expect(page.getByRole('heading', { name: 'デモ版：アカウントを選ぶ' })).toBeVisible();
  await expectAccessible(page, 'demo sign-in');
  await snapshot(page, 'demo-sign-in-ja');
  await page.getByRole('button', { name: `${role}としてサインイン` }).click();
  // The account menu names the new role; the sign-in page's own buttons may still be on screen a moment.
  await expect(page.getByRole('button', { name: new RegExp(`^アカウント: .*${role}`) })).toBeVisible();
}

test('the static demo opens on the overview with its charts and the sample banner, and a measure opens', async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await page.goto(demo.url);
  await expect(page.getByRole('heading', { name: '実施状況の概要' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('note')).toContainText('サンプルデータ表示中');
  await expect(page.getByRole('img', { name: '計画と実績（平均進捗）' })).toBeVisible();
  await expect(page.getByRole('img', { name: '政策領域別の状況' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(BASE);
  await snapshot(page, 'demo-overview-ja');

  await page.getByRole('navigation').getByRole('link', { name: '施策一覧' }).click();
  await page.locator(`main a[href^="${BASE}measures/"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`${BASE}measures/`));
  await expect(page.getByRole('note')).toContainText('サンプルデータ表示中');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a liaison signed in with one click submits progress; staff, one click later, approve it', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto(demo.url);
  await expect(page.getByRole('heading', { name: '実施状況の概要' })).toBeVisible({ timeout: 60_000 });

  await switchTo(page, '内閣 花子', '府省庁担当者');
  // The liaison (警察庁) lands on their ministry's page and opens a measure only their ministry carries.
  const target = await page.evaluate(async () => {
    const res = await fetch('/api/measures?ministry=npa&limit=1000');
    const { items } = (await res.json()) as { items: { id: string; ministryIds: string[]; status: string }[] };
    return items.find((m) => m.ministryIds.length === 1 && !['completed', 'suspended'].includes(m.status))!.id;
  });
  await page
    .locator(`main a[href^="${BASE}measures/${encodeURIComponent(target)}"]`)
    .first()
    .click();
  await page.getByRole('button', { name: '進捗を提出' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^状況/).selectOption('completed');
  await dialog.getByLabel(/^進捗 \(%\)/).fill('100');
  await dialog.getByLabel(/^成果・進捗状況/).fill('デモ：全国の警察でサイバー攻撃対処訓練を実施した。');
  await dialog.getByRole('button', { name: '進捗を提出' }).click();
  await expect(page.getByText('審査待ち').first()).toBeVisible();

  await switchTo(page, '警察 次郎', 'NISC職員');
  await page
    .getByRole('navigation')
    .getByRole('link', { name: /提出・審査/ })
    .click();
  const card = page.getByRole('article').filter({ hasText: 'デモ：全国の警察' }).first();
  await snapshot(page, 'demo-review-queue-ja');
  await card.getByRole('button', { name: '承認' }).click();
  await expect(page.getByText('審査待ちの提出はありません。')).toBeVisible();
  expect(errors).toEqual([]);
});

test('the server build has no demo accounts and no mock', () => {
  const assets = join(ROOT, 'dist/client/assets');
  const code = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(assets, f), 'utf8'))
    .join('\n');
  expect(code).not.toContain(TEST_PASSWORD);
  expect(code).not.toContain('demo-accounts');
  expect(code).not.toContain('setupWorker');
});
