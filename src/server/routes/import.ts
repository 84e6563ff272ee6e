import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { evaluateImport, mapHeader, type AcceptedRow, type ImportTable } from '@/domain/annual';
import type { AnnualData, ImportReport } from '@/domain/contract';
import { FIRST_FY, LAST_FY } from '@/domain/contract';
import { ANNUAL_ROUTES } from '@/domain/routes';
import type { PlanIndex } from '@/domain/plan';
import { applyAssignmentPatch } from '@/domain/contract';
import { parseUploadHere, type ParsedUpload, type UploadParser } from '../annual/upload-parse';
import type { AppEnv, Deps } from '../context';
import { newResultSubmission } from './result-submissions';
import { ApiError, forbidden, staleVersion } from '../errors';
import { StaleVersionError, type Change, type NewAuditEntry, type UserRecord } from '../store/port';
import { parseQuery } from '../validate';

/** Uploads are files, not JSON: their own limit, well above the API's 256 KB for JSON bodies. */
export const IMPORT_FILE_LIMIT = 5 * 1024 * 1024;

type Ctx = Context<AppEnv>;
type Parsed = ParsedUpload;

const refused = (message: string) => new ApiError(422, 'file_refused', message);
const EMPTY: AnnualData = { fiscalYear: null, plans: [], results: [] };

/** POST /api/import: dry run, or commit every valid row in one transaction, or nothing at all. */
export function importRoutes(deps: Deps & { plan: () => Promise<PlanIndex>; uploads?: UploadParser }) {
  const { store, plan, uploads = parseUploadHere } = deps;
  const app = new Hono<AppEnv>();
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

  app.post('/import', limit, async (c) => {
    const q = parseQuery(c, ANNUAL_ROUTES.importTemplate.query);
    const user = c.get('user')!;
    if (user.role === 'liaison' && q.ministry && q.ministry !== user.ministryId)
      throw forbidden('自府省庁の行のみ取り込めます / You can import only your own ministry’s rows');
    const { parsed, fileName } = await readUpload(c, uploads);
    const ministryId = user.role === 'liaison' ? user.ministryId : (q.ministry ?? parsed.ministryId);
    const index = await plan();
    const annual = await loadYears(deps, parsed.table);
    const evaluation = evaluateImport(parsed.table, { index, annual: (fy) => annual.get(fy) ?? EMPTY, ministryId });
    if (evaluation.fileError) throw refused(evaluation.fileError);
    const report = summarise(evaluation.rows, parsed, ministryId, evaluation.fy, q.dryRun === 'true', user);
    if (q.dryRun === 'true') return c.json(report);
    if (report.summary.withErrors > 0)
      return c.json(
        {
          error: {
            code: 'import_has_errors',
            message: `${report.summary.withErrors} 行に問題があるため、何も取り込んでいません / ${report.summary.withErrors} rows have problems, so nothing was imported`,
          },
          ...report,
        },
        422,
      );
    if (evaluation.accepted.length === 0) return c.json(report);
    const year = evaluation.fy === null ? EMPTY : (annual.get(evaluation.fy) ?? EMPTY);
    if (user.role === 'liaison' && evaluation.fy !== null)
      await refusePendingResults(deps, evaluation.fy, evaluation.accepted, index);
    const { changes, audit } = buildCommit(deps, c, index, evaluation.accepted, { fy: evaluation.fy, year }, fileName);
    try {
      await store.commit(changes, audit);
    } catch (error) {
      if (error instanceof StaleVersionError) throw staleVersion(undefined);
      throw error;
    }
    return c.json({ ...report, summary: { ...report.summary, committed: true } });
  });
  return app;
}

/**
 * The body goes to `uploads` as received: on the server a worker thread parses the multipart body
 * and the file (upload-pool.ts), so neither a large nor a hostile upload holds up other requests.
 */
export async function readUpload(c: Ctx, uploads: UploadParser) {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType))
    throw new ApiError(
      415,
      'unsupported_media_type',
      'multipart/form-data の file として送信してください / Send the file as multipart/form-data field "file"',
    );
  const outcome = await uploads({ body: new Uint8Array(await c.req.arrayBuffer()), contentType });
  if (outcome.ok) return outcome;
  if (outcome.missingFile)
    throw new ApiError(422, 'validation_failed', outcome.message, [
      { path: 'file', message: 'ファイルを選んでください / Choose a file' },
    ]);
  throw refused(outcome.message);
}

/** A result that already awaits review cannot take a second submission: say which, and import nothing. */
async function refusePendingResults(deps: Deps, fy: number, accepted: AcceptedRow[], index: PlanIndex) {
  const keys = new Set(accepted.filter((r) => r.result).map((r) => `${r.measureId}/${r.ministryId}`));
  if (keys.size === 0) return;
  const pending = (await deps.store.listResultSubmissions({ state: 'pending', fy })).filter((s) =>
    keys.has(`${s.measureId}/${s.ministryId}`),
  );
  if (pending.length === 0) return;
  const codes = pending.map((s) => index.measureById.get(s.measureId)?.code ?? s.measureId).join(', ');
  throw new ApiError(
    409,
    'pending_exists',
    `審査待ちの成果の提出があるため、何も取り込んでいません（${codes}）/ Results awaiting review already exist, so nothing was imported (${codes})`,
  );
}

