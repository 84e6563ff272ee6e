import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProgressPoint } from '@/domain/contract';
import { dayNumber, fromDayNumber } from '@/domain/plan';
import { dateLabelShort, fiscalYearEnd, fiscalYearShortLabel, fiscalYearStart } from '@/domain/plan';
import { useI18n } from '../lib/i18n';
import { useChartWidth } from './chart-print';
import { niceTicks } from './nice-ticks';
import './plan-actual-chart.css';

export type PlanActualChartProps = {
  /** Chart name for its accessible label and its mount-time measure (`chart:<name>`). */
  name: string;
  label: string;
  points: readonly ProgressPoint[];
  asOf: string;
  fiscalYears: readonly number[];
  height: number;
  /** Numbered in date order; the numbers are keyed beside the chart. */
  milestones?: readonly { n: number; id: string; start: string }[];
  /** A projection from the as-of date: a dotted line to 100 % on `reachesFullOn`. */
  forecast?: { from: string; value: number; reachesFullOn: string | null } | null;
  /** Small multiples: lines only, no completion bars or milestone numbers. */
  compact?: boolean;
  /** Completion bars and their axis; off for one measure, whose completion is a yes or no. */
  counts?: boolean;
};

/**
 * Expected against actual progress (issue 11): the expected line dashed, the actual one solid with
 * dots, completions (expected hatched, actual solid) as bars on their own axis, alternate fiscal
 * years shaded, milestones and the as-of date as vertical lines, and the forecast dotted.
 *
 * recharts, kept cheap (decision record 011): at most ~30 points, data memoised, no animation, a
 * fixed pixel size measured once (no ResponsiveContainer re-render), tooltips that do not take focus.
 */
const NOMINAL_WIDTH = 640;

/**
 * One chart per task: a page with several charts (the overview has seven) draws them one after
 * another, each in its own macrotask, rather than all in one long task. A chart's first draw waits
 * its turn; the next starts once it has committed (or unmounted).
 */
const turns: (() => void)[] = [];
let drawing = false;
function takeTurn(draw: () => void): void {
  turns.push(draw);
  if (!drawing) nextTurn();
}
function nextTurn(): void {
  const draw = turns.shift();
  drawing = draw !== undefined;
  if (draw) setTimeout(draw, 0);
}

export default function PlanActualChart(props: PlanActualChartProps) {
  const { name, label, height } = props;
  // The mount time (`chart:<name>`, read by bench:ui) runs from the start of its turn to its commit.
  const started = useRef(0);
  const box = useRef<HTMLDivElement>(null);
  const printWidth = useChartWidth();
  const [measured, setMeasured] = useState(0);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    let mounted = true;
    // Without layout (jsdom) an element has no width: draw at a nominal one rather than not at all.
    const read = () => setMeasured(el.clientWidth || NOMINAL_WIDTH);
    const ro = new ResizeObserver(() => {
      if (started.current === 0) read();
    });
    takeTurn(() => {
      if (!mounted) return nextTurn();
      started.current = performance.now();
      read();
      ro.observe(el);
    });
    return () => {
      mounted = false;
      ro.disconnect();
      if (started.current > 0) nextTurn();
    };
  }, []);
  const width = typeof printWidth === 'number' ? printWidth : measured;
  useLayoutEffect(() => {
    if (width > 0 && started.current > 0) {
      performance.measure(`chart:${name}`, { start: started.current, end: performance.now() });
      started.current = 0;
      nextTurn();
    }
  }, [name, width, measured]);
  return (
    // The role only once drawn: an empty box is not yet the image it names (bench:ui waits for it).
    <div
      ref={box}
      className="plan-actual-chart"
      role={width > 0 ? 'img' : undefined}
      aria-label={width > 0 ? label : undefined}
      style={{ height }}
    >
      {width > 0 && <Plot {...props} width={width} />}
    </div>
  );
}

