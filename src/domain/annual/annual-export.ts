import type { AnnualData } from '@/domain/contract';
import type { MeasureSummary } from '@/domain/contract';
import type { Lang, LocalizedText } from '@/domain/plan';
import type { Organisation } from '@/domain/plan';
import type { AssignmentView, PlanIndex } from '@/domain/plan';
import { plainSourceText } from '@/domain/plan';
import { ASSIGNMENT_ROLE_LABELS, HEALTH_LABELS, RAG_LABELS, STATUS_LABELS, type Status } from '@/domain/plan';

/**
 * Columns of the two spreadsheets the tracker hands out: the measures list (any filtered view) and
 * a ministry's collection template. One definition for CSV and XLSX, and for reading templates back.
 */

export type ColumnKind = 'text' | 'int' | 'date' | 'status';
export type Column<K extends string> = { key: K; label: LocalizedText; kind: ColumnKind; width: number };
export type Cell = string | number | null;

export const headerText = (c: { label: LocalizedText }) => `${c.label.ja} / ${c.label.en}`;

export const TEMPLATE_COLUMNS = [
  { key: 'measureId', label: { ja: '施策コード', en: 'Measure code' }, kind: 'text', width: 16 },
  { key: 'title', label: { ja: '施策名', en: 'Measure' }, kind: 'text', width: 40 },
  { key: 'ministryId', label: { ja: '府省庁ID', en: 'Ministry ID' }, kind: 'text', width: 10 },
  { key: 'ministryName', label: { ja: '府省庁', en: 'Ministry' }, kind: 'text', width: 14 },
  { key: 'role', label: { ja: '役割', en: 'Role' }, kind: 'text', width: 8 },
  { key: 'dueDate', label: { ja: '期限', en: 'Due' }, kind: 'date', width: 12 },
  { key: 'dueWording', label: { ja: '期限の表現', en: 'Deadline wording' }, kind: 'text', width: 14 },
  { key: 'status', label: { ja: '状況', en: 'Status' }, kind: 'status', width: 10 },
  { key: 'progress', label: { ja: '進捗（%）', en: 'Progress (%)' }, kind: 'int', width: 10 },
  { key: 'narrative', label: { ja: '成果・進捗状況', en: 'Results and progress' }, kind: 'text', width: 50 },
  { key: 'result', label: { ja: '年度の成果', en: 'Results for the year' }, kind: 'text', width: 50 },
  { key: 'comment', label: { ja: '更新理由', en: 'Reason for the update' }, kind: 'text', width: 24 },
  { key: 'fy', label: { ja: '年度', en: 'FY' }, kind: 'int', width: 8 },
  { key: 'version', label: { ja: '版（編集不可）', en: 'Version (do not edit)' }, kind: 'int', width: 10 },
  {
    key: 'resultVersion',
    label: { ja: '成果の版（編集不可）', en: 'Results version (do not edit)' },
    kind: 'int',
    width: 10,
  },
] as const satisfies readonly Column<string>[];
export type TemplateKey = (typeof TEMPLATE_COLUMNS)[number]['key'];

/** Columns a liaison fills in; the others say what the row is. */
export const EDITABLE: ReadonlySet<TemplateKey> = new Set(['status', 'progress', 'narrative', 'result', 'comment']);

export type TemplateRow = Record<TemplateKey, Cell>;

const orgLabel = (o: Organisation | undefined): string => (o ? (o.short ?? o.name).ja : '');

