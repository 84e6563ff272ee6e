import type { Lang, LocalizedText } from '@/domain/plan';
import type { AnnualReport, ReportMeasureRef } from './report-model';
import { HEALTH_LABELS, HEALTHS, STATUS_LABELS, STATUSES } from '@/domain/plan';

/** Words and table layouts shared by every annual-report renderer (HTML, Markdown, Word). */

export const REPORT_TEXT = {
  title: { ja: 'サイバーセキュリティ戦略 年次報告', en: 'Cybersecurity Strategy annual report' },
  asOf: { ja: '基準日', en: 'As of' },
  issuer: {
    ja: '内閣サイバーセキュリティセンター',
    en: 'National center of Incident readiness and Strategy for Cybersecurity (NISC)',
  },
  contents: { ja: '目次', en: 'Contents' },
  fiscalYearLine: { ja: '対象年度', en: 'Fiscal year' },
  sampleNote: {
    ja: '【サンプル】本報告は架空のサンプルデータに基づくもので、実際の実施状況ではありません。',
    en: '[SAMPLE] This report is built from fictitious sample data, not the real state of implementation.',
  },
  summary: { ja: '1. 概況', en: '1. Summary' },
  byStatus: { ja: '状況別の施策数', en: 'Measures by status' },
  byHealth: { ja: '健全性別の施策数', en: 'Measures by health' },
  meanProgress: { ja: '平均進捗', en: 'Mean progress' },
  total: { ja: '合計', en: 'Total' },
  change: { ja: '増減', en: 'Change' },
  completedThisYear: { ja: '本年度に完了した施策', en: 'Measures completed this year' },
  overdue: { ja: '期限を超過している施策', en: 'Overdue measures' },
  none: { ja: '該当なし', en: 'None' },
  plannedVsActual: { ja: '2. 計画と実績', en: '2. Planned vs actual' },
  pvaCaption: {
    ja: '計画上の進捗（各施策の開始日から期限まで直線、年度末目標があればそれを通る）と実績の進捗の平均。本文に期限のない施策は計画期間の末日を期限とし、継続施策は終わりがないため平均に含めず別に示す。',
    en: 'Mean expected progress (each measure on a straight line from its start to its due date, through its fiscal-year targets where set) against mean actual progress. Measures whose text gives no deadline run to the end of the plan period; continuous measures have no end and are shown apart, not averaged in.',
  },
  month: { ja: '時点', en: 'Date' },
  expected: { ja: '計画上の進捗', en: 'Expected progress' },
  actualProgress: { ja: '実績の進捗', en: 'Actual progress' },
  expectedCompleted: { ja: '完了予定の施策数', en: 'Expected complete' },
  completedCount: { ja: '完了した施策数', en: 'Completed' },
  continuousNote: { ja: '継続施策（平均に含めない）', en: 'Continuous measures (not averaged in)' },
  byArea: { ja: '3. 政策領域別の状況', en: '3. Status by policy area' },
  area: { ja: '政策領域', en: 'Policy area' },
  tokyo: { ja: '4. 東京2020大会に向けた準備状況', en: '4. Readiness for the Tokyo 2020 Games' },
  daysToGames: { ja: '大会開始までの日数', en: 'Days to the Games' },
  tokyoMeasures: { ja: '大会に向けた施策（タグ：東京2020）', en: 'Measures tagged for the Games (Tokyo 2020)' },
  annex: { ja: '別添 施策ごとの実施状況', en: 'Annex: implementation by measure' },
  number: { ja: '項番', en: 'No.' },
  measure: { ja: '施策', en: 'Measure' },
  ministries: { ja: '担当府省庁', en: 'Responsible ministries' },
  plan: { ja: '年次計画', en: 'Annual plan' },
  results: { ja: '成果・進捗状況', en: 'Results and progress' },
  nextPlan: { ja: '年次計画', en: 'Annual plan' },
  crossListed: { ja: '（再掲）', en: '(cross-listed)' },
  sectionTarget: { ja: '節の目標：', en: 'section target: ' },
  leadIns: { ja: '本文の方針（リード文）', en: 'What the text commits to (lead-in)' },
  seeAlso: { ja: '参照', en: 'see' },
  noText: { ja: '（記載なし）', en: '(none recorded)' },
  fromProgress: { ja: '［進捗報告より］', en: '[from progress reports]' },
  status: { ja: '状況', en: 'Status' },
  health: { ja: '健全性', en: 'Health' },
  progress: { ja: '進捗', en: 'Progress' },
  lead: { ja: '主担当', en: 'Lead' },
  due: { ja: '期限', en: 'Due' },
  completedOn: { ja: '完了日', en: 'Completed' },
  code: { ja: 'コード', en: 'Code' },
  chartAlt: { ja: 'グラフ', en: 'Chart' },
} satisfies Record<string, LocalizedText>;

export type ReportTextKey = keyof typeof REPORT_TEXT;
export const rt = (key: ReportTextKey, lang: Lang) => REPORT_TEXT[key][lang];

export function reportTitle(r: AnnualReport, lang: Lang): string {
  return lang === 'ja' ? `${REPORT_TEXT.title.ja}（${r.labels.fy.ja}）` : `${REPORT_TEXT.title.en}, ${r.labels.fy.en}`;
}

