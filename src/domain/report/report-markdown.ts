import type { Lang } from '@/domain/plan';
import { mdCell as cell, mdInline as line } from './markdown-escape';
import type { AnnualReport } from './report-model';
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
 * The annual report as Markdown (GitHub tables), for reuse in other documents. Every string that
 * reaches the file goes through `line` or `cell` (markdown-escape.ts): text from the data is never markup.
 */

function mdTable(header: string[], rows: string[][]): string {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function renderReportMarkdown(r: AnnualReport, lang: Lang): string {
  const out: string[] = [`# ${line(reportTitle(r, lang))}`, '', line(asOfLine(r, lang)), ''];
  if (r.sample) out.push(`> ${line(rt('sampleNote', lang))}`, '');
  out.push(...roundLines(r, lang));
  out.push(`## ${line(rt('summary', lang))}`, '', `### ${line(rt('byStatus', lang))}`, '');
  out.push(mdTable(summaryHeader(r, lang, 'status'), summaryRows(r, lang, 'status')), '');
  out.push(
    `### ${line(rt('byHealth', lang))}`,
    '',
    mdTable(summaryHeader(r, lang, 'health'), summaryRows(r, lang, 'health')),
    '',
  );
  for (const key of ['completedThisYear', 'overdue'] as const) {
    const items = r.summary[key];
    out.push(`### ${line(rt(key, lang))}（${items.length}）`, '');
    const withDate = key === 'completedThisYear';
    out.push(
      items.length
        ? mdTable(
            measureRefHeader(lang, withDate),
            items.map((m) => measureRefRow(m, lang, withDate)),
          )
        : line(rt('none', lang)),
      '',
    );
  }
  out.push(`## ${line(rt('plannedVsActual', lang))}`, '', line(rt('pvaCaption', lang)), '');
  out.push(mdTable(pvaHeader(lang), pvaRows(r)), '', line(continuousLine(r, lang)), '');
  out.push(`## ${line(rt('byArea', lang))}`, '', mdTable(areaHeader(lang), areaRows(r, lang)), '');
  out.push(
    `## ${line(rt('tokyo', lang))}`,
    '',
    line(tokyoLine(r, lang)),
    '',
    `### ${line(rt('tokyoMeasures', lang))}`,
    '',
  );
  out.push(
    mdTable(
      measureRefHeader(lang, false),
      r.tokyo2020.measures.map((m) => measureRefRow(m, lang, false)),
    ),
    '',
  );
  out.push(`## ${line(rt('annex', lang))}`, '');
  for (const s of r.annex) {
    out.push(`### ${line(`${s.sectionCode} ${s.title[lang]}`)}`, '');
    for (const text of sectionTextLines(s, lang)) out.push(`> ${line(text)}`, '');
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

/** "As of round …" and the ministries and rows that never answered: listed, never left out silently. */
export function roundLines(r: AnnualReport, lang: Lang): string[] {
  if (!r.round) return [];
  const ja = lang === 'ja';
  const out = [`## ${line(ja ? `照会「${r.round.title}」時点` : `As of round "${r.round.title}"`)}`, ''];
  if (!r.round.missing.length) {
    out.push(line(ja ? 'すべての府省庁が全行に回答しました。' : 'Every ministry answered every row.'), '');
    return out;
  }
  out.push(line(ja ? '回答のなかった府省庁・行:' : 'Ministries and rows that never answered:'), '');
  for (const m of r.round.missing)
    out.push(
      `- ${line(m.name[lang])}: ${m.rows.length} / ${m.owed} — ${m.rows.map((x) => line(`${x.code} (${x.kind})`)).join(', ')}`,
    );
  out.push('');
  return out;
}