/** Exactly one ministry's assignments (or every assignment), with current values and versions. */
export function templateRows(index: PlanIndex, data: AnnualData, fy: number, ministryId: string | null): TemplateRow[] {
  const orgs = new Map(index.snapshot.organisations.map((o) => [o.id, o]));
  const results = new Map(data.results.map((r) => [`${r.measureId}\u0000${r.ministryId}`, r]));
  const planEnd = index.snapshot.planPeriod.end;
  const rows: TemplateRow[] = [];
  for (const m of index.snapshot.measures) {
    for (const { record: a } of index.tracksByMeasure.get(m.id) ?? []) {
      if (ministryId && a.ministryId !== ministryId) continue;
      const r = results.get(`${m.id}\u0000${a.ministryId}`);
      rows.push({
        measureId: m.id,
        title: plainSourceText(m.title.ja),
        ministryId: a.ministryId,
        ministryName: orgLabel(orgs.get(a.ministryId)),
        role: ASSIGNMENT_ROLE_LABELS[a.role].ja,
        dueDate: m.due.date ?? planEnd,
        dueWording: m.due.wording ?? '',
        status: STATUS_LABELS[a.status].ja,
        progress: a.progress,
        narrative: a.narrative,
        result: r?.text ?? '',
        comment: '',
        fy,
        version: a.version,
        resultVersion: r?.version ?? 0,
      });
    }
  }
  return rows;
}

export const MEASURE_COLUMNS = [
  { key: 'code', label: { ja: 'コード', en: 'Code' }, kind: 'text', width: 16 },
  { key: 'title', label: { ja: '施策', en: 'Measure' }, kind: 'text', width: 48 },
  { key: 'area', label: { ja: '政策領域', en: 'Policy area' }, kind: 'text', width: 8 },
  { key: 'section', label: { ja: '項目', en: 'Section' }, kind: 'text', width: 8 },
  { key: 'lead', label: { ja: '主担当', en: 'Lead' }, kind: 'text', width: 14 },
  { key: 'ministries', label: { ja: '担当府省庁', en: 'Ministries' }, kind: 'text', width: 24 },
  { key: 'dueDate', label: { ja: '期限', en: 'Due' }, kind: 'date', width: 12 },
  { key: 'dueWording', label: { ja: '期限の表現', en: 'Deadline wording' }, kind: 'text', width: 14 },
  { key: 'status', label: { ja: '状況', en: 'Status' }, kind: 'status', width: 10 },
  { key: 'progress', label: { ja: '進捗（%）', en: 'Progress (%)' }, kind: 'int', width: 10 },
  { key: 'health', label: { ja: '健全性', en: 'Health' }, kind: 'text', width: 10 },
  { key: 'rag', label: { ja: '職員による評価', en: 'Staff rating' }, kind: 'text', width: 12 },
  { key: 'crossRef', label: { ja: '再掲元', en: 'Cross-listed from' }, kind: 'text', width: 14 },
  { key: 'lastUpdate', label: { ja: '最終更新', en: 'Last update' }, kind: 'date', width: 12 },
] as const satisfies readonly Column<string>[];
export type MeasureKey = (typeof MEASURE_COLUMNS)[number]['key'];

export function measureRows(items: readonly MeasureSummary[], orgs: readonly Organisation[], lang: Lang = 'ja') {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const name = (id: string) => ((o) => (o ? (o.short ?? o.name)[lang] : id))(byId.get(id));
  return items.map((m): Record<MeasureKey, Cell> => ({
    code: m.code,
    title: plainSourceText(m.title[lang]),
    area: m.areaCode,
    section: m.sectionCode,
    lead: m.leadMinistryId ? name(m.leadMinistryId) : '',
    ministries: m.ministryIds.map(name).join('・'),
    dueDate: m.dueDate,
    dueWording: m.due.wording ?? '',
    status: STATUS_LABELS[m.status][lang],
    progress: m.progress,
    health: HEALTH_LABELS[m.health][lang],
    rag: m.rag ? RAG_LABELS[m.rag.rating][lang] : '',
    crossRef: m.crossRefCode ?? '',
    lastUpdate: m.lastUpdate,
  }));
}

/**
 * The measures list filtered by one ministry (issue 18, item 9): status, progress and last update
 * are that ministry's own assignment's, as of the list's date; the measure's overall figures follow
 * in columns of their own, so the two are never confused.
 */
