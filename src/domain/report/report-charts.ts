import type { Lang } from '@/domain/plan';
import type { AnnualReport } from './report-model';
import { STATUS_LABELS, STATUSES, type Status } from '@/domain/plan';

/**
 * The report's two charts as plain SVG strings: the same drawing on screen, in the PDF and (as PNG)
 * in Word. Hand-drawn rather than a chart library so that it renders without a browser.
 */

export const CHART_FONT = "'Noto Sans CJK JP', 'Yu Gothic', 'Hiragino Sans', sans-serif";
export const STATUS_COLOURS: Record<Status, string> = {
  not_started: '#b4b4b4',
  in_progress: '#3460fb',
  completed: '#259d63',
  suspended: '#c16800',
};

export type ChartSvg = { svg: string; width: number; height: number; title: string };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function svgDoc(width: number, height: number, title: string, body: string[]): ChartSvg {
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${esc(CHART_FONT)}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
  ].join('');
  return { svg, width, height, title };
}

const T = {
  pva: { ja: '計画と実績（平均進捗）', en: 'Planned vs actual (mean progress)' },
  planned: { ja: '計画上の進捗', en: 'Expected progress' },
  actual: { ja: '実績の進捗', en: 'Actual progress' },
  byArea: { ja: '政策領域別の状況', en: 'Status by policy area' },
};

/** Expected vs actual mean progress over the fiscal year: month ends on the x axis, 0–100 % on the y axis. */
export function plannedVsActualChart(report: AnnualReport, lang: Lang): ChartSvg {
  const W = 640;
  const H = 300;
  const pad = { l: 48, r: 16, t: 36, b: 40 };
  const pts = report.plannedVsActual;
  const yMax = 100;
  const x = (i: number) => pad.l + (pts.length <= 1 ? 0 : (i / (pts.length - 1)) * (W - pad.l - pad.r));
  const y = (v: number) => H - pad.b - (v / yMax) * (H - pad.t - pad.b);
  const body: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = Math.round((yMax * k) / 4);
    body.push(
      `<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(v)}" y2="${y(v)}" stroke="#e0e0e0"/>`,
      `<text x="${pad.l - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="#333">${v}%</text>`,
    );
  }
  pts.forEach((p, i) => {
    if (p.date.endsWith('-31') || p.date.endsWith('-30') || p.date.endsWith('-28') || p.date.endsWith('-29')) {
      const label = lang === 'ja' ? `${Number(p.date.slice(5, 7))}月` : p.date.slice(0, 7);
      if (i % 2 === 0 || pts.length <= 7)
        body.push(
          `<text x="${x(i)}" y="${H - pad.b + 16}" font-size="11" text-anchor="middle" fill="#333">${label}</text>`,
        );
    }
  });
  const line = (vals: (number | null)[]) =>
    vals
      .map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`))
      .filter((s): s is string => s !== null)
      .join(' ');
  body.push(
    `<polyline points="${line(pts.map((p) => p.expectedProgress))}" fill="none" stroke="#767676" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<polyline points="${line(pts.map((p) => p.actualProgress))}" fill="none" stroke="#0031d8" stroke-width="2.5"/>`,
    legend(pad.l, 20, [
      { colour: '#767676', label: T.planned[lang], dashed: true },
      { colour: '#0031d8', label: T.actual[lang] },
    ]),
  );
  return svgDoc(W, H, T.pva[lang], body);
}

/** Horizontal stacked bars: each policy area's measures by status. */
export function byAreaChart(report: AnnualReport, lang: Lang): ChartSvg {
  const W = 640;
  const rowH = 30;
  const pad = { l: 56, r: 56, t: 40, b: 16 };
  const H = pad.t + pad.b + report.byArea.length * rowH;
  const max = Math.max(1, ...report.byArea.map((a) => a.counts.total));
  const scale = (W - pad.l - pad.r) / max;
  const body: string[] = [
    legend(
      pad.l,
      20,
      STATUSES.map((s) => ({ colour: STATUS_COLOURS[s], label: STATUS_LABELS[s][lang] })),
    ),
  ];
  report.byArea.forEach((a, i) => {
    const top = pad.t + i * rowH;
    body.push(
      `<text x="${pad.l - 8}" y="${top + 18}" font-size="12" text-anchor="end" fill="#333">${esc(a.code)}</text>`,
    );
    let left = pad.l;
    for (const s of STATUSES) {
      const w = a.counts.byStatus[s] * scale;
      if (w > 0)
        body.push(
          `<rect x="${left.toFixed(1)}" y="${top + 5}" width="${w.toFixed(1)}" height="${rowH - 10}" fill="${STATUS_COLOURS[s]}"/>`,
        );
      left += w;
    }
    body.push(`<text x="${left + 6}" y="${top + 18}" font-size="12" fill="#333">${a.counts.total}</text>`);
  });
  return svgDoc(W, H, T.byArea[lang], body);
}

function legend(x: number, y: number, items: { colour: string; label: string; dashed?: boolean }[]): string {
  let left = x;
  const parts: string[] = [];
  for (const it of items) {
    parts.push(
      it.dashed
        ? `<line x1="${left}" x2="${left + 18}" y1="${y - 4}" y2="${y - 4}" stroke="${it.colour}" stroke-width="2" stroke-dasharray="5 3"/>`
        : `<rect x="${left}" y="${y - 10}" width="18" height="10" fill="${it.colour}"/>`,
      `<text x="${left + 24}" y="${y}" font-size="12" fill="#333">${esc(it.label)}</text>`,
    );
    left += 34 + it.label.length * (/[^\x20-\x7e]/.test(it.label) ? 12 : 6.5);
  }
  return parts.join('');
}

export function reportCharts(report: AnnualReport, lang: Lang): { plannedVsActual: ChartSvg; byArea: ChartSvg } {
  return { plannedVsActual: plannedVsActualChart(report, lang), byArea: byAreaChart(report, lang) };
}
