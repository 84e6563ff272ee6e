import { HEALTH_LABELS, STATUS_LABELS, type Health, type Status } from '@/domain/plan';
import type { LocalizedText } from '@/domain/plan';

/**
 * How each status and health is drawn in charts and on the timeline: a Digital Agency token colour,
 * a fill pattern and a symbol, so no category depends on colour alone. The same styles exist as CSS
 * classes (`swatch--health-overdue` …) in dashboard.css for HTML swatches and timeline bars.
 */
export type PatternKind = 'solid' | 'hatch' | 'cross' | 'dots' | 'outline';

export type SeriesStyle = {
  key: string;
  label: LocalizedText;
  symbol: string;
  pattern: PatternKind;
  /** CSS colours (token variables) of the fill and of the pattern's lines or dots. */
  base: string;
  ink: string;
  /** The class of the matching HTML swatch. */
  swatch: string;
};

const token = (name: string) => `var(--color-${name})`;

export const HEALTH_ORDER = ['done', 'on_track', 'at_risk', 'overdue', 'suspended'] as const satisfies Health[];
export const STATUS_ORDER = ['completed', 'in_progress', 'not_started', 'suspended'] as const satisfies Status[];

type Look = Pick<SeriesStyle, 'symbol' | 'pattern' | 'base' | 'ink'>;

function styles<K extends string>(
  kind: 'health' | 'status',
  labels: Record<K, LocalizedText>,
  looks: Record<K, Look>,
): Record<K, SeriesStyle> {
  const entries = (Object.keys(looks) as K[]).map((key) => [
    key,
    { key, label: labels[key], swatch: `swatch--${kind}-${key}`, ...looks[key] },
  ]);
  return Object.fromEntries(entries) as Record<K, SeriesStyle>;
}

export const HEALTH_STYLES = styles<Health>('health', HEALTH_LABELS, {
  done: { symbol: '●', pattern: 'solid', base: token('primitive-green-700'), ink: token('primitive-green-700') },
  on_track: { symbol: '✓', pattern: 'outline', base: token('primitive-blue-200'), ink: token('primitive-blue-900') },
  at_risk: { symbol: '!', pattern: 'hatch', base: token('primitive-yellow-300'), ink: token('primitive-yellow-1100') },
  overdue: { symbol: '‼', pattern: 'cross', base: token('primitive-red-800'), ink: token('neutral-white') },
  suspended: {
    symbol: '–',
    pattern: 'dots',
    base: token('neutral-solid-gray-300'),
    ink: token('neutral-solid-gray-800'),
  },
});

export const STATUS_STYLES = styles<Status>('status', STATUS_LABELS, {
  completed: { symbol: '●', pattern: 'solid', base: token('primitive-green-700'), ink: token('primitive-green-700') },
  in_progress: { symbol: '◐', pattern: 'hatch', base: token('primitive-blue-300'), ink: token('primitive-blue-1000') },
  not_started: {
    symbol: '○',
    pattern: 'outline',
    base: token('neutral-solid-gray-100'),
    ink: token('neutral-solid-gray-700'),
  },
  suspended: { symbol: '×', pattern: 'dots', base: token('neutral-solid-gray-500'), ink: token('neutral-white') },
});

export const patternId = (prefix: string, key: string) => `${prefix}-pattern-${key}`;

function PatternBody({ style }: { style: SeriesStyle }) {
  const base = <rect width="8" height="8" style={{ fill: style.base }} />;
  switch (style.pattern) {
    case 'hatch':
      return (
        <>
          {base}
          <line x1="0" y1="0" x2="0" y2="8" style={{ stroke: style.ink, strokeWidth: 2.5 }} />
        </>
      );
    case 'cross':
      return (
        <>
          {base}
          <line x1="0" y1="0" x2="0" y2="8" style={{ stroke: style.ink, strokeWidth: 1.5 }} />
          <line x1="0" y1="4" x2="8" y2="4" style={{ stroke: style.ink, strokeWidth: 1.5 }} />
        </>
      );
    case 'dots':
      return (
        <>
          {base}
          <circle cx="4" cy="4" r="1.6" style={{ fill: style.ink }} />
        </>
      );
    case 'outline':
      return (
        <>
          {base}
          <rect x="0.5" y="0.5" width="7" height="7" style={{ fill: 'none', stroke: style.ink, strokeWidth: 0.6 }} />
        </>
      );
    default:
      return base;
  }
}

/** SVG patterns for a chart's series; put inside the chart's SVG and fill with `url(#patternId(...))`. */
export function PatternDefs({ prefix, styles }: { prefix: string; styles: readonly SeriesStyle[] }) {
  return (
    <defs>
      {styles.map((s) => (
        <pattern
          key={s.key}
          id={patternId(prefix, s.key)}
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
          patternTransform={s.pattern === 'hatch' || s.pattern === 'cross' ? 'rotate(45)' : undefined}
        >
          <PatternBody style={s} />
        </pattern>
      ))}
    </defs>
  );
}
