/**
 * Chart benchmark (`npm run bench:charts`): the overview's chart component (PlanActualChart, recharts)
 * on a page of its own (bench/chart-page), in headless Chromium, mounted 30 times in a row per kind:
 * the plan-vs-actual chart, the Tokyo 2020 chart and an area's small multiple, with the overview's
 * props and 24 quarterly points. Prints, per kind, for the page's first mount (the browser compiles
 * and first runs recharts' code then: what the first chart of a first visit pays) and for the later
 * ones (median and worst of mounts 6–30):
 *   - turn → drawn: the chart's own measure, as bench:ui reports it (its up to three tasks and the
 *     waits between them);
 *   - work: the sum of its tasks;
 *   - its longest task.
 * bench:ui times the same charts inside the overview's first visit, where they share two cores with
 * the page's loading, the server and the browser; this separates what a chart costs from that.
 * Target (issue 11): each chart mounts in ≤ 50 ms. No assertions: the figures are printed and
 * recorded in bench/results/.
 *   npm run bench:charts     BENCH_REPS=5 (fresh pages per kind) BENCH_MOUNTS=30
 */
import react from '@vitejs/plugin-react';
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { addCompileHints } from '../scripts/lib/first-load';
import { ROOT } from '../scripts/lib/server-process';
import { recordRun } from './record';
import { benchMark, launchChromium } from './ui-setup';

const REPS = Number(process.env.BENCH_REPS ?? 5);
const MOUNTS = Number(process.env.BENCH_MOUNTS ?? 30);
const KINDS = ['planned-vs-actual', 'tokyo-readiness', 'area'] as const;
/** Mounts before this one count as warming up. */
const WARM_FROM = 5;

type Mount = { total: number; work: number; longest: number };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;

/** The chart page, built as the app is: production React, the compile hint on React and recharts. */
async function buildPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(ROOT, 'bench', 'chart-page'),
    logLevel: 'warn',
    plugins: [
      react(),
      {
        name: 'compile-hints',
        apply: 'build',
        enforce: 'post',
        generateBundle(_options, bundle) {
          addCompileHints(Object.values(bundle).filter((f): f is Rolldown.OutputChunk => f.type === 'chunk'));
        },
      },
    ],
    resolve: { alias: [{ find: /^@\/(domain|client|server)\//, replacement: `${join(ROOT, 'src')}/$1/` }] },
    build: { outDir, emptyOutDir: true },
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves the built page on loopback (a module script needs http, not file:). */
function serve(dir: string) {
  const server = createServer((req, res) => {
    const path = join(dir, new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(dir) && existsSync(path) && extname(path) ? path : join(dir, 'index.html');
    res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.end(readFileSync(file));
  });
  return new Promise<{ url: string; close: () => void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() }),
    ),
  );
}

const dir = mkdtempSync(join(tmpdir(), 'bench-charts-'));
try {
  const loadAverageAtStart = +(loadavg()[0] ?? 0).toFixed(1);
  await buildPage(dir);
  const site = await serve(dir);
  const browser = await launchChromium();
  const figures: Record<string, unknown> = {};
  console.log(
    `\nchart benchmark: each chart ${MOUNTS} times on a page of its own, ${REPS} fresh pages per kind, headless Chromium (load average ${loadAverageAtStart} at the start)`,
  );
  try {
    for (const kind of KINDS) {
      const first: Mount[] = [];
      const later: Mount[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
        const page = await context.newPage();
        const mounted = benchMark(page, 'mounted');
        await page.goto(`${site.url}/?kind=${kind}&mounts=${MOUNTS}`);
        await mounted;
        const mounts = await page.evaluate<Mount[]>('window.__mounts');
        first.push(mounts[0]!);
        later.push(...mounts.slice(WARM_FROM));
        await context.close();
      }
      const of = (ms: Mount[], key: keyof Mount) => ({
        median: round(median(ms.map((m) => m[key]))),
        max: round(Math.max(...ms.map((m) => m[key]))),
      });
      const row = {
        firstMount: { total: of(first, 'total'), work: of(first, 'work'), longestTask: of(first, 'longest') },
        laterMounts: { total: of(later, 'total'), work: of(later, 'work'), longestTask: of(later, 'longest') },
      };
      figures[kind] = row;
      const say = (r: typeof row.firstMount) =>
        `turn → drawn ${r.total.median} ms (worst ${r.total.max}), work ${r.work.median} ms, longest task ${r.longestTask.median} ms (worst ${r.longestTask.max})`;
      console.log(`  ${kind}`);
      console.log(`    first on the page (median of ${REPS}):   ${say(row.firstMount)}`);
      console.log(`    later mounts (median of ${later.length}):      ${say(row.laterMounts)}   target: ≤ 50 ms`);
    }
  } finally {
    await browser.close();
    site.close();
  }
  figures.loadAverage = +(loadavg()[0] ?? 0).toFixed(1);
  figures.loadAverageAtStart = loadAverageAtStart;
  console.log(`  recorded in ${recordRun('charts', figures)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
