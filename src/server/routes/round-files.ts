import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { evaluateImport, mapHeader, TEMPLATE_COLUMNS, templateRows, type ImportTable } from '@/domain/annual';
import type { ImportRow } from '@/domain/contract';
import { ROUND_ROUTES } from '@/domain/routes';
import { isAnswered, type RoundImportReport, type RoundRow } from '@/domain/rounds';
import { parseUploadHere, type UploadParser } from '../annual/upload-parse';
import type { AppEnv } from '../context';
import { ApiError, forbidden, invalidParams } from '../errors';
import { answerCommit, checkAnswer, type GivenAnswer } from '../rounds/answers';
import { parseQuery } from '../validate';
import { send } from './export';
import { IMPORT_FILE_LIMIT, readUpload } from './import';
import { commitRows } from './round-answers';
import { loadRound, roundClosed, type RoundDeps } from './rounds';

/**
 * The round template's own columns, beyond the annual template's:
 *   - next year's plan (年次計画), which an annual round asks of each measure's lead ministry only,
 *     blank on the other rows (a plan written on one of them is refused);
 *   - the version of the plan the file was made at (a stale file is refused, as on the checklist);
 *   - which round the file answers (a file from another round is refused).
 */
const [NEXT_PLAN_COLUMN, PLAN_VERSION_COLUMN, ROUND_COLUMN] = [
  {
    key: 'nextPlan',
    label: { ja: '翌年度の計画（主担当府省庁のみ）', en: 'Plan for next year (lead ministry only)' },
    kind: 'text',
    width: 50,
  },
  {
    key: 'planVersion',
    label: { ja: '計画の版（編集不可）', en: 'Plan version (do not edit)' },
    kind: 'int',
    width: 10,
  },
  { key: 'roundId', label: { ja: '照会ID（編集不可）', en: 'Round ID (do not edit)' }, kind: 'text', width: 38 },
] as const;
const AFTER_RESULT = TEMPLATE_COLUMNS.findIndex((c) => c.key === 'result') + 1;
const COLUMNS = [
  ...TEMPLATE_COLUMNS.slice(0, AFTER_RESULT),
  NEXT_PLAN_COLUMN,
  ...TEMPLATE_COLUMNS.slice(AFTER_RESULT),
  PLAN_VERSION_COLUMN,
  ROUND_COLUMN,
];
const refused = (code: string, message: string) => new ApiError(422, code, message);