export function asOfLine(r: AnnualReport, lang: Lang): string {
  return `${rt('asOf', lang)}: ${r.labels.asOf[lang]}`;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Rows of the summary tables: label, at the end of last year, now, change. */
export function summaryRows(r: AnnualReport, lang: Lang, kind: 'status' | 'health'): string[][] {
  const { counts, previous } = r.summary;
  const keys = kind === 'status' ? STATUSES : HEALTHS;
  const labels: Record<string, LocalizedText> = kind === 'status' ? STATUS_LABELS : HEALTH_LABELS;
  const get = (c: typeof counts, k: string) =>
    kind === 'status' ? c.byStatus[k as (typeof STATUSES)[number]] : c.byHealth[k as (typeof HEALTHS)[number]];
  const rows = keys.map((k) => {
    const now = get(counts, k) ?? 0;
    const before = get(previous, k) ?? 0;
    return [labels[k]![lang], String(before), String(now), signed(now - before)];
  });
  rows.push([rt('total', lang), String(previous.total), String(counts.total), signed(counts.total - previous.total)]);
  if (kind === 'status')
    rows.push([
      rt('meanProgress', lang),
      `${previous.progress}%`,
      `${counts.progress}%`,
      signed(counts.progress - previous.progress),
    ]);
  return rows;
}

export function summaryHeader(r: AnnualReport, lang: Lang, kind: 'status' | 'health'): string[] {
  return [
    rt(kind === 'status' ? 'status' : 'health', lang),
    r.labels.previous[lang],
    r.labels.asOf[lang],
    rt('change', lang),
  ];
}

export function measureRefHeader(lang: Lang, withDate: boolean): string[] {
  return [
    rt('number', lang),
    rt('measure', lang),
    rt('lead', lang),
    rt('status', lang),
    rt('progress', lang),
    withDate ? rt('completedOn', lang) : rt('due', lang),
  ];
}

export function measureRefRow(m: ReportMeasureRef, lang: Lang, withDate: boolean): string[] {
  return [
    m.number || m.code,
    m.title[lang],
    m.lead?.[lang] ?? '—',
    `${STATUS_LABELS[m.status][lang]}（${HEALTH_LABELS[m.health][lang]}）`,
    `${m.progress}%`,
    withDate
      ? (m.date ?? '—')
      : `${m.dueDate}${m.dueWording ? `（${m.dueFromSection ? rt('sectionTarget', lang) : ''}${m.dueWording}）` : ''}`,
  ];
}

export function pvaHeader(lang: Lang): string[] {
  return [
    rt('month', lang),
    rt('expected', lang),
    rt('actualProgress', lang),
    rt('expectedCompleted', lang),
    rt('completedCount', lang),
  ];
}

const dash = (v: number | null, unit = '') => (v === null ? '—' : `${v}${unit}`);

export function pvaRows(r: AnnualReport): string[][] {
  return r.plannedVsActual.map((p) => [
    p.date,
    `${p.expectedProgress}%`,
    dash(p.actualProgress, '%'),
    String(p.expectedCompleted),
    dash(p.completed),
  ]);
}

/** The continuous measures, shown apart: how many, how many complete, their mean progress. */
export function continuousLine(r: AnnualReport, lang: Lang): string {
  const c = r.continuous;
  return lang === 'ja'
    ? `${rt('continuousNote', lang)}：${c.total}施策、うち完了${c.completed}、平均進捗${c.progress}%`
    : `${rt('continuousNote', lang)}: ${c.total} measures, ${c.completed} complete, mean progress ${c.progress}%`;
}

export function areaHeader(lang: Lang): string[] {
  return [
    rt('area', lang),
    rt('total', lang),
    ...STATUSES.map((s) => STATUS_LABELS[s][lang]),
    rt('meanProgress', lang),
  ];
}

export function areaRows(r: AnnualReport, lang: Lang): string[][] {
  return r.byArea.map((a) => [
    `${a.code} ${a.title[lang]}`,
    String(a.counts.total),
    ...STATUSES.map((s) => String(a.counts.byStatus[s])),
    `${a.counts.progress}%`,
  ]);
}

export function annexHeader(r: AnnualReport, lang: Lang): string[] {
  return [
    rt('number', lang),
    rt('measure', lang),
    rt('ministries', lang),
    `${r.labels.fy[lang]} ${rt('plan', lang)}`,
    rt('results', lang),
    `${r.labels.nextFy[lang]} ${rt('nextPlan', lang)}`,
  ];
}

export function tokyoLine(r: AnnualReport, lang: Lang): string {
  const t = r.tokyo2020;
  if (!t.games) return '';
  const days = t.daysToGames ?? 0;
  return lang === 'ja'
    ? `${t.games.title.ja}（${t.games.start}開始）まで${days}日。対象施策 ${t.counts.total} 件のうち完了 ${t.counts.byStatus.completed} 件、実施中 ${t.counts.byStatus.in_progress} 件、要注意 ${t.counts.byHealth.at_risk} 件、期限超過 ${t.counts.byHealth.overdue} 件。`
    : `${days} days to the ${t.games.title.en} (from ${t.games.start}). Of ${t.counts.total} measures, ${t.counts.byStatus.completed} completed, ${t.counts.byStatus.in_progress} in progress, ${t.counts.byHealth.at_risk} at risk, ${t.counts.byHealth.overdue} overdue.`;
}

/** The lines under a section's heading in the annex: its target, then its lead-ins, as plain text. */
export function sectionTextLines(s: AnnualReport['annex'][number], lang: Lang): string[] {
  const lines: string[] = [];
  if (s.target)
    lines.push(
      lang === 'ja'
        ? `節の目標：「${s.target.wording}」（${s.target.date}）${s.target.goal.ja}`
        : `Section target: 「${s.target.wording}」 (${s.target.date}): ${s.target.goal.en}`,
    );
  for (const l of s.leadIns) lines.push(`${rt('leadIns', lang)} ${l.code}: ${l.text}`);
  return lines;
}
