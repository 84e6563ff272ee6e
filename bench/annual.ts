/**
 * npm run bench:annual — issue 5's figures on a synthetic plan in a temporary SQLite database:
 * importing a 10,000-row template (dry run and commit), building the annual report for 5,000
 * measures, and refusing zip bombs. Prints wall time, this process's CPU time (the fairer figure on a
 * shared machine) and peak extra memory (RSS sampled every 2 ms by a worker thread); asserts nothing.
 * Targets: import < 2 s & < 200 MB; report < 2 s; bomb < 1 s & < 50 MB. Each run is recorded in
 * bench/results/ with the load average; BENCH_PROFILE=dir also writes a CPU profile per phase, and
 * BENCH_SKIP_WORD=1 leaves out the (slow) Word rendering.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compileSeeds, type CompiledSeeds } from '@/domain/seeds';
import type { AnnualPlanRecord, AnnualResultRecord } from '@/domain/contract';
import { createApp } from '../src/server/app';
import { nodeHasher } from '../src/server/auth/passwords';
import { chartPng } from '../src/server/annual/node-renderers';
import { patchXlsx, zipBomb } from '../src/server/annual/zip-testing';
import { fixedClock } from '../src/server/clock';
import type { Change, NewProgressEvent } from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { seedTestUsers, signIn } from '../src/server/testing';
import { loadSeedBundle } from '../seeds';
import { recordRun } from './record';

const MEASURES = 5_000;
const clock = fixedClock('2016-03-31');

/** 5,000 measures spread over the real strategy's items, each with two ministries (10,000 assignments). */
function syntheticSeeds(): CompiledSeeds {
  const real = compileSeeds(loadSeedBundle());
  const measures = Array.from({ length: MEASURES }, (_, i) => {
    const base = real.measures[i % real.measures.length]!;
    const code = `${base.itemCode}-${1000 + i}`;
    return { ...base, id: code, code, crossRefId: null, position: i, milestoneIds: [], packageIds: [] };
  });
  const assignments = measures.flatMap((m, i) =>
    (['mic', 'meti'] as const).map((ministryId, k) => ({
      measureId: m.id,
      ministryId: i % 2 === 0 ? ministryId : k === 0 ? 'npa' : 'mof',
      role: k === 0 ? ('lead' as const) : ('contributing' as const),
      provenance: 'proposed' as const,
      confirmed: false,
      status: 'not_started' as const,
      progress: 0,
      narrative: '',
      version: 1,
    })),
  );
  return { ...real, measures, assignments };
}

/** Wall time, CPU time of this process (all its threads: less disturbed by other load), peak extra RSS. */
type Sample = { ms: number; cpuMs: number; peakMb: number };

/** BENCH_PROFILE=dir writes one CPU profile per phase (open in Chrome DevTools or speedscope). */
const PROFILE_DIR = process.env.BENCH_PROFILE;
let inspector: Session | null = null;

async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  if (!PROFILE_DIR) return await fn();
  if (!inspector) {
    mkdirSync(PROFILE_DIR, { recursive: true });
    inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 200 });
  }
  await inspector.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await inspector.post('Profiler.stop');
    const name = label.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '');
    writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}

const figures: Record<string, Sample> = {};

/** Runs `fn` while a worker samples the process's RSS; returns the time and the peak above the start. */
async function measure(fn: () => Promise<unknown>, label = ''): Promise<Sample> {
  (globalThis as { gc?: () => void }).gc?.();
  const sampler = new Worker(
    `const { parentPort } = require('node:worker_threads'); let peak = 0;
     const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 2);
     parentPort.on('message', () => { clearInterval(t); parentPort.postMessage(peak); });`,
    { eval: true },
  );
  await new Promise((r) => setTimeout(r, 20));
  const start = process.memoryUsage.rss();
  const t = performance.now();
  const cpu = process.cpuUsage();
  await profiled(label || 'phase', fn);
  const ms = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const peak = await new Promise<number>((resolve) => {
    sampler.once('message', resolve);
    sampler.postMessage('stop');
  });
  await sampler.terminate();
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    peakMb: Math.max(0, Math.max(peak, process.memoryUsage.rss()) - start) / 2 ** 20,
  };
}

