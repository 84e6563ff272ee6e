/**
 * Where the overview's first visit spends its time (issue 11): the same synthetic plan and server as
 * `bench:ui`, one first visit traced through the DevTools protocol (the Performance panel's
 * categories and V8's sampling profiler), then printed:
 *   - the request waterfall (resource timing: start → end of each script, style and /api/* call);
 *   - every main-thread task over 50 ms with its wall and CPU time, what ran in it (parse/compile
 *     of which script, which functions by self time from the CPU profile, layout, style, paint);
 *   - the LCP candidate and when it was painted.
 * The whole trace is written beside, for the DevTools Performance panel.
 *   npx tsx bench/profile-ui.ts [-- --no-build]   BENCH_MEASURES=5000 BENCH_DIST=/tmp/dist PROFILE_URL=/?asOf=2018-03-31
 * A diagnostic, not a benchmark: the figures that count are bench:ui's.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cli, ROOT, startServer, stopServer } from '../scripts/lib/server-process';
import { benchMark, buildSpa, launchChromium, seedSyntheticPlan, signedInContext } from './ui-setup';

const MEASURES = Number(process.env.BENCH_MEASURES ?? 5000);
const DIST = resolve(ROOT, process.env.BENCH_DIST ?? 'dist/client');
const PATH = process.env.PROFILE_URL ?? '/?asOf=2018-03-31';
const USER = { email: 'bench-profiler@nisc.example.go.jp', password: 'headless-chromium-reads-every-task' };

type TraceEvent = {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown> & { name?: string; data?: Record<string, unknown> };
  id?: string;
};

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
};

/** Every LCP candidate; an attribute once every chart figure holds its drawn chart (the CSP forbids eval). */
const INIT = `(() => {
      window.__lcp = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push({ t: Math.round(e.startTime), size: e.size, el: e.element ? e.element.tagName + '.' + e.element.className : null }); }).observe({ type: 'largest-contentful-paint', buffered: true });
      new MutationObserver(() => {
        const figures = document.querySelectorAll('.chart-figure__chart');
        if (!document.documentElement.hasAttribute('data-bench-charts') && figures.length && [...figures].every((f) => f.querySelector('[role=img]'))) {
          document.documentElement.setAttribute('data-bench-charts', '');
          console.debug('bench:charts');
        }
      }).observe(document, { childList: true, subtree: true });
    })()`;

const short = (url: unknown) => (typeof url === 'string' ? url.replace(/^.*\/(assets\/)?/, '') : '');

/**
 * Self and total (inclusive) time per function (name @ file:line) from the V8 profile samples that
 * fall inside [from, to).
 */
