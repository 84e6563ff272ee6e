import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, usePlotArea, useXAxisScale } from 'recharts';
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

/** How far a chart is drawn: its frame, then its completion bars (if it has them), then its lines. */
type Stage = 'frame' | 'bars' | 'lines';
const hasBars = ({ counts = true, compact }: Pick<PlanActualChartProps, 'counts' | 'compact'>) => counts && !compact;

/**
 * One chart per task: a page with several charts (the overview has eight) draws them one after
 * another, each in its own macrotask, rather than all in one long task. A chart's first draw waits
 * its turn; the next starts once the chart has finished mounting (or unmounted).
 *
 * "Finished" is not the first commit: recharts registers its axes and series in its own store from
 * layout and passive effects, and each registration re-renders the chart synchronously in the same
 * task (decision record 018). So a turn ends in a message posted after the first commit, which runs
 * once that whole cascade is over, and the mount time (`chart:<name>`, read by bench:ui) runs from
 * the start of the turn to there.
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
  if (draw) afterTask(draw);
}
/** Runs `fn` in a new task: a message is not clamped like a nested setTimeout (4 ms). */
function afterTask(fn: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    fn();
  };
  channel.port2.postMessage(null);
}

export default function PlanActualChart(props: PlanActualChartProps) {
  const { name, label, height } = props;
  const started = useRef(0);
  const box = useRef<HTMLDivElement>(null);
  const printWidth = useChartWidth();
  const [measured, setMeasured] = useState(0);
  // Drawn in up to three tasks: the frame (axes, grid, bands, milestones), the completion bars, then
  // the lines and the tooltip: each recharts series re-renders the chart as it registers, and the
  // bars and lines in one task made it the page's longest (decision record 022).
  const [stage, setStage] = useState<Stage>('frame');
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
      if (started.current > 0) {
        started.current = 0;
        nextTurn();
      }
    };
  }, []);
  const width = typeof printWidth === 'number' ? printWidth : measured;
  const bars = hasBars(props);
  useLayoutEffect(() => {
    if (width === 0 || started.current === 0) return;
    const start = started.current;
    const stageStart = stage === 'frame' ? start : performance.now();
    afterTask(() => {
      // Unmounted meanwhile: the cleanup has already handed the turn on.
      if (started.current !== start) return;
      const now = performance.now();
      performance.measure(`chart-task:${name}:${stage}`, { start: stageStart, end: now });
      if (stage !== 'lines') return setStage(stage === 'frame' && bars ? 'bars' : 'lines');
      performance.measure(`chart:${name}`, { start, end: now });
      started.current = 0;
      nextTurn();
    });
  }, [name, width, measured, stage, bars]);
  // Printing draws everything at once, whether or not the chart has had its turn.
  const drawn: Stage = typeof printWidth === 'number' ? 'lines' : stage;
  const series = drawn === 'lines';
  return (
    // The role only once drawn: an empty box is not yet the image it names (bench:ui waits for it).
    <div
      ref={box}
      className="plan-actual-chart"
      role={width > 0 && series ? 'img' : undefined}
      aria-label={width > 0 && series ? label : undefined}
      style={{ height }}
    >
      {width > 0 && <Plot {...props} width={width} stage={drawn} />}
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
  stage,
}: PlanActualChartProps & { width: number; stage: Stage }) {
  const { t, lang } = useI18n();
  const bars = hasBars({ counts, compact });
  const series = stage === 'lines';
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
      <Marks
        bands={bands}
        milestones={compact ? [] : milestones.map((m) => ({ x: dayNumber(m.start), n: m.n, id: m.id }))}
        asOf={{ x: asOfX, label: compact ? null : dateLabelShort(asOf, lang) }}
      />
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
        interval={0}
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
          interval={0}
          width={44}
          fontSize={12}
        />
      )}
      {stage !== 'frame' && bars && (
        <Bar
          yAxisId="count"
          dataKey="expectedDone"
          barSize={5}
          className="chart-bar--expected"
          isAnimationActive={false}
        />
      )}
      {stage !== 'frame' && bars && (
        <Bar yAxisId="count" dataKey="done" barSize={5} className="chart-bar--done" isAnimationActive={false} />
      )}
      {series && (
        <>
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
        </>
      )}
      {!compact && series && (
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

/**
 * The fiscal-year bands, the milestone lines with their numbers and the as-of line, drawn in one SVG
 * layer on the chart's own x scale. Not ReferenceArea/ReferenceLine: recharts registers each of those
 * in its store and re-renders the chart once per registration, so ten of them were a third of a
 * chart's mount (decision record 018); this is one component reading the scale once.
 */
function Marks({
  bands,
  milestones,
  asOf,
}: {
  bands: readonly (readonly [number, number])[];
  milestones: readonly { x: number; n: number; id: string }[];
  asOf: { x: number; label: string | null };
}) {
  const x = useXAxisScale();
  const plot = usePlotArea();
  if (!x || !plot) return null;
  const left = plot.x;
  const right = plot.x + plot.width;
  // Clamped to the plot; null while the scale is not laid out yet (recharts' first passes).
  const at = (v: number) => {
    const px = x(v);
    return typeof px === 'number' && Number.isFinite(px) ? Math.min(right, Math.max(left, px)) : null;
  };
  const top = plot.y;
  const bottom = plot.y + plot.height;
  const line = (px: number | null) => (px === null ? null : <line x1={px} x2={px} y1={top} y2={bottom} />);
  const asOfAt = at(asOf.x);
  return (
    <g className="chart-marks" aria-hidden="true">
      {bands.map(([x1, x2]) => {
        const a = at(x1);
        const b = at(x2);
        return a === null || b === null ? null : (
          <rect key={x1} className="chart-band" x={a} y={top} width={b - a} height={plot.height} />
        );
      })}
      {milestones.map((m) => {
        const px = at(m.x);
        return px === null ? null : (
          <g key={m.id} className="chart-milestone" strokeDasharray="2 3">
            {line(px)}
            <text x={px} y={top - 4} textAnchor="middle" className="chart-milestone__label">
              {m.n}
            </text>
          </g>
        );
      })}
      {asOfAt !== null && (
        <g className="chart-asof">
          {line(asOfAt)}
          {asOf.label && (
            <text x={asOfAt + 4} y={top + 12} className="chart-asof__label">
              {asOf.label}
            </text>
          )}
        </g>
      )}
    </g>
  );
}

/** Where a projection that reaches 100 % after the chart's end crosses its right edge. */
function edgePoint(f: { from: string; value: number; reachesFullOn: string | null }, end: number) {
  if (!f.reachesFullOn) return [];
  const x0 = dayNumber(f.from);
  const x1 = dayNumber(f.reachesFullOn);
  if (end <= x0) return [];
  return [{ x: end, forecast: f.value + ((100 - f.value) * (end - x0)) / (x1 - x0) }];
}
