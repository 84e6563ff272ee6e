import type { Lang } from '@/domain/plan';
import { reportCharts, type ChartSvg } from './report-charts';
import type { AnnexRow, AnnualReport } from './report-model';
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
} from './report-text';

/**
 * The annual report as HTML: the on-screen page shows exactly this markup and the server prints
 * it to PDF with headless Chromium, so screen, print and PDF cannot drift (decision record 007).
 * Every text from data is escaped here; the result is safe to insert as HTML.
 */

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const multiline = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

function table(header: string[], rows: string[][], className = ''): string {
  const head = header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${multiline(c)}</td>`).join('')}</tr>`).join('');
  return `<table class="report-table ${className}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function figure(chart: ChartSvg, caption: string, dataTable: string): string {
  return `<figure class="report-figure">${chart.svg}<figcaption>${escapeHtml(caption)}</figcaption><details class="report-data"><summary>${escapeHtml(chart.title)}</summary>${dataTable}</details></figure>`;
}

function annexRow(row: AnnexRow, lang: Lang): string {
  const title = `${row.crossRef ? `<span class="cross">${escapeHtml(rt('crossListed', lang))}</span>` : ''}${escapeHtml(row.title[lang])}${
    row.crossRef ? `<br><small>→ ${escapeHtml(row.crossRef.number)} ${escapeHtml(rt('seeAlso', lang))}</small>` : ''
  }<br><small class="code">${escapeHtml(row.code)}</small>`;
  const ministries = row.ministries
    .map((m) => `${escapeHtml(m.name[lang])}${m.role === 'lead' ? '（◎）' : ''}`)
    .join('<br>');
  const results = row.results
    .map(
      (r) =>
        `<p><strong>【${escapeHtml(r.name[lang])}】</strong>${r.text ? multiline(r.text) : escapeHtml(rt('noText', lang))}${
          r.source === 'progress' ? ` <small>${escapeHtml(rt('fromProgress', lang))}</small>` : ''
        }</p>`,
    )
    .join('');
  const text = (s: string) =>
    s.trim() ? multiline(s) : `<span class="muted">${escapeHtml(rt('noText', lang))}</span>`;
  return `<tr${row.crossRef ? ' class="cross-listed"' : ''}><td class="num">${escapeHtml(row.number)}</td><td>${title}</td><td>${ministries}</td><td>${text(row.planText)}</td><td>${results}</td><td>${text(row.nextPlanText)}</td></tr>`;
}

function annex(r: AnnualReport, lang: Lang): string {
  const head = annexHeader(r, lang)
    .map((h) => `<th scope="col">${escapeHtml(h)}</th>`)
    .join('');
  const sections = r.annex
    .map(
      (s) =>
        `<h3>${escapeHtml(`${s.sectionCode} ${s.title[lang]}`)}</h3>${sectionTextLines(s, lang)
          .map((line) => `<p class="section-text">${escapeHtml(line)}</p>`)
          .join('')}<table class="report-table annex-table"><thead><tr>${head}</tr></thead><tbody>${s.rows
          .map((row) => annexRow(row, lang))
          .join('')}</tbody></table>`,
    )
    .join('');
  return `<section id="annex" class="report-annex report-chapter"><h2>${escapeHtml(rt('annex', lang))}</h2>${sections}</section>`;
}

function list(r: AnnualReport, lang: Lang, key: 'completedThisYear' | 'overdue'): string {
  const items = r.summary[key];
  const withDate = key === 'completedThisYear';
  const body = items.length
    ? table(
        measureRefHeader(lang, withDate),
        items.map((m) => measureRefRow(m, lang, withDate)),
      )
    : `<p>${escapeHtml(rt('none', lang))}</p>`;
  return `<h3>${escapeHtml(rt(key, lang))}（${items.length}）</h3>${body}`;
}

/** The report's chapters, each one `<section>` with an id: the table of contents and the PDF's chapters. */
export function reportSections(r: AnnualReport, lang: Lang): { id: string; title: string; html: string }[] {
  const charts = reportCharts(r, lang);
  const t = (k: Parameters<typeof rt>[0]) => escapeHtml(rt(k, lang));
  const section = (id: string, key: Parameters<typeof rt>[0], body: string) => ({
    id,
    title: rt(key, lang),
    html: `<section id="${id}" class="report-chapter"><h2>${t(key)}</h2>${body}</section>`,
  });
  return [
    section(
      'summary',
      'summary',
      [
        `<h3>${t('byStatus')}</h3>${table(summaryHeader(r, lang, 'status'), summaryRows(r, lang, 'status'), 'summary-table')}`,
        `<h3>${t('byHealth')}</h3>${table(summaryHeader(r, lang, 'health'), summaryRows(r, lang, 'health'), 'summary-table')}`,
        list(r, lang, 'completedThisYear'),
        list(r, lang, 'overdue'),
      ].join(''),
    ),
    section(
      'planned-vs-actual',
      'plannedVsActual',
      figure(charts.plannedVsActual, rt('pvaCaption', lang), table(pvaHeader(lang), pvaRows(r))) +
        `<p>${escapeHtml(continuousLine(r, lang))}</p>`,
    ),
    section(
      'by-area',
      'byArea',
      figure(charts.byArea, charts.byArea.title, table(areaHeader(lang), areaRows(r, lang))),
    ),
    section(
      'tokyo2020',
      'tokyo',
      `<p>${escapeHtml(tokyoLine(r, lang))}</p><h3>${t('tokyoMeasures')}</h3>${table(
        measureRefHeader(lang, false),
        r.tokyo2020.measures.map((m) => measureRefRow(m, lang, false)),
      )}`,
    ),
    { id: 'annex', title: rt('annex', lang), html: annex(r, lang) },
  ];
}

function reportHeader(r: AnnualReport, lang: Lang): string {
  return [
    `<header class="report-header"><h1>${escapeHtml(reportTitle(r, lang))}</h1><p>${escapeHtml(asOfLine(r, lang))}</p>`,
    r.sample ? `<p class="report-sample" role="note">${escapeHtml(rt('sampleNote', lang))}</p>` : '',
    '</header>',
  ].join('');
}

/** The report body (no <html>): the client inserts it into its page, the PDF wraps it. */
export function renderReportHtml(r: AnnualReport, lang: Lang): string {
  return [
    `<article class="annual-report" lang="${lang}">`,
    reportHeader(r, lang),
    roundSection(r, lang),
    ...reportSections(r, lang).map((s) => s.html),
    '</article>',
  ].join('');
}

/**
 * The report's stylesheet, for screen and print: A4 with 15 mm margins, 明朝 body and ゴシック
 * headings, table headers that repeat on every printed page, rows that do not split.
 */
export const REPORT_CSS = `
.annual-report { font-family: 'Yu Mincho', 'YuMincho', 'Hiragino Mincho ProN', 'Noto Serif CJK JP', 'MS Mincho', serif; font-size: 10.5pt; line-height: 1.6; color: #1a1a1a; }
.annual-report h1, .annual-report h2, .annual-report h3 { font-family: 'Yu Gothic', 'YuGothic', 'Hiragino Sans', 'Noto Sans CJK JP', 'MS Gothic', sans-serif; line-height: 1.4; }
.annual-report h1 { font-size: 18pt; margin: 0 0 4pt; }
.annual-report h2 { font-size: 14pt; margin: 18pt 0 6pt; border-bottom: 1.5pt solid #1a1a1a; }
.annual-report h3 { font-size: 11.5pt; margin: 12pt 0 4pt; }
.annual-report .report-sample { border: 1pt solid #c16800; background: #fff4e5; padding: 4pt 8pt; font-weight: bold; }
.annual-report .report-table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 9pt; }
.annual-report .report-table th, .annual-report .report-table td { border: 0.75pt solid #555; padding: 3pt 4pt; vertical-align: top; text-align: left; }
.annual-report .report-table th { background: #e8e8e8; font-family: 'Yu Gothic', 'Noto Sans CJK JP', sans-serif; font-weight: bold; }
.annual-report .summary-table td:not(:first-child) { text-align: right; }
.annual-report .annex-table { table-layout: fixed; font-size: 8pt; }
.annual-report .annex-table th:nth-child(1) { width: 12%; } .annual-report .annex-table th:nth-child(2) { width: 18%; }
.annual-report .annex-table th:nth-child(3) { width: 10%; } .annual-report .annex-table th:nth-child(4) { width: 20%; }
.annual-report .annex-table th:nth-child(5) { width: 22%; } .annual-report .annex-table th:nth-child(6) { width: 18%; }
.annual-report .annex-table td { overflow-wrap: anywhere; }
.annual-report .annex-table p { margin: 0 0 3pt; }
.annual-report .cross { font-weight: bold; }
.annual-report .code, .annual-report .muted { color: #555; }
.annual-report .report-figure { margin: 6pt 0; }
.annual-report .report-figure svg { max-width: 100%; height: auto; }
.annual-report figcaption { font-size: 9pt; color: #333; }
.annual-report .report-data summary { cursor: pointer; font-size: 9pt; }
@page { size: A4; margin: 15mm 12mm; }
@media print {
  .annual-report { font-size: 9.5pt; }
  .annual-report thead { display: table-header-group; }
  .annual-report tr, .annual-report .report-figure { break-inside: avoid; page-break-inside: avoid; }
  .annual-report h2, .annual-report h3 { break-after: avoid; page-break-after: avoid; }
  .annual-report .report-annex { break-before: page; }
  .annual-report .report-data { display: none; }
}
`;

/** "As of round …" with the ministries and rows that never answered (issue 12). */
function roundSection(r: AnnualReport, lang: Lang): string {
  if (!r.round) return '';
  const ja = lang === 'ja';
  const head = `<h2>${escapeHtml(ja ? `照会「${r.round.title}」時点` : `As of round "${r.round.title}"`)}</h2>`;
  if (!r.round.missing.length)
    return `<section class="report-round">${head}<p>${escapeHtml(ja ? 'すべての府省庁が全行に回答しました。' : 'Every ministry answered every row.')}</p></section>`;
  const items = r.round.missing
    .map(
      (m) =>
        `<li><strong>${escapeHtml(m.name[lang])}</strong>: ${m.rows.length} / ${m.owed} — ${escapeHtml(m.rows.map((x) => x.code).join(', '))}</li>`,
    )
    .join('');
  return `<section class="report-round">${head}<p>${escapeHtml(ja ? '回答のなかった府省庁・行:' : 'Ministries and rows that never answered:')}</p><ul>${items}</ul></section>`;
}