export const MINISTRY_MEASURE_COLUMNS = [
  { key: 'code', label: { ja: 'コード', en: 'Code' }, kind: 'text', width: 16 },
  { key: 'title', label: { ja: '施策', en: 'Measure' }, kind: 'text', width: 48 },
  { key: 'area', label: { ja: '政策領域', en: 'Policy area' }, kind: 'text', width: 8 },
  { key: 'section', label: { ja: '項目', en: 'Section' }, kind: 'text', width: 8 },
  { key: 'ministry', label: { ja: '府省庁', en: 'Ministry' }, kind: 'text', width: 14 },
  { key: 'role', label: { ja: '役割', en: 'Role' }, kind: 'text', width: 8 },
  { key: 'dueDate', label: { ja: '期限', en: 'Due' }, kind: 'date', width: 12 },
  { key: 'dueWording', label: { ja: '期限の表現', en: 'Deadline wording' }, kind: 'text', width: 14 },
  { key: 'status', label: { ja: '状況（当府省庁）', en: 'Status (this ministry)' }, kind: 'status', width: 12 },
  { key: 'progress', label: { ja: '進捗（%・当府省庁）', en: 'Progress (%, this ministry)' }, kind: 'int', width: 12 },
  {
    key: 'lastUpdate',
    label: { ja: '最終更新（当府省庁）', en: 'Last update (this ministry)' },
    kind: 'date',
    width: 12,
  },
  { key: 'overallStatus', label: { ja: '状況（施策全体）', en: 'Status (whole measure)' }, kind: 'status', width: 12 },
  {
    key: 'overallProgress',
    label: { ja: '進捗（%・施策全体）', en: 'Progress (%, whole measure)' },
    kind: 'int',
    width: 12,
  },
  { key: 'health', label: { ja: '健全性（施策全体）', en: 'Health (whole measure)' }, kind: 'text', width: 12 },
  { key: 'crossRef', label: { ja: '再掲元', en: 'Cross-listed from' }, kind: 'text', width: 14 },
] as const satisfies readonly Column<string>[];
export type MinistryMeasureKey = (typeof MINISTRY_MEASURE_COLUMNS)[number]['key'];

/** The list's rows for one ministry; `assignmentOf` gives that ministry's assignment of a measure as of the list's date. */
export function ministryMeasureRows(
  items: readonly MeasureSummary[],
  ministry: Organisation,
  assignmentOf: (measureId: string) => AssignmentView | undefined,
  lang: Lang = 'ja',
) {
  return items.flatMap((m): Record<MinistryMeasureKey, Cell>[] => {
    const a = assignmentOf(m.id);
    if (!a) return [];
    return [
      {
        code: m.code,
        title: plainSourceText(m.title[lang]),
        area: m.areaCode,
        section: m.sectionCode,
        ministry: (ministry.short ?? ministry.name)[lang],
        role: ASSIGNMENT_ROLE_LABELS[a.role][lang],
        dueDate: m.dueDate,
        dueWording: m.due.wording ?? '',
        status: STATUS_LABELS[a.status][lang],
        progress: a.progress,
        lastUpdate: a.lastUpdate,
        overallStatus: STATUS_LABELS[m.status][lang],
        overallProgress: m.progress,
        health: HEALTH_LABELS[m.health][lang],
        crossRef: m.crossRefCode ?? '',
      },
    ];
  });
}

/** The status words a spreadsheet may carry: the code, the Japanese or the English label. */
const STATUS_WORDS: ReadonlyMap<string, Status> = (() => {
  const words = new Map<string, Status>();
  for (const [code, label] of Object.entries(STATUS_LABELS) as [Status, LocalizedText][])
    for (const word of [code, label.ja, label.en.toLowerCase()]) if (!words.has(word)) words.set(word, code);
  return words;
})();

/** NFKC leaves ASCII as it is: most cells are ASCII and skip the (costly) normalisation. */
export function nfkc(text: string): string {
  return /[\u0080-\uffff]/.test(text) ? text.normalize('NFKC') : text;
}

export function parseStatus(text: string): Status | null {
  return STATUS_WORDS.get(nfkc(text).trim().toLowerCase()) ?? null;
}

export const STATUS_CHOICES_JA = Object.values(STATUS_LABELS).map((l) => l.ja);
