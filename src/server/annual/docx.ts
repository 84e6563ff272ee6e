import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Lang } from '../../domain/i18n';
import { reportCharts, type ChartSvg } from '../../domain/report-charts';
import type { AnnexRow, AnnualReport } from '../../domain/report-model';
import {
  annexHeader,
  areaHeader,
  areaRows,
  asOfLine,
  measureRefHeader,
  measureRefRow,
  pvaRows,
  reportTitle,
  rt,
  summaryHeader,
  summaryRows,
  tokyoLine,
} from '../../domain/report-text';

/**
 * The annual report as Word: A4 portrait (11906 × 16838 twips), 明朝 body and ゴシック headings,
 * tables whose header row repeats on every page, the charts as PNG images (decision record 007).
 */

export const BODY_FONT = 'Yu Mincho';
export const HEADING_FONT = 'Yu Gothic';
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1021; // 18 mm
const CONTENT_WIDTH = A4.width - 2 * MARGIN;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export type ChartPng = (svg: string, width: number) => Uint8Array;

function lines(text: string, opts: { bold?: boolean; size?: number } = {}): Paragraph[] {
  return text.split(/\r?\n/).map((line) => new Paragraph({ children: [new TextRun({ text: line, ...opts })] }));
}

function cell(content: string | Paragraph[], width: number, header = false): TableCell {
  return new TableCell({
    width: { size: Math.round((CONTENT_WIDTH * width) / 100), type: WidthType.DXA },
    shading: header ? { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } : undefined,
    children:
      typeof content === 'string'
        ? lines(content, header ? { bold: true } : {}).map((p) => p)
        : content.length
          ? content
          : [new Paragraph('')],
  });
}

/** A table whose first row is marked as a header (w:tblHeader): Word repeats it on each page. */
function table(header: string[], rows: (string | Paragraph[])[][], widths: number[]): Table {
  const w = (i: number) => widths[i] ?? 100 / header.length;
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: header.map((_h, i) => Math.round((CONTENT_WIDTH * w(i)) / 100)),
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, w(i), true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, w(i))) })),
    ],
  });
}

const even = (n: number) => Array.from({ length: n }, () => 100 / n);

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const map = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  return new Paragraph({ text, heading: map[level] });
}

function chart(c: ChartSvg, png: ChartPng | undefined, fallback: Table): (Paragraph | Table)[] {
  if (!png) return [fallback];
  const width = Math.min(c.width, 620);
  const height = Math.round((c.height * width) / c.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: png(c.svg, c.width * 2),
          transformation: { width, height },
          altText: { name: c.title, description: c.title, title: c.title },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.title, size: 18 })] }),
  ];
}

function annexCells(row: AnnexRow, lang: Lang): Paragraph[][] {
  const none = rt('noText', lang);
  const title = [
    ...(row.crossRef ? [rt('crossListed', lang)] : []),
    row.title[lang],
    ...(row.crossRef ? [`→ ${row.crossRef.number} ${rt('seeAlso', lang)}`] : []),
    row.code,
  ];
  return [
    lines(row.number),
    title.map((t, i) => new Paragraph({ children: [new TextRun({ text: t, bold: i === 0 && !!row.crossRef })] })),
    row.ministries.map((m) => new Paragraph(`${m.name[lang]}${m.role === 'lead' ? '（◎）' : ''}`)),
    lines(row.planText || none),
    row.results.flatMap((r) => [
      new Paragraph({ children: [new TextRun({ text: `【${r.name[lang]}】`, bold: true })] }),
      ...lines(`${r.text || none}${r.source === 'progress' ? ` ${rt('fromProgress', lang)}` : ''}`),
    ]),
    lines(row.nextPlanText || none),
  ];
}

export async function renderDocx(r: AnnualReport, lang: Lang, png?: ChartPng): Promise<Uint8Array<ArrayBuffer>> {
  const charts = reportCharts(r, lang);
  const refs = (key: 'completedThisYear' | 'overdue') => {
    const items = r.summary[key];
    const withDate = key === 'completedThisYear';
    return [
      heading(`${rt(key, lang)}（${items.length}）`, 3),
      items.length
        ? table(
            measureRefHeader(lang, withDate),
            items.map((m) => measureRefRow(m, lang, withDate)),
            [14, 36, 12, 16, 8, 14],
          )
        : new Paragraph(rt('none', lang)),
    ];
  };
  const children: (Paragraph | Table)[] = [
    heading(reportTitle(r, lang), 1),
    new Paragraph(asOfLine(r, lang)),
    ...(r.sample ? [new Paragraph({ children: [new TextRun({ text: rt('sampleNote', lang), bold: true })] })] : []),
    heading(rt('summary', lang), 2),
    heading(rt('byStatus', lang), 3),
    table(summaryHeader(r, lang, 'status'), summaryRows(r, lang, 'status'), [34, 24, 24, 18]),
    heading(rt('byHealth', lang), 3),
    table(summaryHeader(r, lang, 'health'), summaryRows(r, lang, 'health'), [34, 24, 24, 18]),
    ...refs('completedThisYear'),
    ...refs('overdue'),
    heading(rt('plannedVsActual', lang), 2),
    new Paragraph(rt('pvaCaption', lang)),
    ...chart(
      charts.plannedVsActual,
      png,
      table([rt('month', lang), rt('planned', lang), rt('actual', lang)], pvaRows(r), even(3)),
    ),
    heading(rt('byArea', lang), 2),
    ...chart(charts.byArea, png, table(areaHeader(lang), areaRows(r, lang), [30, 10, 12, 12, 12, 12, 12])),
    heading(rt('tokyo', lang), 2),
    new Paragraph(tokyoLine(r, lang)),
    heading(rt('tokyoMeasures', lang), 3),
    table(
      measureRefHeader(lang, false),
      r.tokyo2020.measures.map((m) => measureRefRow(m, lang, false)),
      [14, 36, 12, 16, 8, 14],
    ),
    new Paragraph({ text: rt('annex', lang), heading: HeadingLevel.HEADING_2, pageBreakBefore: true }),
    ...r.annex.flatMap((s) => [
      heading(`${s.sectionCode} ${s.title[lang]}`, 3),
      table(
        annexHeader(r, lang),
        s.rows.map((row) => annexCells(row, lang)),
        [12, 18, 10, 20, 22, 18],
      ),
    ]),
  ];
  const doc = new Document({
    creator: 'cyber-strategy-tracker',
    title: reportTitle(r, lang),
    styles: {
      default: {
        document: { run: { font: font(BODY_FONT), size: 20 } },
        heading1: { run: { font: font(HEADING_FONT), size: 32, bold: true }, paragraph: { spacing: { after: 120 } } },
        heading2: {
          run: { font: font(HEADING_FONT), size: 26, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading3: {
          run: { font: font(HEADING_FONT), size: 22, bold: true },
          paragraph: { spacing: { before: 160, after: 80 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
