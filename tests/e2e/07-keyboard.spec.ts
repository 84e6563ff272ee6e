import { expectAccessible, snapshot } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';
import { focused, keyOf, tab, tabbable, tabThroughPage, tabTo } from './support/keyboard';
import { E2E_USERS } from './support/users';

/**
 * The main flows without a mouse: sign in, reach the measures list, filter it, open a measure,
 * open its update (NISC staff) or submission (liaison) dialog and leave it with Escape. Every
 * element Tab reaches must show that it has focus; no region may hold focus, except an open modal
 * dialog, which must.
 */
const RUNS = [
  // A liaison narrows the list to their own ministry and reports progress.
  { lang: 'ja', who: 'liaison', filter: '#f-ministry', value: 'npa', param: 'ministry=npa', opener: /^進捗を提出$/ },
  // NISC staff narrow it by status and update an assignment.
  {
    lang: 'en',
    who: 'staff',
    filter: '#f-status',
    value: 'in_progress',
    param: 'status=in_progress',
    opener: /^Update: /,
  },
] as const;

for (const run of RUNS) {
  test.describe(`keyboard only (${run.lang}, ${run.who})`, () => {
    test.use({ lang: run.lang });
    const L = (ja: string, en: string) => (run.lang === 'ja' ? ja : en);

    test('sign in, filter the list, open a measure and its dialog, and leave it with Escape', async ({ page }) => {
      const user = E2E_USERS[run.who];
      await page.goto('/login');
      await expect(page.getByRole('heading', { level: 1, name: L('サインイン', 'Sign in') })).toBeVisible();
      await tabTo(page, (f) => f.desc.startsWith('input#login-email'));
      await page.keyboard.type(user.email);
      await tabTo(page, (f) => f.desc.startsWith('input#login-password'));
      await page.keyboard.type(user.password);
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // The new page takes focus to its content, as a full page load would.
      await expect(page.locator('main#main')).toBeFocused();
      await snapshot(page, `keyboard-signed-in-${run.lang}`, { fullPage: false });

      // Back up into the site navigation, to the measures list.
      await tabTo(page, (f) => f.desc === `a "${L('施策一覧', 'Measures')}"`, { back: true });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/measures(\?|$)/);
      await expect(page.getByRole('heading', { level: 1, name: L('施策一覧', 'Measures') })).toBeVisible();
      await expect(page.locator('main#main')).toBeFocused();

      // A filter changed with the arrow keys alone; the URL carries it.
      await tabTo(page, (f) => f.desc.startsWith(`select${run.filter}`));
      for (let i = 0; i < 40 && (await page.locator(run.filter).inputValue()) !== run.value; i++)
        await page.keyboard.press('ArrowDown');
      await expect(page.locator(run.filter)).toHaveValue(run.value);
      await expect(page).toHaveURL(new RegExp(run.param));
      await expect(page.locator(run.filter)).toBeFocused();

      // On to the first measure of the list.
      const firstLink = page.locator('table a[href^="/measures/"]').first();
      await expect(firstLink).toBeVisible();
      const first = await keyOf(firstLink);
      await tabTo(page, (f) => f.key === first, { max: 120 });
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/measures\/[^?]+/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

      // The dialog opens from its button, keeps focus inside while open, and Escape gives it back.
      const opener = await tabTo(page, (f) => run.opener.test(f.desc.replace(/^button "/, '').replace(/"$/, '')), {
        max: 150,
      });
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await expect(dialog.locator('select, input, textarea').first()).toBeVisible();
      expect((await focused(page)).inDialog, 'focus moved into the dialog').toBe(true);
      const inside = await dialog.evaluate(
        (d) => d.querySelectorAll('a[href], button:not([disabled]), input, select, textarea').length,
      );
      for (let i = 0; i < inside + 3; i++) expect((await tab(page)).inDialog, 'Tab stays in the dialog').toBe(true);
      for (let i = 0; i < inside + 3; i++)
        expect((await tab(page, { back: true })).inDialog, 'Shift+Tab stays in the dialog').toBe(true);
      await expectAccessible(page, `dialog opened by keyboard ${run.lang}`);
      await snapshot(page, `keyboard-dialog-${run.lang}`, { fullPage: false });
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      const back = await focused(page);
      expect(back.key, `focus returned to ${opener.desc}`).toBe(opener.key);
      expect(back.visible).toBe(true);
    });

    test('no region traps focus: Tab walks through each page and out of it', async ({ page }) => {
      await signIn(page, run.who);
      for (const path of ['/', `/measures?${run.param}`, '/reports/annual?fy=2015&asOf=2016-03-31', '/import']) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const expected = (await tabbable(page)).keys;
        const walk = await tabThroughPage(page);
        expect(walk[0]?.desc, `${path}: the walk starts at the skip link`).toBe(
          `a "${L('本文へ移動', 'Skip to content')}"`,
        );
        const reached = new Set(walk.map((f) => f.key));
        expect(
          expected.filter((k) => !reached.has(k)),
          `${path}: every element Tab can reach was reached`,
        ).toEqual([]);
      }
    });
  });
}