const line = (label: string, s: Sample, target: string) => {
  figures[label] = { ms: Math.round(s.ms), cpuMs: Math.round(s.cpuMs), peakMb: +s.peakMb.toFixed(1) };
  console.log(
    `${label.padEnd(50)} ${s.ms.toFixed(0).padStart(6)} ms (cpu ${s.cpuMs.toFixed(0).padStart(6)} ms)  ${s.peakMb.toFixed(1).padStart(7)} MB peak extra   (target ${target})`,
  );
};

async function main() {
  const loadAtStart = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'bench-annual-'));
  try {
    const store = createSqliteStore(openDatabase(join(dir, 'bench.db')));
    const seeds = syntheticSeeds();
    await store.seed(
      seeds,
      { instructions: [], ciSectors: [] },
      {
        at: clock.now(),
        actor: 'bench',
        action: 'seed',
        entity: 'plan',
        entityId: 'bench',
        before: undefined,
        after: {},
        requestId: null,
      },
    );
    const events: NewProgressEvent[] = seeds.assignments.flatMap((a, i) =>
      ['2015-09-30', '2016-03-31'].map((effectiveOn, k) => ({
        measureId: a.measureId,
        ministryId: a.ministryId,
        effectiveOn,
        status: k === 1 && i % 7 === 0 ? ('completed' as const) : ('in_progress' as const),
        progress: k === 1 && i % 7 === 0 ? 100 : 20 + k * 20,
        narrative: `【サンプル】進捗 ${i}-${k}`,
        actor: 'bench',
        submittedBy: null,
        comment: '',
        recordedAt: clock.now(),
        origin: 'scenario' as const,
      })),
    );
    await store.loadScenario({ id: 'bench', label: { ja: 'ベンチ', en: 'Bench' } }, events, {
      at: clock.now(),
      actor: 'bench',
      action: 'scenario.load',
      entity: 'scenario',
      entityId: 'bench',
      before: undefined,
      after: {},
      requestId: null,
    });
    const plans: Change[] = seeds.measures.map((m) => ({
      kind: 'annualPlan',
      expectVersion: null,
      next: {
        fy: 2015,
        measureId: m.id,
        planText: `【サンプル】${m.title.ja}の計画`,
        nextPlanText: '【サンプル】翌年度計画',
        updatedBy: 'bench',
        updatedAt: clock.now(),
        version: 1,
      } satisfies AnnualPlanRecord,
    }));
    const results: Change[] = seeds.assignments.map((a) => ({
      kind: 'annualResult',
      expectVersion: null,
      next: {
        fy: 2015,
        measureId: a.measureId,
        ministryId: a.ministryId,
        text: '【サンプル】成果',
        updatedBy: 'bench',
        updatedAt: clock.now(),
        version: 1,
      } satisfies AnnualResultRecord,
    }));
    await store.commit([...plans, ...results], []);
    await seedTestUsers(store, clock, nodeHasher);
    const app = createApp({ store, clock, hasher: nodeHasher, reports: { chartPng } });
    const session = await signIn(app, clock, 'staff');
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const get = async (path: string): Promise<Response> => await app.request(path, { headers });
    const upload = async (bytes: Uint8Array, query: string): Promise<Response> => {
      const form = new FormData();
      form.set('file', new Blob([new Uint8Array(bytes)]), 'template.xlsx');
      return await app.request(`/api/import?${query}`, { method: 'POST', headers, body: form });
    };
    console.log(
      `synthetic plan: ${seeds.measures.length} measures, ${seeds.assignments.length} assignments, ${events.length} events (SQLite in ${dir})\n`,
    );

    await get('/api/meta'); // warm the route table and the session
    // RSS never shrinks much once grown, so the phases that must stay small run first; Word last.
    for (const honest of [true, false]) {
      const bomb = zipBomb(1024, honest);
      let message = '';
      const s = await measure(
        async () => {
          const res = await upload(bomb, 'dryRun=true');
          message = `${res.status} ${((await res.json()) as { error: { message: string } }).error.message.split(' / ')[1]}`;
        },
        `bomb-${honest ? 'honest' : 'lying'}`,
      );
      line(
        `zip bomb, 1 GiB in ${(bomb.length / 1024).toFixed(0)} KiB, ${honest ? 'declared honestly' : 'lying (declares 2 KiB)'}`,
        s,
        '< 1 s, < 50 MB',
      );
      console.log(`    → ${message}`);
    }
    console.log('');
    await get('/api/measures?limit=1'); // the plan index is built once per data revision (decision 003)
    const template = new Uint8Array(await (await get('/api/export/template?format=xlsx&fy=2015')).arrayBuffer());
    if (process.env.SAVE_TEMPLATE) (await import('node:fs')).writeFileSync(process.env.SAVE_TEMPLATE, template);
    const changed = patchXlsx(template, (f) => {
      f['xl/worksheets/sheet1.xml'] = f['xl/worksheets/sheet1.xml']!.replace(
        /<c r="I(\d+)"([^>]*)><v>(\d+)<\/v><\/c>/g,
        (m, row: string, attrs: string, v: string) =>
          row === '1' || v === '100' ? m : `<c r="I${row}"${attrs}><v>${Number(v) === 40 ? 45 : 40}</v></c>`,
      );
    });
    console.log(`\ntemplate: ${(template.length / 1024).toFixed(0)} KiB XLSX, 10,000 rows`);
    let report: { summary: Record<string, unknown> } | null = null;
    line(
      'import 10,000 rows: dry run (unchanged)',
      await measure(
        async () => (report = (await (await upload(template, 'dryRun=true')).json()) as never),
        'import-dry-unchanged',
      ),
      '< 2 s, < 200 MB',
    );
    console.log('   ', JSON.stringify(report!.summary));
    line(
      'import 10,000 rows: dry run (rows changed)',
      await measure(
        async () => (report = (await (await upload(changed, 'dryRun=true')).json()) as never),
        'import-dry-changed',
      ),
      '< 2 s, < 200 MB',
    );
    console.log('   ', JSON.stringify(report!.summary));
    line(
      'import 10,000 rows: commit (one transaction)',
      await measure(async () => (report = (await (await upload(changed, '')).json()) as never), 'import-commit'),
      '< 2 s, < 200 MB',
    );
    console.log('   ', JSON.stringify(report!.summary));

    console.log('');
    const cold = await measure(
      () => get('/api/reports/annual?fy=2015&asOf=2016-03-31').then((r) => r.json()),
      'report-json-cold',
    );
    line('annual report, 5,000 measures (JSON, cold index)', cold, '< 2 s');
    const warm = await measure(
      () => get('/api/reports/annual?fy=2015&asOf=2016-03-31').then((r) => r.json()),
      'report-json-warm',
    );
    line('annual report, 5,000 measures (JSON, warm index)', warm, '< 2 s');
    line(
      'annual report as Markdown',
      await measure(
        () => get('/api/reports/annual?fy=2015&asOf=2016-03-31&format=md').then((r) => r.text()),
        'report-md',
      ),
      '—',
    );
    if (process.env.BENCH_SKIP_WORD !== '1')
      line(
        'annual report as Word (with chart PNGs)',
        await measure(
          () => get('/api/reports/annual?fy=2015&asOf=2016-03-31&format=docx').then((r) => r.arrayBuffer()),
          'report-docx',
        ),
        '—',
      );

    await store.close();
    console.log(
      `\nrecorded in ${recordRun('annual', { measures: MEASURES, loadAverage: { start: loadAtStart, end: loadavg() }, phases: figures })}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
