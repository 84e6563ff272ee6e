import { headerText, parseStatus, TEMPLATE_COLUMNS, type TemplateKey } from './annual-export';
import type { AnnualData, ImportChange, ImportIssue, ImportRow } from './contract-annual';
import type { AssignmentRecord } from './model';
import type { PlanIndex } from './snapshot';
import { STATUS_LABELS, type Status } from './status';
import { statusProgressIssues } from './updates';

/**
 * Reading a filled-in template back (decision record 007): each row is checked against the plan as
 * it stands now, by the same rules as the update screens, and reports its changes or its problems.
 * Pure: the server parses the file into cells and commits what this accepts.
 */

export type ImportCell = { text: string; formula: boolean };
export type ImportTable = { header: string[]; rows: { row: number; cells: ImportCell[] }[] };

export const IMPORT_LIMITS = { maxRows: 20_000, maxColumns: 60, maxCellLength: 20_000 } as const;
const MAX_TEXT = 10_000;
const MAX_COMMENT = 2_000;

/** What a valid, changed row will write. */
export type AcceptedRow = {
  row: number;
  measureId: string;
  ministryId: string;
  assignment: { status: Status; progress: number; narrative: string; baseVersion: number } | null;
  result: { text: string; baseVersion: number } | null;
  comment: string;
};

export type ImportEvaluation = {
  rows: ImportRow[];
  accepted: AcceptedRow[];
  fy: number | null;
  fileError: string | null;
};

const issue = (field: string | null, ja: string, en: string): ImportIssue => ({ field, message: `${ja} / ${en}` });

const normalise = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Finds each known column by its header: the full bilingual header, either language, or the key. */
export function mapHeader(header: string[]): Map<TemplateKey, number> {
  const found = new Map<TemplateKey, number>();
  header.forEach((h, i) => {
    const n = normalise(h);
    const col = TEMPLATE_COLUMNS.find(
      (c) =>
        n === normalise(headerText(c)) ||
        n === normalise(c.label.ja) ||
        n === normalise(c.label.en) ||
        n === c.key.toLowerCase(),
    );
    if (col && !found.has(col.key)) found.set(col.key, i);
  });
  return found;
}

const REQUIRED: TemplateKey[] = ['measureId', 'ministryId', 'status', 'progress', 'version'];

export type ImportContext = {
  index: PlanIndex;
  /** The year named by the file (its FY column), with its results; null if the file has none. */
  annual: (fy: number) => AnnualData;
  /** Rows of any other ministry are refused: the liaison's own, or the ministry the template is for. */
  ministryId: string | null;
};

export function evaluateImport(table: ImportTable, ctx: ImportContext): ImportEvaluation {
  const cols = mapHeader(table.header);
  const missing = REQUIRED.filter((k) => !cols.has(k));
  if (missing.length) {
    const names = missing.map((k) => headerText(TEMPLATE_COLUMNS.find((c) => c.key === k)!)).join('、');
    return {
      rows: [],
      accepted: [],
      fy: null,
      fileError: `見出し行に必要な列がありません: ${names}。トラッカーが出力したテンプレートを使い、文字コード（UTF-8 または Shift_JIS）を確認してください / The header row lacks required columns: ${names}. Use the template the tracker produced and check the encoding (UTF-8 or Shift_JIS)`,
    };
  }
  const fys = new Set(
    cols.has('fy') ? table.rows.map((r) => r.cells[cols.get('fy')!]?.text.trim() ?? '').filter(Boolean) : [],
  );
  if (fys.size > 1)
    return {
      rows: [],
      accepted: [],
      fy: null,
      fileError: '複数の年度の行が混在しています / The file mixes rows of several fiscal years',
    };
  const fyText = [...fys][0];
  const fy = fyText && /^\d{4}$/.test(fyText) ? Number(fyText) : null;
  const data = fy === null ? null : ctx.annual(fy);
  const results = new Map((data?.results ?? []).map((r) => [`${r.measureId}\u0000${r.ministryId}`, r]));
  const assignments = new Map(ctx.index.snapshot.assignments.map((a) => [`${a.measureId}\u0000${a.ministryId}`, a]));
  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  const accepted: AcceptedRow[] = [];
  for (const { row, cells } of table.rows) {
    const get = (k: TemplateKey): ImportCell | undefined => (cols.has(k) ? cells[cols.get(k)!] : undefined);
    if (cells.every((c) => !c.text.trim())) continue;
    const out = checkRow(row, get, { ctx, assignments, results, seen, fy });
    rows.push(out.report);
    if (out.accepted) accepted.push(out.accepted);
  }
  return { rows, accepted, fy, fileError: null };
}

type RowEnv = {
  ctx: ImportContext;
  assignments: Map<string, AssignmentRecord>;
  results: Map<string, { text: string; version: number }>;
  seen: Set<string>;
  fy: number | null;
};