async function loadYears(deps: Deps, table: ImportTable): Promise<Map<number, AnnualData>> {
  const col = mapHeader(table.header).get('fy');
  const years = new Set<number>();
  if (col !== undefined)
    for (const r of table.rows) {
      const n = Number(r.cells[col]?.text.trim());
      if (Number.isInteger(n) && n >= FIRST_FY && n <= LAST_FY) years.add(n);
      if (years.size > 1) break;
    }
  const out = new Map<number, AnnualData>();
  for (const fy of years) out.set(fy, await deps.store.annual(fy));
  return out;
}

function summarise(
  rows: ImportReport['rows'],
  parsed: Parsed,
  ministryId: string | null,
  fy: number | null,
  dryRun: boolean,
  user: UserRecord,
): ImportReport {
  const withErrors = rows.filter((r) => r.errors.length > 0).length;
  const changed = rows.filter((r) => r.errors.length === 0 && r.changes.length > 0).length;
  return {
    rows,
    summary: {
      format: parsed.format,
      encoding: parsed.encoding,
      ministryId,
      fy,
      rows: rows.length,
      changed,
      unchanged: rows.length - withErrors - changed,
      withErrors,
      dryRun,
      committed: false,
      mode: user.role === 'liaison' ? 'submission' : 'direct',
    },
  };
}

/**
 * NISC staff's rows update assignments directly (with a progress event each, as the update screen
 * does); a liaison's rows become pending submissions for NISC to review, their results for the year
 * too (decision record 020; NISC staff's results are written directly, decision record 007). One audit
 * entry per row and one for the file.
 */
function buildCommit(
  deps: Deps,
  c: Ctx,
  index: PlanIndex,
  accepted: AcceptedRow[],
  { fy, year }: { fy: number | null; year: AnnualData },
  fileName: string,
) {
  const user = c.get('user')!;
  const now = deps.clock.now();
  const changes: Change[] = [];
  const audit: NewAuditEntry[] = [];
  const entry = (action: string, entity: string, entityId: string, before: unknown, after: unknown) =>
    audit.push({
      at: now,
      actor: user.email,
      action,
      entity,
      entityId,
      before,
      after,
      requestId: c.get('requestId') ?? null,
    });
  for (const row of accepted) {
    const a = index.tracksByMeasure.get(row.measureId)?.find((t) => t.record.ministryId === row.ministryId)?.record;
    if (!a) continue;
    const comment = row.comment || `ファイル取込 / Imported from ${fileName}`;
    if (row.assignment && user.role === 'liaison') {
      const id = randomUUID();
      const { status, progress, narrative, baseVersion } = row.assignment;
      changes.push({
        kind: 'submission',
        expectVersion: null,
        next: {
          id,
          measureId: a.measureId,
          ministryId: a.ministryId,
          baseVersion,
          status,
          progress,
          narrative,
          evidence: row.comment,
          state: 'pending',
          submittedBy: user.email,
          submittedAt: now,
          reviewedBy: null,
          reviewedAt: null,
          reviewComment: null,
          version: 1,
        },
      });
      entry('submission.create', 'submission', id, undefined, {
        measureId: a.measureId,
        ministryId: a.ministryId,
        status,
        progress,
        source: fileName,
        row: row.row,
      });
    } else if (row.assignment) {
      const outcome = applyAssignmentPatch(a, row.assignment);
      if (!outcome.ok) continue; // evaluateImport has already refused such rows
      changes.push({ kind: 'assignment', expectVersion: row.assignment.baseVersion, next: outcome.next });
      if (outcome.progressChanged)
        changes.push({
          kind: 'event',
          event: {
            measureId: a.measureId,
            ministryId: a.ministryId,
            effectiveOn: deps.clock.today(),
            status: outcome.next.status,
            progress: outcome.next.progress,
            narrative: outcome.next.narrative,
            actor: user.email,
            submittedBy: null,
            comment,
            recordedAt: now,
            origin: 'user',
          },
        });
      entry(
        'assignment.update',
        'assignment',
        `${a.measureId}/${a.ministryId}`,
        { status: a.status, progress: a.progress, narrative: a.narrative },
        {
          status: outcome.next.status,
          progress: outcome.next.progress,
          narrative: outcome.next.narrative,
          comment,
          source: fileName,
          row: row.row,
        },
      );
    }
    if (row.result && fy !== null && user.role === 'liaison') {
      const current = year.results.find((r) => r.measureId === a.measureId && r.ministryId === a.ministryId);
      const next = newResultSubmission({
        fy,
        measureId: a.measureId,
        ministryId: a.ministryId,
        text: row.result.text,
        note: row.comment,
        current,
        by: user.email,
        at: now,
      });
      // The version the file was filled against: approval is refused if the record moved since.
      next.baseVersion = row.result.baseVersion;
      changes.push({ kind: 'resultSubmission', expectVersion: null, next });
      entry('resultSubmission.create', 'resultSubmission', next.id, undefined, {
        fy,
        measureId: a.measureId,
        ministryId: a.ministryId,
        text: row.result.text,
        source: fileName,
        row: row.row,
      });
    } else if (row.result && fy !== null) {
      const base = row.result.baseVersion;
      changes.push({
        kind: 'annualResult',
        expectVersion: base === 0 ? null : base,
        next: {
          fy,
          measureId: a.measureId,
          ministryId: a.ministryId,
          text: row.result.text,
          updatedBy: user.email,
          updatedAt: now,
          version: base + 1,
        },
      });
      entry('result.update', 'annualResult', `${fy}/${a.measureId}/${a.ministryId}`, null, {
        text: row.result.text,
        source: fileName,
        row: row.row,
      });
    }
  }
  entry('import.commit', 'import', fileName, undefined, { rows: accepted.length, changes: changes.length, fy });
  return { changes, audit };
}
