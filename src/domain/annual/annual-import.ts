import { headerText, nfkc, parseStatus, TEMPLATE_COLUMNS, type TemplateKey } from './annual-export';
import type { AnnualData, ImportChange, ImportIssue, ImportRow } from '@/domain/contract';
import type { AssignmentRecord } from '@/domain/plan';
import type { PlanIndex } from '@/domain/plan';
import { STATUS_LABELS, type Status } from '@/domain/plan';
import { statusProgressIssues } from '@/domain/contract';

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
    // Each half names the columns in its own language: a header's own " / " would split the message.
    const labels = missing.map((k) => TEMPLATE_COLUMNS.find((c) => c.key === k)!.label);
    const ja = labels.map((l) => `「${l.ja}」`).join('、');
    const en = labels.map((l) => `"${l.en}"`).join(', ');
    return {
      rows: [],
      accepted: [],
      fy: null,
      fileError: `見出し行に必要な列がありません: ${ja}。トラッカーが出力したテンプレートを使い、文字コード（UTF-8 または Shift_JIS）を確認してください / The header row lacks required columns: ${en}. Use the template the tracker produced and check the encoding (UTF-8 or Shift_JIS)`,
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
  const env: RowEnv = { ctx, cols: columnPositions(cols), results, seen: new Set(), fy };
  const rows: ImportRow[] = [];
  const accepted: AcceptedRow[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.every((c) => !c.text.trim())) continue;
    const out = checkRow(row, cells, env);
    rows.push(out.report);
    if (out.accepted) accepted.push(out.accepted);
  }
  return { rows, accepted, fy, fileError: null };
}

/** Each template column's position in the file, or -1 where the file lacks it. */
type Positions = Record<TemplateKey, number>;

function columnPositions(cols: Map<TemplateKey, number>): Positions {
  return Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, cols.get(c.key) ?? -1])) as Positions;
}

/** Columns whose formulas would change something: refused rather than evaluated. */
const FORMULA_CHECKED = [
  'measureId',
  'ministryId',
  'status',
  'progress',
  'narrative',
  'result',
  'comment',
  'version',
  'resultVersion',
] as const satisfies readonly TemplateKey[];

type RowEnv = {
  ctx: ImportContext;
  cols: Positions;
  results: Map<string, { text: string; version: number }>;
  seen: Set<string>;
  fy: number | null;
};

/** The assignment a row names, found through the plan index (a measure has a handful). */
function assignmentOf(index: PlanIndex, measureId: string, ministryId: string): AssignmentRecord | undefined {
  const tracks = index.tracksByMeasure.get(measureId);
  if (!tracks) return undefined;
  for (const t of tracks) if (t.record.ministryId === ministryId) return t.record;
  return undefined;
}

// Per-row helpers are module functions, not closures: 10,000 rows would make 30,000 closures.
function cellAt(cells: readonly ImportCell[], env: RowEnv, k: TemplateKey): ImportCell | undefined {
  const at = env.cols[k];
  return at < 0 ? undefined : cells[at];
}

const textAt = (cells: readonly ImportCell[], env: RowEnv, k: TemplateKey): string => cellAt(cells, env, k)?.text ?? '';

function refusedRow(row: number, measureId: string, ministryId: string, errors: ImportIssue[]) {
  return {
    report: { row, measureId: measureId || null, ministryId: ministryId || null, changes: [], errors },
    accepted: null,
  };
}

