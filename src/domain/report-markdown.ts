import type { Lang } from './i18n';
import type { AnnualReport } from './report-model';
import {
  annexHeader,
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

/** The annual report as Markdown (GitHub tables), for reuse in other documents. */

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').trim() || ' ';

function mdTable(header: string[], rows: string[][]): string {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function renderReportMarkdown(r: AnnualReport, lang: Lang): string {
  const out: string[] = [`# ${reportTitle(r, lang)}`, '', asOfLine(r, lang), ''];
  if (r.sample) out.push(`> ${rt('sampleNote', lang)}`, '');
  out.push(`## ${rt('summary', lang)}`, '', `### ${rt('byStatus', lang)}`, '');
  out.push(mdTable(summaryHeader(r, lang, 'status'), summaryRows(r, lang, 'status')), '');
  out.push(
    `### ${rt('byHealth', lang)}`,
    '',
    mdTable(summaryHeader(r, lang, 'health'), summaryRows(r, lang, 'health')),
    '',
  );
  for (const key of ['completedThisYear', 'overdue'] as const) {
    const items = r.summary[key];
    out.push(`### ${rt(key, lang)}（${items.length}）`, '');
    const withDate = key === 'completedThisYear';
    out.push(
      items.length
        ? mdTable(
            measureRefHeader(lang, withDate),
            items.map((m) => measureRefRow(m, lang, withDate)),
          )
        : rt('none', lang),
      '',
    );
  }
  out.push(`## ${rt('plannedVsActual', lang)}`, '', rt('pvaCaption', lang), '');
  out.push(mdTable(pvaHeader(lang), pvaRows(r)), '', continuousLine(r, lang), '');
  out.push(`## ${rt('byArea', lang)}`, '', mdTable(areaHeader(lang), areaRows(r, lang)), '');
  out.push(`## ${rt('tokyo', lang)}`, '', tokyoLine(r, lang), '', `### ${rt('tokyoMeasures', lang)}`, '');
  out.push(
    mdTable(
      measureRefHeader(lang, false),
      r.tokyo2020.measures.map((m) => measureRefRow(m, lang, false)),
    ),
    '',
  );
  out.push(`## ${rt('annex', lang)}`, '');
  for (const s of r.annex) {
    out.push(`### ${s.sectionCode} ${s.title[lang]}`, '');
    const rows = s.rows.map((row) => [
      row.number,
      `${row.crossRef ? rt('crossListed', lang) : ''}${row.title[lang]}${row.crossRef ? `\n→ ${row.crossRef.number} ${rt('seeAlso', lang)}` : ''}\n${row.code}`,
      row.ministries.map((m) => `${m.name[lang]}${m.role === 'lead' ? '（◎）' : ''}`).join('\n'),
      row.planText || rt('noText', lang),
      row.results
        .map(
          (x) =>
            `【${x.name[lang]}】${x.text || rt('noText', lang)}${x.source === 'progress' ? ` ${rt('fromProgress', lang)}` : ''}`,
        )
        .join('\n'),
      row.nextPlanText || rt('noText', lang),
    ]);
    out.push(mdTable(annexHeader(r, lang), rows), '');
  }
  return `${out.join('\n')}\n`;
}
