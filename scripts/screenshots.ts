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
  { name: 'measures', path: '/measures?asOf=2017-03-31' },
  { name: 'measures-filtered', path: '/measures?area=5.2&section=5.2.3&asOf=2017-03-31' },
  { name: 'measure', path: `/measures/${encodeURIComponent('5.2.3(1)ii-1')}?asOf=2017-03-31` },
];

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
  for (const width of [1366, 390]) {
    const context = await browser.newContext({
      viewport: { width, height: 768 },
      locale: lang === 'ja' ? 'ja-JP' : 'en-GB',
    });
    await context.addInitScript((l) => localStorage.setItem('tracker.lang', l), lang);
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(base + p.path);
      await page.waitForSelector('main h1');
      await page.waitForLoadState('networkidle');
      const file = `${out}/${p.name}-${lang}-${width}.png`;
      await page.screenshot({ path: file, fullPage: width === 1366 ? false : false });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
