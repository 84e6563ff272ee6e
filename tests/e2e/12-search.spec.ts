import { expectAccessible, snapshot } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';

/** Keyword search as officials type it (issue 18, decision record 016). */
test.describe('keyword search', () => {
  test.beforeEach(async ({ page }) => signIn(page, 'viewer'));

  test('the client’s English phrase finds the Japanese measure, ranked and marked', async ({ page }) => {
    await page.goto('/measures');
    await page.getByLabel('キーワード').fill('internet-gateway consolidation');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await expect(page).toHaveURL(/q=internet-gateway/);
    await expect(page.getByText('「internet-gateway consolidation」の検索結果（関連の高い順）')).toBeVisible();
    const first = page.getByRole('table', { name: '施策一覧' }).getByRole('row').nth(1);
    await expect(first).toContainText('5.2.3(1)ii-7');
    await expect(first.locator('mark')).toHaveText(['インターネット', '接続口', '集約']);
    // Ranked, no column sorts: the code column shows no ▲ until the reader picks it (issue 18).
    const code = page.getByRole('columnheader', { name: /^コード/ });
    await expect(code).toHaveAttribute('aria-sort', 'none');
    await expect(code).not.toContainText('▲');
    await expectAccessible(page, 'search results');
    await snapshot(page, 'search-results', { fullPage: false });
    await code.getByRole('link').click();
    await expect(page).toHaveURL(/sort=plan/);
    await expect(code).toHaveAttribute('aria-sort', 'ascending');
    await expect(page.getByText('「internet-gateway consolidation」の検索結果（列の順）')).toBeVisible();
    await page.getByRole('link', { name: '関連順に戻す' }).click();
    await expect(code).toHaveAttribute('aria-sort', 'none');
  });

  test('typed queries: particles dropped, words reordered, readings, half-width kana', async ({ page }) => {
    for (const [q, code, mark] of [
      ['集約 接続口', '5.2.3(1)ii-7', '接続口'],
      ['GSOC 拡充', '5.2.3(1)ii-1', 'GSOC'],
      ['ｼｰｻｰﾄ', '5.1.2(3)-4', 'CSIRT'],
      ['独法', '5.2.3(4)-1', '独立行政法人'],
    ] as const) {
      await page.goto('/measures');
      await page.getByLabel('キーワード').fill(q);
      await page.getByLabel('キーワード').press('Enter');
      const first = page.getByRole('table', { name: '施策一覧' }).getByRole('row').nth(1);
      await expect(first, q).toContainText(code);
      await expect(first.locator('mark').first(), q).toHaveText(mark);
    }
  });

  test('a query that finds nothing says so and suggests one that does', async ({ page }) => {
    await page.goto(`/measures?q=${encodeURIComponent('接続口 ほげほげ')}`);
    await expect(page.getByText('「接続口 ほげほげ」に一致する施策はありません。')).toBeVisible();
    await expect(page.getByText('見つからなかった語: 「ほげほげ」')).toBeVisible();
    await snapshot(page, 'search-no-results', { fullPage: false });
    await page.getByRole('link', { name: '「接続口」なら 1件 見つかります。' }).click();
    await expect(page).toHaveURL(/q=%E6%8E%A5%E7%B6%9A%E5%8F%A3$|q=接続口$/);
    await expect(page.getByRole('table', { name: '施策一覧' }).getByRole('row').nth(1)).toContainText('5.2.3(1)ii-7');
  });
});