function cpuTimes(
  all: TraceEvent[],
  main: { pid: number; tid: number },
  from: number,
  to: number,
): { self: [string, number][]; total: [string, number][] } {
  // Only the page's main thread's profile: its 'Profile' event, and the chunks with the same id.
  const profile = all.find((e) => e.name === 'Profile' && e.pid === main.pid && e.tid === main.tid);
  const events = all.filter(
    (e) => e === profile || (e.name === 'ProfileChunk' && e.pid === main.pid && e.id === profile?.id),
  );
  const nodes = new Map<number, ProfileNode>();
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const chunks = events.filter((e) => e.name === 'ProfileChunk');
  for (const e of chunks) {
    const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[] } };
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
  }
  const keyOf = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} @ ${short(n.callFrame.url)}:${n.callFrame.lineNumber}`;
  // Samples carry deltas from the profile's start time ('Profile' event).
  const start = events.find((e) => e.name === 'Profile')?.args?.data as { startTime?: number } | undefined;
  let t = start?.startTime ?? 0;
  for (const e of chunks) {
    const data = e.args?.data as { cpuProfile?: { samples?: number[] }; timeDeltas?: number[] };
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      const weight = (deltas[i + 1] ?? 0) / 1000;
      if (t < from || t >= to) continue;
      let n = nodes.get(samples[i]!);
      if (!n) continue;
      self.set(keyOf(n), (self.get(keyOf(n)) ?? 0) + weight);
      const seen = new Set<string>();
      while (n) {
        const k = keyOf(n);
        if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + weight);
        seen.add(k);
        n = n.parent === undefined ? undefined : nodes.get(n.parent);
      }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { self: sorted(self), total: sorted(total) };
}

const dir = mkdtempSync(join(tmpdir(), 'profile-ui-'));
const env = { DATABASE_URL: `file:${join(dir, 'tracker.db')}`, STATIC_DIR: DIST };
try {
  buildSpa(DIST);
  seedSyntheticPlan(env, MEASURES);
  const added = cli(
    ['user', 'add', '--email', USER.email, '--name', 'Bench Profiler', '--role', 'viewer'],
    env,
    USER.password,
  );
  if (added.status !== 0) throw new Error(added.stderr);
  const server = await startServer(env);
  const browser = await launchChromium();
  try {
    const context = await signedInContext(browser, server.url, USER, INIT);
    // The server's first reads build its plan index: warm it, as bench:ui's warm runs are.
    if (process.env.PROFILE_COLD !== '1') await context.request.get(`${server.url}/api/stats?asOf=2017-01-01`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          '-*',
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'disabled-by-default-devtools.timeline.frame',
          'toplevel',
          'blink.user_timing',
          'loading',
          'latencyInfo',
          'v8.execute',
          'v8',
          'disabled-by-default-v8.cpu_profiler',
          '__metadata',
        ],
      },
      transferMode: 'ReportEvents',
    });
    const charts = benchMark(page, 'charts');
    await page.goto(`${server.url}${PATH}`, { waitUntil: 'commit' });
    await charts;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await cdp.send('Tracing.end');
    await complete;
    const file = join(tmpdir(), `overview-${Date.now()}.trace.json`);
    writeFileSync(file, JSON.stringify({ traceEvents: events }));

    const waterfall = await page.evaluate<
      { name: string; start: number; sent: number; first: number; end: number; size: number; protocol: string }[]
    >(
      `performance.getEntriesByType('resource').map((e) => ({ name: e.name.replace(location.origin, ''), start: Math.round(e.startTime), sent: Math.round(e.requestStart), first: Math.round(e.responseStart), end: Math.round(e.responseEnd), size: e.encodedBodySize, protocol: e.nextHopProtocol }))`,
    );
    const nav = await page.evaluate<{ responseEnd: number; dcl: number }>(
      `(() => { const n = performance.getEntriesByType('navigation')[0]; return { responseEnd: Math.round(n.responseEnd), dcl: Math.round(n.domContentLoadedEventEnd) }; })()`,
    );
    const lcp = await page.evaluate<unknown[]>('window.__lcp');
    const measures = await page.evaluate<{ name: string; start: number; dur: number }[]>(
      `performance.getEntriesByType('measure').map((e) => ({ name: e.name, start: Math.round(e.startTime), dur: Math.round(e.duration) }))`,
    );

    // The page's renderer main thread: the one that started the navigation to the server (Chromium's
    // own pages, such as the omnibox popup, run in other renderers with main threads of the same name).
    const navigation = events.find(
      (e) =>
        e.name === 'navigationStart' &&
        String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL).startsWith(server.url),
    );
    if (!navigation) throw new Error('no navigation to the server in the trace');
    const onMain = (e: TraceEvent) => e.pid === navigation.pid && e.tid === navigation.tid;
    const navStart = navigation.ts;
    const rel = (ts: number) => Math.round((ts - navStart) / 1000);

    console.log(`\nfirst visit to ${PATH}, ${MEASURES} measures, load average ${loadavg()[0]!.toFixed(1)}`);
    console.log(`  HTML responseEnd ${nav.responseEnd} ms, DOMContentLoaded ${nav.dcl} ms`);
    // Queued → sent (a connection free) → first byte (the server's answer) → end, and the protocol.
    console.log(`  requests (queued → sent → first byte → end ms, bytes), ${waterfall[0]?.protocol ?? ''}:`);
    for (const r of waterfall)
      console.log(
        `    ${[r.start, r.sent, r.first, r.end].map((t) => String(t).padStart(5)).join(' → ')}  ${String(r.size).padStart(7)}  ${r.name}`,
      );
    console.log('  LCP candidates:', JSON.stringify(lcp));
    console.log('  measures:', measures.map((m) => `${m.name} @${m.start} ${m.dur}ms`).join(', '));

    const tasks = events.filter(
      (e) => e.name === 'ThreadControllerImpl::RunTask' && onMain(e) && e.ts >= navStart && (e.dur ?? 0) >= 50_000,
    );
    console.log(`  main-thread tasks ≥ 50 ms: ${tasks.length}`);
    for (const task of tasks) {
      const end = task.ts + (task.dur ?? 0);
      const inside = events.filter((e) => onMain(e) && e.ts >= task.ts && e.ts < end && e.ph === 'X' && e !== task);
      const byKind = new Map<string, number>();
      for (const e of inside) {
        const data = e.args?.data as { url?: string; functionName?: string } | undefined;
        const label =
          e.name === 'v8.compile' ||
          e.name === 'v8.parseOnBackground' ||
          e.name === 'EvaluateScript' ||
          e.name === 'v8.compileModule' ||
          e.name === 'v8.evaluateModule'
            ? `${e.name} ${short(data?.url ?? (e.args as { fileName?: string })?.fileName)}`
            : [
                  'FunctionCall',
                  'TimerFire',
                  'EventDispatch',
                  'RunMicrotasks',
                  'Layout',
                  'UpdateLayoutTree',
                  'Paint',
                  'ParseHTML',
                  'V8.GCScavenger',
                  'MajorGC',
                  'MinorGC',
                  'v8.produceCache',
                  'v8.deserializeOnBackground',
                  'FireAnimationFrame',
                  'ResourceReceivedData',
                ].includes(e.name)
              ? `${e.name} ${short(data?.url ?? '')}${data?.functionName ? ` ${data.functionName}` : ''}`
              : null;
        if (label) byKind.set(label, (byKind.get(label) ?? 0) + (e.dur ?? 0) / 1000);
      }
      console.log(
        `\n  task @${rel(task.ts)} ms: wall ${Math.round((task.dur ?? 0) / 1000)} ms, CPU ${Math.round((task.tdur ?? 0) / 1000)} ms`,
      );
      for (const [k, v] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 12))
        console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`);
      const cpu = cpuTimes(events, navigation, task.ts, end);
      console.log('    self time (CPU profile):');
      for (const [k, v] of cpu.self.slice(0, 12)) console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`);
      console.log('    total time, app code (CPU profile):');
      for (const [k, v] of cpu.total
        .filter(([k]) => !/@ (index|link|i18n)-|@ :|\(root\)|\(program\)/.test(k))
        .slice(0, 20))
        console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`);
    }
    console.log(`\n  trace: ${file}`);
  } finally {
    await browser.close();
    await stopServer(server);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
