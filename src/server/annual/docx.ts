import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TableOfContents,
  TextRun,
} from 'docx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Lang } from '@/domain/plan';
import { reportCharts, type ChartSvg } from '@/domain/report';
import type { AnnexRow, AnnualReport } from '@/domain/report';
import {
  annexHeader,
  sectionTextLines,
  areaHeader,
  areaRows,
  asOfLine,
  measureRefHeader,
  measureRefRow,
  pvaHeader,
  pvaRows,
  continuousLine,
  reportTitle,
  rt,
  summaryHeader,
  summaryRows,
  tokyoLine,
} from '@/domain/report';

/**
 * The annual report as Word: A4 portrait (11906 × 16838 twips), 明朝 body and ゴシック headings,
 * tables whose header row repeats on every page, the charts as PNG images (decision record 007).
 *
 * Headings, paragraphs and images go through the docx library; the tables — for 5,000 measures
 * the annex is nearly the whole document — are written here as WordprocessingML, the same markup
 * docx writes for them (docx.test.ts compares the two), and put in place of marker paragraphs
 * once docx has packed the rest. Building them as docx objects took seconds and hundreds of MB.
 */

export const BODY_FONT = 'Yu Mincho';
export const HEADING_FONT = 'Yu Gothic';
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1021; // 18 mm
const CONTENT_WIDTH = A4.width - 2 * MARGIN;

const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

/** SVG → PNG at `width` pixels; may work off the main thread (resvg's renderAsync does). */
export type ChartPng = (svg: string, width: number) => Uint8Array | Promise<Uint8Array>;

/** A run of text in a table cell; `bold: false` is written out, as docx does for an explicit false. */
export type CellRun = { text: string; bold?: boolean };
/** A cell: its text (one paragraph per line) or its paragraphs of runs. */
export type CellContent = string | CellRun[][];

// The characters docx drops from text (control characters other than tab, LF and CR) and escapes.
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex -- exactly what docx's own text escaping removes
const XML_SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const xmlEscape = (s: string) => s.replace(XML_SPECIAL, (c) => XML_ESCAPES[c] ?? '');

const splitLines = (text: string) => text.split(/\r?\n/);

function runXml(r: CellRun): string {
  const props =
    r.bold === true
      ? '<w:rPr><w:b/><w:bCs/></w:rPr>'
      : r.bold === false
        ? '<w:rPr><w:b w:val="false"/><w:bCs w:val="false"/></w:rPr>'
        : '';
  return `<w:r>${props}<w:t xml:space="preserve">${xmlEscape(r.text)}</w:t></w:r>`;
}

const twips = (percent: number) => Math.round((CONTENT_WIDTH * percent) / 100);

function cellXml(content: CellContent, width: number, header: boolean): string {
  const paragraphs: CellRun[][] =
    typeof content === 'string'
      ? splitLines(content).map((text) => [header ? { text, bold: true } : { text }])
      : content.length
        ? content
        : [[{ text: '' }]];
  const shading = header ? '<w:shd w:fill="E8E8E8" w:color="auto" w:val="clear"/>' : '';
  let xml = `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${twips(width)}"/>${shading}</w:tcPr>`;
  for (const p of paragraphs) xml += p.length ? `<w:p>${p.map(runXml).join('')}</w:p>` : '<w:p/>';
  return `${xml}</w:tc>`;
}

const BORDERS = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:color="auto" w:sz="4"/>`)
  .join('');

/**
 * A full-width table whose first row is marked as a header (w:tblHeader): Word repeats it on each
 * page. No row splits across pages.
 */
export function tableXml(header: string[], rows: CellContent[][], widths: number[]): string {
  const w = (i: number) => widths[i] ?? 100 / header.length;
  const parts = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${CONTENT_WIDTH}"/><w:tblBorders>${BORDERS}</w:tblBorders></w:tblPr>`,
    `<w:tblGrid>${header.map((_h, i) => `<w:gridCol w:w="${twips(w(i))}"/>`).join('')}</w:tblGrid>`,
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${header.map((h, i) => cellXml(h, w(i), true)).join('')}</w:tr>`,
  ];
  for (const r of rows)
    parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${r.map((c, i) => cellXml(c, w(i), false)).join('')}</w:tr>`);
  parts.push('</w:tbl>');
  return parts.join('');
}

/** Tables to put in place of their marker paragraphs once docx has written everything else. */
class Tables {
  private readonly nonce = Math.random().toString(36).slice(2, 10);
  readonly xml: string[] = [];

  /** A marker paragraph now; the table in its place when the package is finished. */
  add(header: string[], rows: CellContent[][], widths: number[]): Paragraph {
    this.xml.push(tableXml(header, rows, widths));
    return new Paragraph(`tracker-table-${this.nonce}-${this.xml.length - 1}`);
  }

  /** Replaces each marker paragraph in document.xml by its table; every one must be found. */
  fill(document: string): string {
    let found = 0;
    const marker = new RegExp(
      `<w:p><w:r><w:t xml:space="preserve">tracker-table-${this.nonce}-(\\d+)</w:t></w:r></w:p>`,
      'g',
    );
    const out = document.replace(marker, (_m, i: string) => {
      found++;
      return this.xml[Number(i)] ?? '';
    });
    if (found !== this.xml.length) throw new Error(`docx: ${found} of ${this.xml.length} table markers found`);
    return out;
  }
}

const even = (n: number) => Array.from({ length: n }, () => 100 / n);

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  const map = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  // Kept with what follows (its table or text) and never split: Word's keepNext / keepLines (issue 18).
  return new Paragraph({ text, heading: map[level], keepNext: true, keepLines: true });
}

