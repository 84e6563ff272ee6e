import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { cli, ROOT } from '../scripts/lib/server-process';

/** The SPA built into `dist` (unless `--no-build` was given), as the UI benchmarks serve it. */
export function buildSpa(dist: string): void {
  if (process.argv.includes('--no-build')) return;
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** A synthetic plan of `measures` measures and 20 ministries in the database `env` names; its summary line. */
export function seedSyntheticPlan(env: Record<string, string>, measures: number): string {
  const seeded = cli(['seed', 'synthetic', '--measures', String(measures), '--ministries', '20', '--years', '5'], env);
  if (seeded.status !== 0) throw new Error(seeded.stderr);
  return seeded.stdout.trim();
}

/** Debian's Chromium, headless, as every UI benchmark runs it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
}

/**
 * A new browser profile (empty cache: a first visit) at 1366 × 768 in Japanese, with `init` run in
 * every page before its scripts, signed in as `user`.
 */
export async function signedInContext(
  browser: Browser,
  url: string,
  user: { email: string; password: string },
  init: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP' });
  await context.addInitScript(init);
  const res = await context.request.post(`${url}/api/session`, { data: user, headers: { origin: url } });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
  return context;
}

/**
 * Resolves when the page logs `bench:<mark>` (console.debug from a benchmark's init script); call it
 * before the navigation. Not page.waitForSelector: that injects Playwright's utility script into the
 * page and evaluates it while the page loads, 30–70 ms of main-thread work inside what is measured,
 * which no user's page does. Console messages reach Playwright through the DevTools protocol alone.
 */
export function benchMark(page: Page, mark: string, timeout = 60_000): Promise<unknown> {
  return page.waitForEvent('console', {
    predicate: (m) => m.type() === 'debug' && m.text() === `bench:${mark}`,
    timeout,
  });
}