function checkRow(
  row: number,
  cells: readonly ImportCell[],
  env: RowEnv,
): { report: ImportRow; accepted: AcceptedRow | null } {
  const errors: ImportIssue[] = [];
  const changes: ImportChange[] = [];
  for (const k of FORMULA_CHECKED) {
    if (cellAt(cells, env, k)?.formula)
      errors.push(
        issue(
          k,
          '数式のセルは受け付けません。値として貼り付けてください',
          'Formula cells are not accepted; paste the values instead',
        ),
      );
  }
  const measureId = textAt(cells, env, 'measureId').trim();
  const ministryId = textAt(cells, env, 'ministryId').trim();
  if (!env.ctx.index.measureById.has(measureId)) {
    errors.push(
      issue(
        'measureId',
        `施策コードが見つかりません: ${measureId || '（空）'}`,
        `Unknown measure: ${measureId || '(empty)'}`,
      ),
    );
    return refusedRow(row, measureId, ministryId, errors);
  }
  if (env.ctx.ministryId && ministryId !== env.ctx.ministryId) {
    errors.push(
      issue(
        'ministryId',
        `他の府省庁の行です（${ministryId || '空'}）。このファイルは ${env.ctx.ministryId} 用です`,
        `Another ministry's row (${ministryId || 'empty'}); this file is for ${env.ctx.ministryId}`,
      ),
    );
    return refusedRow(row, measureId, ministryId, errors);
  }
  const key = `${measureId}\u0000${ministryId}`;
  const a = assignmentOf(env.ctx.index, measureId, ministryId);
  if (!a) {
    errors.push(
      issue(
        'ministryId',
        `この施策に ${ministryId || '（空）'} の担当はありません`,
        `${ministryId || '(empty)'} has no assignment on this measure`,
      ),
    );
    return refusedRow(row, measureId, ministryId, errors);
  }
  if (env.seen.has(key))
    errors.push(issue(null, '同じ施策・府省庁の行が重複しています', 'The same measure and ministry appear twice'));
  env.seen.add(key);

  const statusText = textAt(cells, env, 'status');
  const status = parseStatus(statusText);
  if (!status)
    errors.push(
      issue(
        'status',
        `状況が不正です: 「${statusText}」（未着手・実施中・完了・中止のいずれか）`,
        `Invalid status "${statusText}" (not started, in progress, completed or suspended)`,
      ),
    );
  const progressText = textAt(cells, env, 'progress');
  const progress = parseProgress(progressText);
  if (progress === null)
    errors.push(
      issue(
        'progress',
        `進捗は0〜100の整数で入力してください: 「${progressText}」`,
        `Progress must be a whole number 0–100: "${progressText}"`,
      ),
    );
  if (status && progress !== null)
    for (const p of statusProgressIssues(status, progress)) errors.push({ field: 'progress', message: p.message });
  const narrativeCell = cellAt(cells, env, 'narrative');
  const narrative = narrativeCell ? narrativeCell.text : a.narrative;
  if (narrative.length > MAX_TEXT)
    errors.push(
      issue(
        'narrative',
        '成果・進捗状況が長すぎます（10000文字まで）',
        'Results and progress is too long (10000 characters)',
      ),
    );
  const comment = textAt(cells, env, 'comment').trim();
  if (comment.length > MAX_COMMENT)
    errors.push(issue('comment', '更新理由が長すぎます（2000文字まで）', 'The reason is too long (2000 characters)'));

  if (status && status !== a.status)
    changes.push({ field: 'status', from: STATUS_LABELS[a.status].ja, to: STATUS_LABELS[status].ja });
  if (progress !== null && progress !== a.progress)
    changes.push({ field: 'progress', from: String(a.progress), to: String(progress) });
  if (narrative !== a.narrative && normaliseText(narrative) !== normaliseText(a.narrative))
    changes.push({ field: 'narrative', from: a.narrative, to: narrative });
  const assignmentChanged = changes.length > 0;
  const version = parseVersion(textAt(cells, env, 'version'));
  if (assignmentChanged && version !== a.version) errors.push(versionIssue('version', version, a.version));

  let result: AcceptedRow['result'] = null;
  const resultCell = cellAt(cells, env, 'result');
  if (resultCell && env.fy !== null) {
    const current = env.results.get(key);
    const next = resultCell.text;
    if (next.length > MAX_TEXT)
      errors.push(
        issue(
          'result',
          '年度の成果が長すぎます（10000文字まで）',
          'Results for the year are too long (10000 characters)',
        ),
      );
    const before = current?.text ?? '';
    if (next !== before && normaliseText(next) !== normaliseText(before)) {
      changes.push({ field: 'result', from: before, to: next });
      const rv = parseVersion(textAt(cells, env, 'resultVersion') || '0');
      if (rv !== (current?.version ?? 0)) errors.push(versionIssue('resultVersion', rv, current?.version ?? 0));
      result = { text: next, baseVersion: current?.version ?? 0 };
    }
  }
  const ok = errors.length === 0 && changes.length > 0;
  return {
    report: { row, measureId: measureId || null, ministryId: ministryId || null, changes, errors },
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
  const t = nfkc(text).trim().replace(/%$/, '').trim();
  if (!/^\d{1,3}(\.0+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : null;
}

function parseVersion(text: string): number | null {
  const t = nfkc(text).trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}