/** A round's template (the rows a ministry still owes) and uploading it back as answers. */
export function roundFileRoutes(deps: RoundDeps & { uploads?: UploadParser }) {
  const { store, plan, clock, uploads = parseUploadHere } = deps;
  const app = new Hono<AppEnv>();

  app.get('/rounds/:id/template', async (c) => {
    const q = parseQuery(c, ROUND_ROUTES.roundTemplate.query);
    const user = c.get('user')!;
    if (user.role === 'liaison' && q.ministry && q.ministry !== user.ministryId)
      throw forbidden('自府省庁のテンプレートのみ出力できます / You can download only your own ministry’s template');
    const round = await loadRound(deps, c.req.param('id'));
    const ministryId = user.role === 'liaison' ? user.ministryId : (q.ministry ?? null);
    if (ministryId !== null && !round.ministryIds.includes(ministryId))
      throw invalidParams([
        { path: 'ministry', message: `この照会の対象ではない府省庁です / Not a ministry of this round: ${ministryId}` },
      ]);
    // A line per pair that still owes a row. Like its other columns, its plan columns show the record
    // as it stands (on the lead ministry's lines), whether or not that row is still owed: a line whose
    // plan was answered on the checklist then reads back unchanged.
    const owing = new Set<string>();
    const asksPlan = new Set<string>();
    for (const r of await store.roundRows(round.id, ministryId ?? undefined)) {
      const pair = `${r.measureId}\u0000${r.ministryId}`;
      if (!isAnswered(r.state)) owing.add(pair);
      if (r.kind === 'nextPlan') asksPlan.add(pair);
    }
    const annual = await store.annual(round.fy);
    const plans = new Map(annual.plans.map((p) => [p.measureId, p]));
    const rows = templateRows(await plan(), annual, round.fy, ministryId).flatMap((r) => {
      const pair = `${String(r.measureId)}\u0000${String(r.ministryId)}`;
      if (!owing.has(pair)) return [];
      const p = plans.get(String(r.measureId));
      const lead = asksPlan.has(pair);
      return [
        {
          ...r,
          nextPlan: lead ? (p?.nextPlanText ?? '') : '',
          planVersion: lead ? (p?.version ?? 0) : null,
          roundId: round.id,
        },
      ];
    });
    return send(c, {
      name: `round-${round.id.slice(0, 8)}-${ministryId ?? 'all'}`,
      title: `照会 ${round.title} ${ministryId ?? '全府省庁'}`,
      subject: `tracker-template ministry=${ministryId ?? ''} fy=${round.fy} round=${round.id} at=${clock.now()}`,
      columns: COLUMNS,
      rows,
      format: q.format ?? 'xlsx',
      encoding: undefined,
    });
  });

  const limit = bodyLimit({
    maxSize: IMPORT_FILE_LIMIT,
    onError: () => {
      throw new ApiError(
        413,
        'payload_too_large',
        'ファイルが大きすぎます（上限 5 MB）/ The file is too large (at most 5 MB)',
      );
    },
  });

  app.post('/rounds/:id/import', limit, async (c) => {
    const dryRun = parseQuery(c, ROUND_ROUTES.importRound.query).dryRun === 'true';
    const round = await loadRound(deps, c.req.param('id'));
    if (round.state === 'closed') throw roundClosed();
    const user = c.get('user')!;
    const { parsed, fileName } = await readUpload(c, uploads);
    checkFileIsFor(parsed.table, round.id, round.fy, user.role === 'liaison' ? user.ministryId : null);
    const [index, annual] = await Promise.all([plan(), store.annual(round.fy)]);
    const plans = new Map(annual.plans.map((p) => [p.measureId, p]));
    const ministryId = user.role === 'liaison' ? user.ministryId : null;
    const evaluation = evaluateImport(parsed.table, { index, annual: () => annual, ministryId });
    if (evaluation.fileError) throw refused('file_refused', evaluation.fileError);
    const rows = await store.roundRows(round.id, ministryId ?? undefined);
    const byPair = new Map<string, RoundRow[]>();
    for (const r of rows)
      byPair.set(`${r.measureId}\u0000${r.ministryId}`, [
        ...(byPair.get(`${r.measureId}\u0000${r.ministryId}`) ?? []),
        r,
      ]);
    const accepted = new Map(evaluation.accepted.map((a) => [a.row, a]));
    const cols = mapHeader(parsed.table.header);
    const planAt = columnOf(parsed.table.header, NEXT_PLAN_COLUMN);
    const planVersionAt = columnOf(parsed.table.header, PLAN_VERSION_COLUMN);
    const cellsOf = new Map(parsed.table.rows.map((r) => [r.row, r.cells]));
    const now = clock.now();
    const answered: RoundRow[] = [];
    const report: ImportRow[] = evaluation.rows.map((line) => {
      if (line.errors.length) return line;
      const errors: ImportRow['errors'] = [];
      const own = byPair.get(`${line.measureId}\u0000${line.ministryId}`) ?? [];
      if (!own.length)
        errors.push({
          field: null,
          message: 'この照会で求められていない行です / This row is not asked for in this round',
        });
      const a = accepted.get(line.row);
      const cells = cellsOf.get(line.row) ?? [];
      const num = (at: number) => Number(cells[at]?.text.trim() || '0');
      const planText = planAt < 0 ? '' : (cells[planAt]?.text.trim() ?? '');
      if (planText && !own.some((r) => r.kind === 'nextPlan'))
        errors.push({
          field: null,
          message:
            '翌年度の計画は、施策の主担当府省庁の行にのみ記入できます / Next year’s plan is written on the lead ministry’s row of a measure only',
        });
      for (const row of own) {
        const given: GivenAnswer = { rowId: row.id, version: row.version, baseVersion: 0, unchanged: true, values: {} };
        if (row.kind === 'nextPlan') {
          const current = plans.get(row.measureId)?.nextPlanText ?? '';
          given.baseVersion = num(planVersionAt);
          given.unchanged = planAt < 0 || planText === current.trim();
          if (!given.unchanged) given.values = { text: planText };
        } else {
          const values = row.kind === 'assignment' ? a?.assignment : a?.result;
          given.baseVersion = num(cols.get(row.kind === 'assignment' ? 'version' : 'resultVersion') ?? -1);
          given.unchanged = values === undefined || values === null;
          given.values = values ?? {};
        }
        // Answered since the file was made, or on the checklist: the file holds the record as it was,
        // and must not replace that answer with it. A change to it is refused, not dropped.
        if (isAnswered(row.state)) {
          if (!given.unchanged)
            errors.push({
              field: null,
              message:
                'この行はすでに回答済みです。回答の変更は照会のチェックリストで行ってください / This row has been answered already; change the answer on the round’s checklist',
            });
          continue;
        }
        const check = checkAnswer(given, row, round, index, annual, user, now);
        if (check.ok) answered.push(check.next);
        else errors.push({ field: null, message: check.message });
      }
      return errors.length ? { ...line, errors } : line;
    });
    const withErrors = report.filter((r) => r.errors.length).length;
    const out: RoundImportReport = {
      rows: report,
      summary: {
        rows: report.length,
        answers: answered.length,
        unchanged: answered.filter((r) => r.unchanged).length,
        withErrors,
        dryRun,
        committed: false,
      },
    };
    if (dryRun) return c.json(out);
    if (withErrors > 0)
      return c.json(
        {
          error: {
            code: 'import_has_errors',
            message: `${withErrors} 行に問題があるため、何も取り込んでいません / ${withErrors} rows have problems, so nothing was imported`,
          },
          ...out,
        },
        422,
      );
    if (answered.length === 0) return c.json(out);
    const { changes, audit } = await answerCommit(
      store,
      round,
      index,
      answered,
      user,
      now,
      clock.today(),
      c.get('requestId') ?? null,
      fileName,
    );
    await commitRows(deps, changes, audit);
    return c.json({ ...out, summary: { ...out.summary, committed: true } });
  });
  return app;
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Where the file has one of the round's own columns (by its header as written, either language, or key); -1 if not. */
function columnOf(header: readonly string[], column: { key: string; label: { ja: string; en: string } }): number {
  const names = [`${column.label.ja} / ${column.label.en}`, column.label.ja, column.label.en, column.key].map(norm);
  return header.findIndex((h) => names.includes(norm(h)));
}

/** Refuses, before any row is read, a file made for another round, fiscal year or (for a liaison) ministry. */
function checkFileIsFor(table: ImportTable, roundId: string, fy: number, ministryId: string | null): void {
  const at = columnOf(table.header, ROUND_COLUMN);
  if (at < 0)
    throw refused(
      'not_a_round_template',
      'この照会のテンプレートではありません（照会IDの列がありません）。照会の画面からテンプレートを取得してください / This is not a template of this round (no Round ID column); download the template from the round’s page',
    );
  const cols = mapHeader(table.header);
  for (const r of table.rows) {
    if (r.cells.every((x) => !x.text.trim())) continue;
    const id = r.cells[at]?.text.trim() ?? '';
    if (id !== roundId)
      throw refused(
        'wrong_round',
        `別の照会のテンプレートです（行 ${r.row}）。この照会のテンプレートを取得し直してください / The file is a template of another round (row ${r.row}); download this round’s template`,
      );
    const fileFy = r.cells[cols.get('fy') ?? -1]?.text.trim();
    if (fileFy && fileFy !== String(fy))
      throw refused(
        'wrong_round',
        `年度が照会と異なります（行 ${r.row}）/ The fiscal year differs from the round’s (row ${r.row})`,
      );
    const m = r.cells[cols.get('ministryId') ?? -1]?.text.trim();
    if (ministryId && m && m !== ministryId)
      throw refused(
        'wrong_ministry',
        `他の府省庁（${m}）のテンプレートです。自府省庁のテンプレートを取得してください / The file is another ministry’s template (${m}); download your own`,
      );
  }
}