function checkRow(
  row: number,
  get: (k: TemplateKey) => ImportCell | undefined,
  env: RowEnv,
): { report: ImportRow; accepted: AcceptedRow | null } {
  const errors: ImportIssue[] = [];
  const changes: ImportChange[] = [];
  const text = (k: TemplateKey) => get(k)?.text ?? '';
  for (const k of [
    'measureId',
    'ministryId',
    'status',
    'progress',
    'narrative',
    'result',
    'comment',
    'version',
    'resultVersion',
  ] as const) {
    if (get(k)?.formula)
      errors.push(
        issue(
          k,
          '数式のセルは受け付けません。値として貼り付けてください',
          'Formula cells are not accepted; paste the values instead',
        ),
      );
  }
  const measureId = text('measureId').trim();
  const ministryId = text('ministryId').trim();
  const report = (): ImportRow => ({
    row,
    measureId: measureId || null,
    ministryId: ministryId || null,
    changes,
    errors,
  });
  if (!env.ctx.index.measureById.has(measureId)) {
    errors.push(
      issue(
        'measureId',
        `施策コードが見つかりません: ${measureId || '（空）'}`,
        `Unknown measure: ${measureId || '(empty)'}`,
      ),
    );
    return { report: report(), accepted: null };
  }
  if (env.ctx.ministryId && ministryId !== env.ctx.ministryId) {
    errors.push(
      issue(
        'ministryId',
        `他の府省庁の行です（${ministryId || '空'}）。このファイルは ${env.ctx.ministryId} 用です`,
        `Another ministry's row (${ministryId || 'empty'}); this file is for ${env.ctx.ministryId}`,
      ),
    );
    return { report: report(), accepted: null };
  }
  const key = `${measureId}\u0000${ministryId}`;
  const a = env.assignments.get(key);
  if (!a) {
    errors.push(
      issue(
        'ministryId',
        `この施策に ${ministryId || '（空）'} の担当はありません`,
        `${ministryId || '(empty)'} has no assignment on this measure`,
      ),
    );
    return { report: report(), accepted: null };
  }
  if (env.seen.has(key))
    errors.push(issue(null, '同じ施策・府省庁の行が重複しています', 'The same measure and ministry appear twice'));
  env.seen.add(key);

  const status = parseStatus(text('status'));
  if (!status)
    errors.push(
      issue(
        'status',
        `状況が不正です: 「${text('status')}」（未着手・実施中・完了・中止のいずれか）`,
        `Invalid status "${text('status')}" (not started, in progress, completed or suspended)`,
      ),
    );
  const progress = parseProgress(text('progress'));
  if (progress === null)
    errors.push(
      issue(
        'progress',
        `進捗は0〜100の整数で入力してください: 「${text('progress')}」`,
        `Progress must be a whole number 0–100: "${text('progress')}"`,
      ),
    );
  if (status && progress !== null)
    for (const p of statusProgressIssues(status, progress)) errors.push({ field: 'progress', message: p.message });
  const narrative = get('narrative') ? text('narrative') : a.narrative;
  if (narrative.length > MAX_TEXT)
    errors.push(
      issue(
        'narrative',
        '成果・進捗状況が長すぎます（10000文字まで）',
        'Results and progress is too long (10000 characters)',
      ),
    );
  const comment = text('comment').trim();
  if (comment.length > MAX_COMMENT)
    errors.push(issue('comment', '更新理由が長すぎます（2000文字まで）', 'The reason is too long (2000 characters)'));

  if (status && status !== a.status)
    changes.push({ field: 'status', from: STATUS_LABELS[a.status].ja, to: STATUS_LABELS[status].ja });
  if (progress !== null && progress !== a.progress)
    changes.push({ field: 'progress', from: String(a.progress), to: String(progress) });
  if (normaliseText(narrative) !== normaliseText(a.narrative))
    changes.push({ field: 'narrative', from: a.narrative, to: narrative });
  const assignmentChanged = changes.length > 0;
  const version = parseVersion(text('version'));
  if (assignmentChanged && version !== a.version) errors.push(versionIssue('version', version, a.version));

  let result: AcceptedRow['result'] = null;
  if (get('result') && env.fy !== null) {
    const current = env.results.get(key);
    const next = text('result');
    if (next.length > MAX_TEXT)
      errors.push(
        issue(
          'result',
          '年度の成果が長すぎます（10000文字まで）',
          'Results for the year are too long (10000 characters)',
        ),
      );
    if (normaliseText(next) !== normaliseText(current?.text ?? '')) {
      changes.push({ field: 'result', from: current?.text ?? '', to: next });
      const rv = parseVersion(text('resultVersion') || '0');
      if (rv !== (current?.version ?? 0)) errors.push(versionIssue('resultVersion', rv, current?.version ?? 0));
      result = { text: next, baseVersion: current?.version ?? 0 };
    }
  }
  const ok = errors.length === 0 && changes.length > 0;
  return {
    report: report(),
    accepted: ok
      ? {
          row,
          measureId,
          ministryId,
          assignment: assignmentChanged
            ? { status: status!, progress: progress!, narrative, baseVersion: a.version }
            : null,
          result,
          comment,
        }
      : null,
  };
}

function versionIssue(field: string, seen: number | null, now: number): ImportIssue {
  return issue(
    field,
    `テンプレート作成後に更新されています（版 ${seen ?? '空'} → ${now}）。最新のテンプレートを取得してください`,
    `Changed since the template was produced (version ${seen ?? 'empty'} → ${now}); download a fresh template`,
  );
}

/** Line endings differ between spreadsheet programs; they are not a change. */
function normaliseText(s: string): string {
  return s.replace(/\r\n?/g, '\n').trim();
}

export function parseProgress(text: string): number | null {
  const t = text.normalize('NFKC').trim().replace(/%$/, '').trim();
  if (!/^\d{1,3}(\.0+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
}

function parseVersion(text: string): number | null {
  const t = text.normalize('NFKC').trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}
