/**
 * UI benchmark (`npm run bench:ui`): a synthetic plan of 5,000 measures and 20 ministries in a
 * temporary database, the real server over the built SPA, and a real headless Chromium. Prints:
 *   - time to first render of the overview (headline figures on screen), and until its charts draw;
 *   - time to apply a filter on the measures list (select → new count on screen);
 *   - the initial JavaScript (what index.html loads before anything lazy), gzip.
 * Targets: overview usable within 1 s on localhost, filter within 100 ms, initial JS < 250 KB gzip.
 * No assertions: the figures are reported and recorded in bench/results/.
 *   npm run bench:ui [-- --no-build]     BENCH_MEASURES=5000 BENCH_RUNS=5
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { cli, ROOT, startServer, stopServer } from '../scripts/lib/server-process';
import { recordRun } from './record';

const MEASURES = Number(process.env.BENCH_MEASURES ?? 5000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ASOF = '2018-03-31';
const USER = { email: 'bench-ui@nisc.example.go.jp', password: 'headless-chromium-reads-the-plan' };

/** index.html's entry script and the chunks it preloads: what the first screen waits for. */
function initialJs(): { files: string[]; bytes: number; gzip: number } {
  const dist = join(ROOT, 'dist/client');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  let bytes = 0;
  let gzip = 0;
  for (const f of files) {
    const body = readFileSync(join(dist, f));
    bytes += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files, bytes, gzip };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** Marks, relative to navigation start, when the headline figures and the first chart appear. */
const MARKS = `(() => {
  const marks = (window.__benchMarks = {});
  new MutationObserver(() => {
    if (!marks.headline && document.getElementById('fig-total')) marks.headline = performance.now();
    if (!marks.chart && document.querySelector('.recharts-surface')) marks.chart = performance.now();
    if (!marks.timeline && document.querySelector('.tl-row')) marks.timeline = performance.now();
  }).observe(document, { childList: true, subtree: true });
})()`;

type OverviewMarks = { headline: number; chart: number; dashboardApi: number; statsApi: number };

/** The marks, and how long the two API requests behind the page took (resource timing). */
const READ_MARKS = `(() => {
  const api = (path) => performance.getEntriesByType('resource').find((e) => e.name.includes(path));
  return { ...window.__benchMarks, dashboardApi: api('/api/dashboard')?.duration ?? -1, statsApi: api('/api/stats')?.duration ?? -1 };
})()`;

async function overviewRun(page: Page, url: string): Promise<OverviewMarks> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('#fig-total');
  await page.waitForSelector('.recharts-surface');
  return page.evaluate(READ_MARKS);
}

/**
 * Changes the status filter inside the page and times it until the new count is on screen (next
 * frame). A string, not a function: tsx would wrap a function's inner names in a helper the page lacks.
 */
const FILTER = `async (value) => {
  const select = document.querySelector('#f-status');
  const count = () => document.querySelector('[role=status]')?.textContent ?? '';
  const before = count();
  const t0 = performance.now();
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (count() !== before) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await new Promise((r) => requestAnimationFrame(() => r(null)));
  return performance.now() - t0;
}`;

function filterRun(page: Page, value: string): Promise<number> {
  return page.evaluate(`(${FILTER})(${JSON.stringify(value)})`);
}

