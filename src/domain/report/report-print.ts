import type { Lang } from '@/domain/plan';
import { escapeHtml, REPORT_CSS, reportSections } from './report-html';
import type { AnnualReport } from './report-model';
import { reportTitle, rt } from './report-text';

/**
 * The annual report as a document to hand in (issue 18): a cover (title, fiscal year, as-of date,
 * issuer), a table of contents, then each chapter from a new page; the printer adds 「n / N」 to
 * every page. Chromium cannot count pages for a contents list (no target-counter()), so the server
 * prints each chapter but the last on its own first, counts its pages, and passes the chapters'
 * first pages here (`chapterStartPages`).
 */

/** The cover and the contents take one page each. */
export const FRONT_MATTER_PAGES = 2;

/** First page of each chapter, from the page counts of the chapters before it. */
export function chapterStartPages(pageCounts: readonly number[]): number[] {
  const starts: number[] = [];
  let next = FRONT_MATTER_PAGES + 1;
  for (const count of pageCounts) {
    starts.push(next);
    next += count;
  }
  starts.push(next);
  return starts;
}

const PRINT_CSS = `
.report-cover { height: 245mm; display: flex; flex-direction: column; justify-content: center; text-align: center; break-after: page; page-break-after: always; }
.report-cover h1 { font-size: 24pt; margin: 0 0 18pt; }
.report-cover .cover-fy { font-size: 16pt; margin: 0 0 8pt; }
.report-cover .cover-asof { font-size: 13pt; margin: 0 0 60pt; }
.report-cover .cover-issuer { font-size: 15pt; font-family: 'Yu Gothic', 'Noto Sans CJK JP', sans-serif; font-weight: bold; }
.report-cover .report-sample { margin: 24pt auto 0; max-width: 140mm; }
.report-toc { break-after: page; page-break-after: always; }
.report-toc h2 { border-bottom: 1.5pt solid #1a1a1a; }
.report-toc ol { list-style: none; padding: 0; margin: 12pt 0; font-size: 12pt; }
.report-toc li { display: flex; align-items: baseline; gap: 4pt; margin: 0 0 8pt; }
.report-toc li a { color: inherit; text-decoration: none; }
.report-toc li .dots { flex: 1; border-bottom: 1pt dotted #555; }
.annual-report .report-chapter { break-before: page; page-break-before: always; }
.annual-report .report-chapter > h2:first-child { margin-top: 0; }
`;

function cover(r: AnnualReport, lang: Lang): string {
  return [
    '<header class="report-cover">',
    `<h1>${escapeHtml(rt('title', lang))}</h1>`,
    `<p class="cover-fy">${escapeHtml(`${rt('fiscalYearLine', lang)}: ${r.labels.fy[lang]}`)}</p>`,
    `<p class="cover-asof">${escapeHtml(`${rt('asOf', lang)}: ${r.labels.asOf[lang]}`)}</p>`,
    `<p class="cover-issuer">${escapeHtml(rt('issuer', lang))}</p>`,
    r.sample ? `<p class="report-sample" role="note">${escapeHtml(rt('sampleNote', lang))}</p>` : '',
    '</header>',
  ].join('');
}

function contents(chapters: { id: string; title: string }[], starts: readonly number[] | undefined, lang: Lang) {
  const items = chapters
    .map(
      (c, i) =>
        `<li><a href="#${c.id}">${escapeHtml(c.title)}</a><span class="dots"></span><span class="page">${
          starts?.[i] ?? ''
        }</span></li>`,
    )
    .join('');
  return `<nav class="report-toc" aria-label="${escapeHtml(rt('contents', lang))}"><h2>${escapeHtml(rt('contents', lang))}</h2><ol>${items}</ol></nav>`;
}

const documentOf = (title: string, lang: Lang, body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${REPORT_CSS}${PRINT_CSS}</style></head><body>${body}</body></html>`;

/** The whole document for printing: cover, contents (with page numbers when known), chapters. */
export function renderReportDocument(r: AnnualReport, lang: Lang, starts?: readonly number[]): string {
  const chapters = reportSections(r, lang);
  return documentOf(
    reportTitle(r, lang),
    lang,
    `<article class="annual-report" lang="${lang}">${cover(r, lang)}${contents(chapters, starts, lang)}${chapters
      .map((c) => c.html)
      .join('')}</article>`,
  );
}

/**
 * Every chapter but the last in one document, each from a new page: printed to count pages. When it
 * has as many pages as chapters, each chapter takes one page and nothing more need be printed.
 */
export function reportFrontChaptersDocument(r: AnnualReport, lang: Lang): { chapters: number; html: string } {
  const chapters = reportSections(r, lang).slice(0, -1);
  return {
    chapters: chapters.length,
    html: documentOf(
      reportTitle(r, lang),
      lang,
      `<article class="annual-report" lang="${lang}">${chapters.map((c) => c.html).join('')}</article>`,
    ),
  };
}

/** Each chapter but the last as a document of its own, printed only to count its pages. */
export function reportChapterDocuments(r: AnnualReport, lang: Lang): string[] {
  return reportSections(r, lang)
    .slice(0, -1)
    .map((c) =>
      documentOf(
        c.title,
        lang,
        `<article class="annual-report" lang="${lang}">${c.html.replace(' class="report-chapter"', '')}</article>`,
      ),
    );
}