function Plot({
  counts = true,
  points,
  asOf,
  fiscalYears,
  milestones = [],
  forecast,
  compact,
  width,
  height,
}: PlanActualChartProps & { width: number }) {
  const { t, lang } = useI18n();
  const bars = counts && !compact;
  // Below ~640 px the fiscal-year labels collide: every other one.
  const tickInterval = width < 640 ? 1 : 0;
  const first = fiscalYears[0]!;
  const last = fiscalYears[fiscalYears.length - 1]!;
  const { data, bands, ticks, domain, countTicks, projection } = useMemo(() => {
    const data = points.map((p) => ({
      x: dayNumber(p.date),
      expected: p.expectedProgress,
      actual: p.actualProgress,
      expectedDone: p.expectedCompleted,
      done: p.completed,
    }));
    const domain: [number, number] = [dayNumber(fiscalYearStart(first)), dayNumber(fiscalYearEnd(last)) + 1];
    const bands = fiscalYears
      .filter((fy) => fy % 2 === 1)
      .map((fy) => [dayNumber(fiscalYearStart(fy)), dayNumber(fiscalYearEnd(fy)) + 1] as const);
    const ticks = fiscalYears.map((fy) => dayNumber(fiscalYearStart(fy)));
    const countTicks = niceTicks(Math.max(1, ...points.map((p) => Math.max(p.expectedCompleted, p.completed ?? 0))));
    const projection =
      forecast?.reachesFullOn && dayNumber(forecast.reachesFullOn) <= domain[1]
        ? [
            { x: dayNumber(forecast.from), forecast: forecast.value },
            { x: dayNumber(forecast.reachesFullOn), forecast: 100 },
          ]
        : forecast
          ? [
              { x: dayNumber(forecast.from), forecast: forecast.value },
              // Off the chart's end: drawn to the edge at the same pace.
              ...edgePoint(forecast, domain[1]),
            ]
          : null;
    return { data, bands, ticks, domain, countTicks, projection };
  }, [points, fiscalYears, first, last, forecast]);
  const fyOf = (x: number) => fiscalYears[ticks.indexOf(x)] ?? first;
  const asOfX = dayNumber(asOf);
  return (
    <ComposedChart
      width={width}
      height={height}
      data={data}
      margin={{ top: compact ? 8 : 20, right: compact ? 8 : 4, bottom: 0, left: 0 }}
      accessibilityLayer={false}
    >
      {bands.map(([x1, x2]) => (
        <ReferenceArea key={x1} x1={x1} x2={x2} yAxisId="pct" className="chart-band" ifOverflow="hidden" />
      ))}
      <CartesianGrid strokeDasharray="3 3" className="chart-grid" vertical={false} yAxisId="pct" />
      <XAxis
        type="number"
        dataKey="x"
        domain={domain}
        ticks={ticks}
        allowDataOverflow
        tickFormatter={(x: number) => fiscalYearShortLabel(fyOf(x), lang)}
        fontSize={compact ? 10 : 12}
        interval={tickInterval}
      />
      <YAxis
        yAxisId="pct"
        domain={[0, 100]}
        ticks={[0, 25, 50, 75, 100]}
        unit="%"
        width={compact ? 40 : 48}
        fontSize={compact ? 10 : 12}
      />
      {bars && (
        <YAxis
          yAxisId="count"
          orientation="right"
          domain={[0, countTicks[countTicks.length - 1]!]}
          ticks={countTicks}
          width={44}
          fontSize={12}
        />
      )}
      {bars && (
        <Bar
          yAxisId="count"
          dataKey="expectedDone"
          barSize={5}
          className="chart-bar--expected"
          isAnimationActive={false}
        />
      )}
      {bars && <Bar yAxisId="count" dataKey="done" barSize={5} className="chart-bar--done" isAnimationActive={false} />}
      {milestones.map((m) => (
        <ReferenceLine
          key={m.id}
          yAxisId="pct"
          x={dayNumber(m.start)}
          className="chart-milestone"
          strokeDasharray="2 3"
          label={compact ? undefined : { value: m.n, position: 'top', className: 'chart-milestone__label' }}
        />
      ))}
      <ReferenceLine
        yAxisId="pct"
        x={asOfX}
        className="chart-asof"
        label={
          compact
            ? undefined
            : { value: dateLabelShort(asOf, lang), position: 'insideTopLeft', className: 'chart-asof__label' }
        }
      />
      <Line
        yAxisId="pct"
        dataKey="expected"
        className="chart-line--planned"
        stroke="currentColor"
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={false}
        isAnimationActive={false}
      />
      <Line
        yAxisId="pct"
        dataKey="actual"
        className="chart-line--actual"
        stroke="currentColor"
        strokeWidth={3}
        dot={compact ? false : { r: 3 }}
        connectNulls={false}
        isAnimationActive={false}
      />
      {projection && (
        <Line
          yAxisId="pct"
          data={projection}
          dataKey="forecast"
          className="chart-line--forecast"
          stroke="currentColor"
          strokeWidth={2}
          strokeDasharray="1 4"
          dot={false}
          isAnimationActive={false}
        />
      )}
      {!compact && (
        <Tooltip
          isAnimationActive={false}
          labelFormatter={(x) => dateLabelShort(fromDayNumber(Number(x)), lang)}
          formatter={(v, key) => [
            key === 'expectedDone' || key === 'done' ? String(v) : `${String(v)}%`,
            t(SERIES_LABEL[String(key)] ?? 'actualProgress'),
          ]}
        />
      )}
    </ComposedChart>
  );
}

const SERIES_LABEL: Record<
  string,
  'expectedProgress' | 'actualProgress' | 'expectedCompleted' | 'completedCount' | 'forecastLine'
> = {
  expected: 'expectedProgress',
  actual: 'actualProgress',
  expectedDone: 'expectedCompleted',
  done: 'completedCount',
  forecast: 'forecastLine',
};

/** Where a projection that reaches 100 % after the chart's end crosses its right edge. */
function edgePoint(f: { from: string; value: number; reachesFullOn: string | null }, end: number) {
  if (!f.reachesFullOn) return [];
  const x0 = dayNumber(f.from);
  const x1 = dayNumber(f.reachesFullOn);
  if (end <= x0) return [];
  return [{ x: end, forecast: f.value + ((100 - f.value) * (end - x0)) / (x1 - x0) }];
}
