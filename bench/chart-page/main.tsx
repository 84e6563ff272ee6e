/**
 * The page `bench/charts.ts` opens: the overview's chart component (PlanActualChart), mounted
 * MOUNTS times in a row on a page of its own, each drawn to the end, measured, then unmounted. The
 * kind (`?kind=`) gives the props of one of the overview's charts, on 24 quarterly points as the
 * overview's FY2015–FY2020 series have. Each mount's figures come from the chart's own measures
 * (`chart:<name>`, `chart-task:<name>:<stage>`), as bench:ui reads them on the overview.
 */
import { createRoot } from 'react-dom/client';
import PlanActualChart, { type PlanActualChartProps } from '@/client/components/plan-actual-chart';
import { I18nProvider } from '@/client/lib/i18n';
import '@/client/global.css';

const MOUNTS = Number(new URLSearchParams(location.search).get('mounts') ?? 30);
const KIND = new URLSearchParams(location.search).get('kind') ?? 'planned-vs-actual';

const QUARTER_ENDS = ['06-30', '09-30', '12-31', '03-31'] as const;
const points = Array.from({ length: 24 }, (_, i) => {
  const fy = 2015 + Math.floor(i / 4);
  const end = QUARTER_ENDS[i % 4]!;
  const seen = i < 12; // actual progress up to the as-of date (2018-03-31)
  return {
    date: `${end === '03-31' ? fy + 1 : fy}-${end}`,
    expectedProgress: Math.min(100, i * 4.5),
    actualProgress: seen ? i * 4 : null,
    expectedCompleted: i * 9,
    completed: seen ? i * 8 : null,
  };
});

const common = {
  label: KIND,
  points: points as PlanActualChartProps['points'],
  asOf: '2018-03-31',
  fiscalYears: [2015, 2016, 2017, 2018, 2019, 2020],
  forecast: { from: '2018-03-31', value: 44, reachesFullOn: '2021-01-01' },
};
const milestones = [
  { n: 1, id: 'plan-end', start: '2018-03-31' },
  { n: 2, id: 'tokyo2020', start: '2020-07-24' },
];
/** As the overview draws them (planned-vs-actual.tsx, tokyo-readiness.tsx, area-multiples.tsx). */
const KINDS: Record<string, Omit<PlanActualChartProps, 'name'>> = {
  'planned-vs-actual': { ...common, height: 320, milestones },
  'tokyo-readiness': { ...common, height: 280, milestones, counts: false },
  area: { ...common, height: 140, compact: true },
};

type Mount = { total: number; work: number; longest: number };

async function mountOnce(root: HTMLElement, name: string): Promise<Mount> {
  const box = root.appendChild(document.createElement('div'));
  const drawn = new Promise<void>((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntries().some((e) => e.name === `chart:${name}`)) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe({ type: 'measure' });
  });
  const react = createRoot(box);
  react.render(
    <I18nProvider lang="ja">
      <PlanActualChart name={name} {...KINDS[KIND]!} />
    </I18nProvider>,
  );
  await drawn;
  const measures = performance.getEntriesByType('measure');
  const tasks = measures.filter((e) => e.name.startsWith(`chart-task:${name}:`)).map((e) => e.duration);
  const total = measures.find((e) => e.name === `chart:${name}`)!.duration;
  // A pause between mounts, as between two charts' turns on a page; then the next starts clean.
  await new Promise((r) => setTimeout(r, 30));
  react.unmount();
  box.remove();
  return { total, work: tasks.reduce((a, b) => a + b, 0), longest: Math.max(...tasks) };
}

async function run() {
  if (!KINDS[KIND]) throw new Error(`no chart kind ${KIND}`);
  const root = document.getElementById('root')!;
  const mounts: Mount[] = [];
  for (let i = 0; i < MOUNTS; i++) mounts.push(await mountOnce(root, `${KIND}-${i}`));
  (window as unknown as { __mounts: Mount[] }).__mounts = mounts;
  console.debug('bench:mounted');
}
void run();