/** A chapter's heading: a new page, listed in the contents. */
function chapter(text: string): Paragraph {
  return new Paragraph({
    text,
    heading: HeadingLevel.HEADING_2,
    pageBreakBefore: true,
    keepNext: true,
    keepLines: true,
  });
}

/** The cover (title, fiscal year, as-of date, issuer) and the contents, which Word fills in on opening. */
function frontMatter(r: AnnualReport, lang: Lang): (Paragraph | TableOfContents)[] {
  const centred = (text: string, size: number, before = 0, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before },
      children: [new TextRun({ text, size, bold, font: font(HEADING_FONT) })],
    });
  return [
    centred(rt('title', lang), 48, 3600, true),
    centred(`${rt('fiscalYearLine', lang)}: ${r.labels.fy[lang]}`, 32, 480),
    centred(asOfLine(r, lang), 26, 240),
    centred(rt('issuer', lang), 30, 2400, true),
    ...(r.sample
      ? [
          new Paragraph({
            spacing: { before: 480 },
            children: [new TextRun({ text: rt('sampleNote', lang), bold: true })],
          }),
        ]
      : []),
    new Paragraph({ text: rt('contents', lang), heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    new TableOfContents(rt('contents', lang), { hyperlink: true, headingStyleRange: '2-2' }),
  ];
}

/** The chart as a PNG (drawn beforehand) with its caption, or else its data as a table. */
function chart(c: ChartSvg, png: Uint8Array | undefined, fallback: () => Paragraph): Paragraph[] {
  if (!png) return [fallback()];
  const width = Math.min(c.width, 620);
  const height = Math.round((c.height * width) / c.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width, height },
          altText: { name: c.title, description: c.title, title: c.title },
        }),
      ],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: c.title, size: 18 })] }),
  ];
}

const plain = (text: string): CellRun[][] => splitLines(text).map((line) => [{ text: line }]);

export function annexCells(row: AnnexRow, lang: Lang): CellRun[][][] {
  const none = rt('noText', lang);
  const title = [
    ...(row.crossRef ? [rt('crossListed', lang)] : []),
    row.title[lang],
    ...(row.crossRef ? [`→ ${row.crossRef.number} ${rt('seeAlso', lang)}`] : []),
    row.code,
  ];
  return [
    plain(row.number),
    title.map((text, i) => [{ text, bold: i === 0 && !!row.crossRef }]),
    row.ministries.map((m) => [{ text: `${m.name[lang]}${m.role === 'lead' ? '（◎）' : ''}` }]),
    plain(row.planText || none),
    row.results.flatMap((r) => [
      [{ text: `【${r.name[lang]}】`, bold: true }],
      ...plain(`${r.text || none}${r.source === 'progress' ? ` ${rt('fromProgress', lang)}` : ''}`),
    ]),
    plain(row.nextPlanText || none),
  ];
}

export async function renderDocx(r: AnnualReport, lang: Lang, png?: ChartPng): Promise<Uint8Array<ArrayBuffer>> {
  const charts = reportCharts(r, lang);
  // Both charts at once: resvg lays out CJK text slowly (~0.3 s a chart), best off the event loop.
  const [pvaPng, areaPng] = png
    ? await Promise.all([charts.plannedVsActual, charts.byArea].map(async (c) => await png(c.svg, c.width * 2)))
    : [];
  const tables = new Tables();
  const table = (header: string[], rows: CellContent[][], widths: number[]) => tables.add(header, rows, widths);
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
  const children: (Paragraph | TableOfContents)[] = [
    ...frontMatter(r, lang),
    chapter(rt('summary', lang)),
    heading(rt('byStatus', lang), 3),
    table(summaryHeader(r, lang, 'status'), summaryRows(r, lang, 'status'), [34, 24, 24, 18]),
    heading(rt('byHealth', lang), 3),
    table(summaryHeader(r, lang, 'health'), summaryRows(r, lang, 'health'), [34, 24, 24, 18]),
    ...refs('completedThisYear'),
    ...refs('overdue'),
    chapter(rt('plannedVsActual', lang)),
    new Paragraph(rt('pvaCaption', lang)),
    ...chart(charts.plannedVsActual, pvaPng, () => table(pvaHeader(lang), pvaRows(r), even(5))),
    new Paragraph(continuousLine(r, lang)),
    chapter(rt('byArea', lang)),
    ...chart(charts.byArea, areaPng, () => table(areaHeader(lang), areaRows(r, lang), [30, 10, 12, 12, 12, 12, 12])),
    chapter(rt('tokyo', lang)),
    new Paragraph(tokyoLine(r, lang)),
    heading(rt('tokyoMeasures', lang), 3),
    table(
      measureRefHeader(lang, false),
      r.tokyo2020.measures.map((m) => measureRefRow(m, lang, false)),
      [14, 36, 12, 16, 8, 14],
    ),
    chapter(rt('annex', lang)),
    ...r.annex.flatMap((s) => [
      heading(`${s.sectionCode} ${s.title[lang]}`, 3),
      ...sectionTextLines(s, lang).map((line) => new Paragraph({ text: line, keepNext: true })),
      table(
        annexHeader(r, lang),
        s.rows.map((row) => annexCells(row, lang)),
        [12, 18, 10, 20, 22, 18],
      ),
    ]),
  ];
  const doc = new Document({
    creator: 'cyber-strategy-tracker',
    // Word fills in the contents' page numbers when the file is opened.
    features: { updateFields: true },
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
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES], size: 18 })],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const documentXml = new TextDecoder().decode(files['word/document.xml']);
  files['word/document.xml'] = strToU8(tables.fill(documentXml));
  const out = zipSync(files);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