const dir = mkdtempSync(join(tmpdir(), 'bench-ui-'));
const env = { DATABASE_URL: `file:${join(dir, 'tracker.db')}` };
try {
  if (!process.argv.includes('--no-build')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const js = initialJs();
  console.log(`preparing ${MEASURES} synthetic measures and 20 ministries…`);
  const seeded = cli(['seed', 'synthetic', '--measures', String(MEASURES), '--ministries', '20', '--years', '5'], env);
  if (seeded.status !== 0) throw new Error(seeded.stderr);
  console.log(seeded.stdout.trim());
  cli(['user', 'add', '--email', USER.email, '--name', 'Bench UI', '--role', 'viewer'], env, USER.password);
  const server = await startServer(env);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP' });
    await context.addInitScript(MARKS);
    const res = await context.request.post(`${server.url}/api/session`, {
      data: USER,
      headers: { origin: server.url },
    });
    if (!res.ok()) throw new Error(`sign-in failed: ${res.status()}`);
    const page = await context.newPage();

    // The first visit builds the server's plan index and fills the browser's cache: reported apart.
    const cold = await overviewRun(page, `${server.url}/?asOf=${ASOF}`);
    const warm: OverviewMarks[] = [];
    for (let i = 0; i < RUNS; i++) {
      // A different as-of date each time, so the server computes rather than replays an answer.
      warm.push(await overviewRun(page, `${server.url}/?asOf=2017-0${(i % 9) + 1}-15`));
    }

    // The timeline draws every measure (50 rows per group at first).
    const timelines: number[] = [];
    const timelineApi: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto(`${server.url}/timeline?asOf=2017-0${(i % 9) + 1}-20&groupBy=ministry`, { waitUntil: 'commit' });
      await page.waitForSelector('.tl-row');
      timelines.push(await page.evaluate('window.__benchMarks.timeline'));
      timelineApi.push(
        await page.evaluate(
          `performance.getEntriesByType('resource').find((e) => e.name.includes('/api/timeline'))?.responseEnd ?? -1`,
        ),
      );
    }

    await page.goto(`${server.url}/measures?asOf=${ASOF}`);
    await page.waitForSelector('table.measures-table');
    const filters: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const v of ['in_progress', 'completed', 'not_started', '']) filters.push(await filterRun(page, v));
    }

    const figures = {
      measures: MEASURES,
      // Other work on the machine skews every figure: the 1-minute load average when the run ended.
      loadAverage: +(loadavg()[0] ?? 0).toFixed(1),
      overviewFirstVisit: { headlineMs: Math.round(cold.headline), chartsMs: Math.round(cold.chart) },
      overview: {
        headlineMs: Math.round(median(warm.map((w) => w.headline))),
        chartsMs: Math.round(median(warm.map((w) => w.chart))),
        dashboardApiMs: Math.round(median(warm.map((w) => w.dashboardApi))),
        statsApiMs: Math.round(median(warm.map((w) => w.statsApi))),
      },
      timeline: { firstRowsMs: Math.round(median(timelines)), apiResponseEndMs: Math.round(median(timelineApi)) },
      filter: { medianMs: Math.round(median(filters)), maxMs: Math.round(Math.max(...filters)), runs: filters.length },
      initialJs: { files: js.files, kb: +(js.bytes / 1024).toFixed(1), gzipKb: +(js.gzip / 1024).toFixed(1) },
    };
    console.log(`
UI benchmark — ${MEASURES} measures, 20 ministries, headless Chromium on localhost (load average ${figures.loadAverage})
  overview, first visit (cold index): headline ${ms(cold.headline)}, charts ${ms(cold.chart)}
  overview (median of ${RUNS}):          headline ${ms(figures.overview.headlineMs)}, charts ${ms(figures.overview.chartsMs)}   target: usable < 1000 ms
    of which /api/dashboard ${ms(figures.overview.dashboardApiMs)}, /api/stats ${ms(figures.overview.statsApiMs)} (requests, in parallel)
  timeline by ministry (median):       first rows ${ms(median(timelines))} (its /api/timeline answered at ${ms(median(timelineApi))})
  filter on the measures list:         median ${ms(figures.filter.medianMs)}, max ${ms(figures.filter.maxMs)} (${filters.length} runs)   target: < 100 ms
  initial JavaScript:                  ${figures.initialJs.gzipKb} KB gzip (${figures.initialJs.kb} KB raw, ${js.files.length} file(s))   target: < 250 KB gzip
  recorded in ${recordRun('ui', figures)}`);
  } finally {
    await browser.close();
    await stopServer(server);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
