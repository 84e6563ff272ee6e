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

/** The template's own column: which round the file answers (a file from another round is refused). */
const ROUND_COLUMN = {
  key: 'roundId',
  label: { ja: '照会ID（編集不可）', en: 'Round ID (do not edit)' },
  kind: 'text',
  width: 38,
} as const;
const COLUMNS = [...TEMPLATE_COLUMNS, ROUND_COLUMN];
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
    const owing = new Set(
      (await store.roundRows(round.id, ministryId ?? undefined))
        .filter((r) => !isAnswered(r.state))
        .map((r) => `${r.measureId}\u0000${r.ministryId}`),
    );
    const rows = templateRows(await plan(), await store.annual(round.fy), round.fy, ministryId)
      .filter((r) => owing.has(`${String(r.measureId)}\u0000${String(r.ministryId)}`))
      .map((r) => ({ ...r, roundId: round.id }));
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
      const num = (k: 'version' | 'resultVersion') => Number(cells[cols.get(k) ?? -1]?.text.trim() || '0');
      for (const row of own) {
        const values = row.kind === 'assignment' ? a?.assignment : row.kind === 'result' ? a?.result : undefined;
        if (row.kind === 'nextPlan') continue; // next year's plan is answered on the checklist
        const given: GivenAnswer = {
          rowId: row.id,
          version: row.version,
          baseVersion: row.kind === 'assignment' ? num('version') : num('resultVersion'),
          unchanged: values === undefined || values === null,
          values: values ?? {},
        };
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

/** Refuses, before any row is read, a file made for another round, fiscal year or (for a liaison) ministry. */
function checkFileIsFor(table: ImportTable, roundId: string, fy: number, ministryId: string | null): void {
  const headers = [
    `${ROUND_COLUMN.label.ja} / ${ROUND_COLUMN.label.en}`,
    ROUND_COLUMN.label.ja,
    ROUND_COLUMN.label.en,
    ROUND_COLUMN.key,
  ].map(norm);
  const at = table.header.findIndex((h) => headers.includes(norm(h)));
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
