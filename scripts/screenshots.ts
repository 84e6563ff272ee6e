/**
 * Screenshots of the running app for people to look at: each page in Japanese and English.
 *   BASE_URL=http://localhost:8080 npx tsx scripts/screenshots.ts [outDir]
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://localhost:8080';
const out = process.argv[2] ?? 'tests/e2e/artifacts';
mkdirSync(out, { recursive: true });

const pages = [
  // No date: today, or the data's last update once the plan period is over (decision 017).
  { name: 'overview-default', path: '/' },
  { name: 'overview', path: '/?asOf=2018-03-31' },
  { name: 'overview-fy2015', path: '/?asOf=2016-03-31' },
  { name: 'timeline', path: '/timeline?asOf=2018-03-31' },
  { name: 'timeline-ministry-fy2017', path: '/timeline?asOf=2018-03-31&groupBy=ministry&fy=2017' },
  { name: 'ministries', path: '/ministries?asOf=2018-03-31' },
  { name: 'ministry', path: '/ministries/npa?asOf=2018-03-31' },
  { name: 'measures', path: '/measures?asOf=2017-03-31' },
  { name: 'measures-overdue', path: '/measures?asOf=2018-03-31&attention=overdue&sort=overdue' },
  { name: 'measures-filtered', path: '/measures?area=5.2&section=5.2.3&asOf=2017-03-31' },
  { name: 'measure', path: `/measures/${encodeURIComponent('5.2.3(1)ii-1')}?asOf=2017-03-31` },
];
/** FULL_PAGE=1 captures whole pages, not only the first screen. */
const fullPage = process.env.FULL_PAGE === '1';
/** Pages sign in first when SCREENSHOT_EMAIL and SCREENSHOT_PASSWORD name an account (a viewer is enough). */
const account = process.env.SCREENSHOT_EMAIL
  ? { email: process.env.SCREENSHOT_EMAIL, password: process.env.SCREENSHOT_PASSWORD ?? '' }
  : null;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
for (const lang of ['ja', 'en'] as const) {
  for (const width of [1920, 1366, 390]) {
    const context = await browser.newContext({
      viewport: { width, height: 768 },
      locale: lang === 'ja' ? 'ja-JP' : 'en-GB',
    });
    await context.addInitScript((l) => localStorage.setItem('tracker.lang', l), lang);
    const page = await context.newPage();
    if (account) {
      const res = await page.request.post(`${base}/api/session`, { data: account, headers: { origin: base } });
      if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
    }
    // At 390 px the pages the phone views were reported on; at 1920 the wide ones.
    const phone = ['overview', 'ministries', 'timeline', 'measures'];
    const shown = width === 1366 ? pages : pages.filter((x) => phone.some((n) => x.name.startsWith(n)));
    for (const p of shown) {
      await page.goto(base + p.path);
      await page.waitForSelector('main h1');
      await page.waitForLoadState('networkidle');
      const file = `${out}/${p.name}-${lang}-${width}.png`;
      // Charts load lazily and draw one after another: wait for each to be drawn (or to fail).
      const charts = page.locator('.chart-figure__chart');
      for (let i = 0; i < (await charts.count()); i++)
        await charts.nth(i).locator('[role=img], .recharts-wrapper, [role=alert]').first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: file, fullPage });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
