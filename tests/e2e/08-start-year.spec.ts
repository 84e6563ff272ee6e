import type { FyStartReport, PlanList } from '@/domain/contract';
import { expectAccessible, snapshot } from './support/a11y';
import { expect, signIn, test } from './support/fixtures';
import { E2E_USERS } from './support/users';

/**
 * Starting a fiscal year from the annual report page (NISC staff): the dialog explains, then shows
 * what was carried forward. Each language starts its own year; a second member of staff who
 * confirms the same year afterwards is refused, in their language.
 */
const RUNS = [
  // The sample scenario wrote FY2015's plans with next year's: FY2016 carries them forward.
  { lang: 'ja', fy: 2016, label: '2016年度（平成28年度）', carries: true },
  // Nobody wrote FY2016's next-year plans: FY2017 starts with its roster and no plan texts.
  { lang: 'en', fy: 2017, label: 'FY2017 (Heisei 29)', carries: false },
] as const;

for (const run of RUNS) {
  test.describe(`starting a fiscal year (${run.lang})`, () => {
    test.use({ lang: run.lang });
    const L = (ja: string, en: string) => (run.lang === 'ja' ? ja : en);

    test(`NISC staff start ${run.fy}; a colleague who confirms it afterwards is refused`, async ({
      page,
      browser,
      baseURL,
    }) => {
      await signIn(page, 'staff');
      // A colleague opens the same dialog in their own browser and leaves it open.
      const other = await browser.newContext({ baseURL, locale: 'ja-JP' });
      await other.addInitScript((l) => localStorage.setItem('tracker.lang', l), run.lang);
      const late = await other.newPage();
      await signIn(late, 'staff');

      for (const p of [page, late]) {
        await p.goto(`/reports/annual?fy=${run.fy}`);
        const panel = p.getByRole('region', { name: L('年次計画の開始', "Starting the year's plan") });
        await expect(panel).toContainText(
          L(`${run.label}の年次計画はまだ開始されていません。`, `The plan for ${run.label} has not been started yet.`),
        );
        if (p === page) await expectAccessible(p, `start-year panel ${run.lang}`, { include: 'section.plan-year' });
        await panel.getByRole('button', { name: L(`${run.label}を開始…`, `Start ${run.label}…`) }).click();
        await expect(
          p.getByRole('dialog', { name: L(`${run.label}の年次計画を開始`, `Start the plan for ${run.label}`) }),
        ).toBeVisible();
      }

      const dialog = page.getByRole('dialog');
      await expect(dialog).toContainText(
        L(
          '前年度に記入された「翌年度計画」を、この年度の年次計画として引き継ぎます',
          "Carries each measure's “next year's plan” written last year forward",
        ),
      );
      await expect(dialog).toContainText(
        L('年度の開始は一度だけで、取り消せません。', 'A year can be started only once and it cannot be undone'),
      );
      // The report behind the dialog is checked whole in 04-annual-report (some 70,000 px of it):
      // here the parts this flow adds, the panel and the dialog.
      await expectAccessible(page, `start-year dialog ${run.lang}`, { include: '[role="dialog"]' });
      await snapshot(page, `start-year-confirm-${run.lang}`, { fullPage: false });

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/plans/${run.fy}/start`)),
        dialog.getByRole('button', { name: L('開始する', 'Start the year') }).click(),
      ]);
      expect(response.status()).toBe(201);
      const report = (await response.json()) as FyStartReport;
      const done = dialog.getByRole('status');
      await expect(done).toHaveText(
        L(
          `${run.label}を開始しました：計画に ${report.total} 件（計画文の引継ぎ ${report.carried} 件）`,
          `Started ${run.label}: ${report.total} measures in the plan (${report.carried} plans carried forward)`,
        ),
      );
      await expect(done).toBeFocused();
      if (run.carries) expect(report.carried).toBeGreaterThan(0);
      else expect(report.carried).toBe(0);
      expect(report.total).toBeGreaterThan(200);
      for (const [title, rows] of [
        [L('追加された施策', 'Added'), report.added.length],
        [L('終了した施策', 'Retired'), report.retired.length],
        [L('項番が変わった施策', 'Renumbered'), report.renumbered.length],
      ] as const) {
        await expect(
          dialog.getByRole('heading', { name: L(`${title}（${rows}）`, `${title} (${rows})`) }),
        ).toBeVisible();
        if (rows > 0) await expect(dialog.getByRole('table', { name: title }).locator('tbody tr')).toHaveCount(rows);
      }
      if (report.retired[0])
        await expect(dialog.getByRole('table', { name: L('終了した施策', 'Retired') })).toContainText(
          report.retired[0].code,
        );
      if (report.renumbered[0])
        await expect(dialog.getByRole('table', { name: L('項番が変わった施策', 'Renumbered') })).toContainText(
          `${report.renumbered[0].from}${report.renumbered[0].to}`,
        );
      await expectAccessible(page, `start-year result ${run.lang}`, { include: '[role="dialog"]' });
      await snapshot(page, `start-year-result-${run.lang}`, { fullPage: false });
      await page.setViewportSize({ width: 390, height: 844 });
      await snapshot(page, `start-year-result-${run.lang}-phone`, { fullPage: false });
      await page.setViewportSize({ width: 1366, height: 768 });

      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      const panel = page.getByRole('region', { name: L('年次計画の開始', "Starting the year's plan") });
      await expect(panel).toContainText(
        L(`に ${E2E_USERS.staff.email} が開始しました。`, `by ${E2E_USERS.staff.email}.`),
      );
      await expect(panel.getByRole('button')).toHaveCount(0);
      await expectAccessible(page, `start-year panel, started ${run.lang}`, { include: 'section.plan-year' });
      const plans = await page.request.get(`/api/plans?fy=${run.fy}`);
      const list = (await plans.json()) as PlanList;
      expect(list.started?.by).toBe(E2E_USERS.staff.email);
      expect(list.items).toHaveLength(report.total);

      // The colleague's dialog was opened before: confirming now is refused, and says why.
      const lateDialog = late.getByRole('dialog');
      await lateDialog.getByRole('button', { name: L('開始する', 'Start the year') }).click();
      const refused = lateDialog.getByRole('alert');
      await expect(refused).toContainText(L('年度を開始できませんでした', 'The year could not be started'));
      await expect(refused).toContainText(L(`${run.fy}年度は開始済みです`, `FY${run.fy} has already been started`));
      await expectAccessible(late, `start-year refused ${run.lang}`, { include: '[role="dialog"]' });
      await snapshot(late, `start-year-refused-${run.lang}`, { fullPage: false });
      await other.close();
    });

    test('liaisons and viewers are not offered it', async ({ page }) => {
      for (const who of ['liaison', 'viewer'] as const) {
        await signIn(page, who);
        await page.goto(`/reports/annual?fy=2018`);
        await expect(page.getByRole('region', { name: L('報告書本文', 'The report') })).toBeVisible();
        await expect(page.getByRole('region', { name: L('年次計画の開始', "Starting the year's plan") })).toHaveCount(
          0,
        );
        await expect(page.getByRole('button', { name: /開始|Start/ })).toHaveCount(0);
        await page.context().clearCookies();
      }
    });
  });
}
