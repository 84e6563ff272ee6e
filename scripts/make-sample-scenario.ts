/**
 * Writes seeds/scenarios/sample.json: clearly labelled, fictitious progress for every assignment
 * of the seeded strategy, FY2015–FY2019, for demos and tests. Deterministic (fixed PRNG seed), so
 * re-running it gives the same file. Never mixed into the strategy's facts.
 *
 *   npx tsx scripts/make-sample-scenario.ts
 */
import { writeFileSync } from 'node:fs';
import { compileSeeds } from '@/domain/seeds';
import { addDays, monthEnds, type IsoDate } from '@/domain/plan';
import type { Status } from '@/domain/plan';
import { loadSeedBundle } from '../seeds';

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(20150904);
const LAST = '2019-12-31';
// Reports come in twice a year: at the half-year (September) and the fiscal year's end (March).
const REPORT_DATES = monthEnds('2015-09-01', LAST).filter((d) => d.slice(5, 7) === '09' || d.slice(5, 7) === '03');

type Profile = 'early' | 'on_time' | 'late' | 'stalled' | 'suspended';
function profile(): Profile {
  const r = random();
  return r < 0.35 ? 'early' : r < 0.7 ? 'on_time' : r < 0.87 ? 'late' : r < 0.97 ? 'stalled' : 'suspended';
}

function shift(date: IsoDate, halfYears: number): IsoDate {
  return addDays(date, Math.round(halfYears * 182.5));
}

const NOTE = {
  started: (t: string) => `【サンプル】「${t}」について、関係機関との調整及び実施方針の検討を開始した。`,
  progress: (t: string, p: number) => `【サンプル】「${t}」の取組を推進中。年次計画に沿って進捗（${p}%）。`,
  stalled: (t: string) => `【サンプル】「${t}」は関係機関との調整に時間を要しており、進捗が遅れている。`,
  completed: (t: string) => `【サンプル】「${t}」について、所期の取組を完了した。`,
  suspended: (t: string) => `【サンプル】「${t}」は方針の見直しにより中止した。`,
};

const seeds = compileSeeds(loadSeedBundle());
const byId = new Map(seeds.measures.map((m) => [m.id, m]));
const events: {
  measureCode: string;
  ministryId: string;
  effectiveOn: IsoDate;
  status: Status;
  progress: number;
  narrative: string;
}[] = [];

for (const a of seeds.assignments) {
  const m = byId.get(a.measureId)!;
  const p = profile();
  const start = random() < 0.75 ? REPORT_DATES[0]! : REPORT_DATES[1]!;
  const continuous = m.due.kind === 'continuous';
  const due = m.due.date ?? seeds.planPeriod.end;
  const finish =
    continuous || p === 'stalled' || p === 'suspended'
      ? null
      : maxDate(shift(due, p === 'early' ? -1 - random() : p === 'on_time' ? -0.2 : 1 + 3 * random()), shift(start, 1));
  const stopAt = p === 'suspended' ? shift(start, 2 + Math.floor(random() * 3)) : null;
  for (const date of REPORT_DATES) {
    if (date < start) continue;
    const title = m.title.ja;
    if (stopAt && date >= stopAt) {
      events.push({
        measureCode: m.code,
        ministryId: a.ministryId,
        effectiveOn: date,
        status: 'suspended',
        progress: 30,
        narrative: NOTE.suspended(title),
      });
      break;
    }
    if (finish && date >= finish) {
      events.push({
        measureCode: m.code,
        ministryId: a.ministryId,
        effectiveOn: date,
        status: 'completed',
        progress: 100,
        narrative: NOTE.completed(title),
      });
      break;
    }
    const end = finish ?? (continuous ? LAST : shift(due, 2));
    const span = Math.max(1, daysApart(start, end));
    const linear = Math.min(95, Math.round((daysApart(start, date) / span) * 100));
    const progress =
      p === 'stalled'
        ? Math.max(5, Math.min(linear, 20 + Math.floor(random() * 15)))
        : Math.max(10, Math.round(linear / 5) * 5);
    const narrative =
      date === start ? NOTE.started(title) : p === 'stalled' ? NOTE.stalled(title) : NOTE.progress(title, progress);
    events.push({
      measureCode: m.code,
      ministryId: a.ministryId,
      effectiveOn: date,
      status: 'in_progress',
      progress,
      narrative,
    });
  }
}

function daysApart(a: IsoDate, b: IsoDate) {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}
function maxDate(a: IsoDate, b: IsoDate) {
  return a > b ? a : b;
}

events.sort((x, y) => (x.effectiveOn < y.effectiveOn ? -1 : x.effectiveOn > y.effectiveOn ? 1 : 0));
const scenario = {
  id: 'sample',
  label: { ja: 'サンプル進捗シナリオ（架空）', en: 'Sample progress scenario (fictitious)' },
  description: {
    ja: 'デモ・テスト用の架空の進捗データ（2015年度〜2019年度）。実際の実施状況ではありません。',
    en: 'Fictitious progress for demos and tests (FY2015–FY2019). Not the real state of implementation.',
  },
  events,
};
// One event a line: the file stays readable and its diffs stay small.
const lines = events.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
const head = JSON.stringify(
  { id: scenario.id, label: scenario.label, description: scenario.description },
  null,
  2,
).slice(0, -2);
writeFileSync(
  new URL('../seeds/scenarios/sample.json', import.meta.url),
  `${head},\n  "events": [\n${lines}\n  ]\n}\n`,
);
console.log(`wrote ${events.length} sample events for ${seeds.assignments.length} assignments`);
