import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, json, storeState, type Client, type World } from '../../../tests/support/world';
import { ImportReportSchema, type ImportReport } from '@/domain/contract';
import { parseCsv } from '@/domain/annual';
import { patchXlsx, zipBomb } from '../annual/zip-testing';
import { readXlsx } from '../annual/xlsx-read';
import { client, signIn } from '../testing';

let w: World;
beforeEach(async () => {
  w = await createWorld({ scenario: true });
});

type As = ReturnType<typeof client> & { headers: Record<string, string> };

/** Signs in and keeps the session's headers, for multipart uploads the JSON test client cannot send. */
async function as(who: 'liaison' | 'staff' | 'viewer'): Promise<As> {
  const session = await signIn(w.app, w.clock, who);
  return Object.assign(client(w.app, session), {
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
  });
}

async function upload(c: As, file: Uint8Array | string, name: string, query = 'dryRun=true') {
  const form = new FormData();
  form.set('file', new Blob([typeof file === 'string' ? file : new Uint8Array(file)]), name);
  return w.app.request(`/api/import?${query}`, { method: 'POST', headers: c.headers, body: form });
}

async function download(c: Pick<Client, 'get'>, path: string): Promise<Uint8Array> {
  const res = await c.get(path);
  expect(res.status).toBe(200);
  return new Uint8Array(await res.arrayBuffer());
}

const report = async (res: Response) => ImportReportSchema.parse(await res.json());
const changedRows = (r: ImportReport) => r.rows.filter((x) => x.changes.length > 0);

describe('export', () => {
  it('writes the measures list as UTF-8 CSV with BOM and CRLF, honouring the filters', async () => {
    const bytes = await download(
      await w.as('viewer'),
      '/api/export/measures?area=5.2&status=in_progress&asOf=2016-03-31',
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('\r\n');
    const parsed = parseCsv(text, { maxRows: 1000, maxColumns: 50, maxCellLength: 5000 });
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.rows;
    expect(header![0]).toBe('コード / Code');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r[2] === '5.2' && r[8] === '実施中')).toBe(true);
  });

  it('writes Shift_JIS on request, and neutralises cells that would run as formulas', async () => {
    const staff = await w.as('staff');
    const a = await w.assignment('5.2.1(2)-1', 'npa');
    await staff.patch(
      '/api/measures/5.2.1(2)-1/assignments/npa',
      { narrative: '=HYPERLINK("http://x")', comment: 'c' },
      a.version,
    );
    const bytes = await download(await w.as('liaison'), '/api/export/template?format=csv&encoding=sjis&fy=2015');
    const text = iconv.decode(Buffer.from(bytes), 'cp932');
    expect(text.startsWith('施策コード / Measure code')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('writes XLSX: header in row 1, frozen, no merged cells, a status drop-down, dates as dates', async () => {
    const bytes = await download(await w.as('viewer'), '/api/export/measures?format=xlsx&section=5.2.3');
    const files = (await import('fflate')).unzipSync(bytes);
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).not.toContain('<mergeCell');
    expect(sheet).toMatch(/<dataValidation type="list"[^>]*sqref="I2:I\d+"[\s\S]*?未着手,実施中,完了,中止/);
    const table = readXlsx(bytes, { maxRows: 1000, maxColumns: 50, maxCellLength: 5000 });
    expect(table.header[6]).toBe('期限 / Due');
    expect(table.rows[0]!.cells[6]!.text).toMatch(/^\d{5}$/); // an Excel date serial, not text
  });

  it("gives a liaison exactly their own ministry's assignments, with versions, and nobody else's", async () => {
    const liaison = await w.as('liaison');
    const table = readXlsx(await download(liaison, '/api/export/template?format=xlsx&fy=2015'), {
      maxRows: 1000,
      maxColumns: 50,
      maxCellLength: 10000,
    });
    const npa = (await w.store.snapshot()).assignments.filter((a) => a.ministryId === 'npa');
    expect(table.rows).toHaveLength(npa.length);
    expect(new Set(table.rows.map((r) => r.cells[2]!.text))).toEqual(new Set(['npa']));
    expect(table.meta).toEqual({ ministryId: 'npa', fy: 2015 });
    expect((await liaison.get('/api/export/template?ministry=mic')).status).toBe(403);
    expect((await (await w.as('viewer')).get('/api/export/template?ministry=npa')).status).toBe(403);
  });
});

describe('import: round trip', () => {
  it.each(['csv', 'xlsx'] as const)(
    'a template imported unchanged reports no changes; three edited rows report exactly those (%s)',
    async (format) => {
      const liaison = await as('liaison');
      const bytes = await download(liaison, `/api/export/template?format=${format}&fy=2015`);
      const unchanged = await report(await upload(liaison, bytes, `t.${format}`));
      expect(unchanged.summary).toMatchObject({
        changed: 0,
        withErrors: 0,
        ministryId: 'npa',
        fy: 2015,
        mode: 'submission',
      });
      expect(changedRows(unchanged)).toEqual([]);

      const edited = format === 'csv' ? editCsv(bytes) : editXlsx(bytes);
      const dry = await report(await upload(liaison, edited.file, `t.${format}`));
      expect(dry.summary).toMatchObject({ changed: 3, withErrors: 0 });
      expect(changedRows(dry).map((r) => r.measureId)).toEqual(edited.measureIds);
      expect(changedRows(dry)[0]!.changes).toEqual([
        { field: 'progress', from: expect.any(String) as string, to: '55' },
      ]);
    },
  );

  it('commits a liaison’s rows as pending submissions, all in one write', async () => {
    const liaison = await as('liaison');
    const edited = editCsv(await download(liaison, '/api/export/template?fy=2015'));
    const before = await w.store.snapshot();
    const res = await upload(liaison, edited.file, 't.csv', '');
    expect(res.status).toBe(200);
    expect((await report(res)).summary.committed).toBe(true);
    const pending = await w.store.listSubmissions({ state: 'pending', ministryId: 'npa' });
    expect(pending.map((s) => s.measureId).sort()).toEqual([...edited.measureIds].sort());
    expect((await w.store.snapshot()).assignments).toEqual(before.assignments); // awaiting review
  });

  it('commits NISC staff’s rows directly: assignments, progress events and audit together', async () => {
    const staff = await as('staff');
    const edited = editCsv(await download(staff, '/api/export/template?ministry=npa&fy=2015'));
    const res = await upload(staff, edited.file, 't.csv', 'ministry=npa');
    expect((await report(res)).summary).toMatchObject({ committed: true, mode: 'direct', changed: 3 });
    const snap = await w.store.snapshot();
    for (const id of edited.measureIds)
      expect(snap.assignments.find((a) => a.measureId === id && a.ministryId === 'npa')!.progress).toBe(55);
    expect(snap.events.filter((e) => e.origin === 'user')).toHaveLength(3);
    expect((await w.store.listAudit({ limit: 10, offset: 0, action: 'import.commit' })).total).toBe(1);
    // The same file again: its versions are now stale for rows that still differ — none do.
    expect((await report(await upload(staff, edited.file, 't.csv', 'ministry=npa&dryRun=true'))).summary.changed).toBe(
      0,
    );
  });

  it('reports a row whose assignment changed since the template was produced, and commits nothing', async () => {
    const staff = await as('staff');
    const csv = await download(staff, '/api/export/template?ministry=npa&fy=2015');
    const edited = editCsv(csv);
    const target = edited.measureIds[0]!;
    const a = await w.assignment(target, 'npa');
    await staff.patch(
      `/api/measures/${encodeURIComponent(target)}/assignments/npa`,
      { narrative: '別の更新', comment: 'c' },
      a.version,
    );
    const before = await storeState(w.store);
    const res = await upload(staff, edited.file, 't.csv', 'ministry=npa');
    expect(res.status).toBe(422);
    const body = await report(res);
    expect(body.rows.find((r) => r.measureId === target)!.errors[0]!.message).toMatch(
      /テンプレート作成後に更新.*download a fresh template/,
    );
    expect(await storeState(w.store)).toEqual(before);
  });
});

describe('import: hostile files are refused or reported, and nothing is written', () => {
  async function refusedWithNothingWritten(c: As, file: Uint8Array | string, name: string, query = '') {
    const before = await storeState(w.store);
    const t = performance.now();
    const res = await upload(c, file, name, query);
    const ms = performance.now() - t;
    expect(await storeState(w.store)).toEqual(before);
    return {
      res,
      ms,
      body: await json<{ error?: { code: string; message: string }; rows?: ImportReport['rows'] }>(res),
    };
  }

  it('refuses a file in neither UTF-8 nor Shift_JIS (UTF-16), with a bilingual message', async () => {
    const utf16 = new Uint8Array(Buffer.from('\uFEFF施策コード,状況\r\n', 'utf16le'));
    const { res, body } = await refusedWithNothingWritten(await as('liaison'), utf16, 'x.csv');
    expect(res.status).toBe(422);
    expect(body.error!.message).toMatch(/UTF-8 または Shift_JIS.*UTF-8 or Shift_JIS/);
  });

  it('reads Shift_JIS (cp932) as such, and refuses EUC-JP as an unreadable header', async () => {
    const liaison = await as('liaison');
    const sjis = await download(liaison, '/api/export/template?format=csv&encoding=sjis&fy=2015');
    expect((await report(await upload(liaison, sjis, 'x.csv'))).summary).toMatchObject({
      encoding: 'sjis',
      changed: 0,
      withErrors: 0,
    });
    const euc = new Uint8Array(iconv.encode('施策コード / Measure code,府省庁ID / Ministry ID\r\n', 'euc-jp'));
    const { res, body } = await refusedWithNothingWritten(liaison, euc, 'x.csv');
    expect(res.status).toBe(422);
    expect(body.error!.message).toMatch(/見出し行|文字コード/);
  });

  it('refuses formula cells in an XLSX (never evaluated) and a formula-like CSV cell', async () => {
    const liaison = await as('liaison');
    const xlsx = await download(liaison, '/api/export/template?format=xlsx&fy=2015');
    const planted = patchXlsx(xlsx, (f) => {
      f['xl/worksheets/sheet1.xml'] = f['xl/worksheets/sheet1.xml']!.replace(
        /<c r="I2"([^>]*)>(?:<v>[^<]*<\/v>)?<\/c>/,
        '<c r="I2"$1><f>SUM(1,2)</f><v>3</v></c>',
      );
    });
    const { res, body } = await refusedWithNothingWritten(liaison, planted, 'x.xlsx');
    expect(res.status).toBe(422);
    expect(body.rows!.find((r) => r.row === 2)!.errors[0]!.message).toMatch(/数式.*Formula/);
    const csv = new TextDecoder()
      .decode(await download(liaison, '/api/export/template?fy=2015'))
      .replace(/\r\n([^,\r\n]+),/, '\r\n=cmd|"/C calc"!A0,');
    const second = await refusedWithNothingWritten(liaison, csv, 'x.csv');
    expect(second.res.status).toBe(422);
  });

  it('refuses a huge row count quickly', async () => {
    const header = '施策コード,府省庁ID,状況,進捗（%）,版\r\n';
    const huge = header + '5.2.1(2)-1,npa,実施中,10,1\r\n'.repeat(100_000);
    const { res, body, ms } = await refusedWithNothingWritten(await as('staff'), huge, 'x.csv');
    expect(res.status).toBe(422);
    expect(body.error!.message).toMatch(/行数が多すぎます.*Too many rows/);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a zip bomb from its central directory', async () => {
    const { res, body, ms } = await refusedWithNothingWritten(await as('staff'), zipBomb(1024, true), 'x.xlsx');
    expect(res.status).toBe(422);
    expect(body.error!.message).toMatch(/zip bomb/);
    console.log(`zip bomb refused over HTTP in ${ms.toFixed(0)} ms`);
  });

  it("reports another ministry's rows mixed into a liaison's CSV, and a one-ministry template with mixed rows", async () => {
    const staff = await as('staff');
    const npa = new TextDecoder().decode(await download(staff, '/api/export/template?ministry=npa&fy=2015'));
    const mic = new TextDecoder().decode(await download(staff, '/api/export/template?ministry=mic&fy=2015'));
    const mixed = npa + mic.split('\r\n').slice(1, 3).join('\r\n') + '\r\n';
    const asLiaison = await refusedWithNothingWritten(await as('liaison'), mixed, 'x.csv');
    expect(asLiaison.res.status).toBe(422);
    const bad = asLiaison.body.rows!.filter((r) => r.errors.length);
    expect(bad.map((r) => r.ministryId)).toEqual(['mic', 'mic']);
    expect(bad[0]!.errors[0]!.message).toMatch(/他の府省庁の行.*Another ministry/);
    const asStaff = await refusedWithNothingWritten(staff, mixed, 'x.csv', 'ministry=npa');
    expect(asStaff.res.status).toBe(422);
  });

  it('refuses a file over 5 MB, and invalid values row by row', async () => {
    const staff = await as('staff');
    const big = await refusedWithNothingWritten(staff, 'a'.repeat(5 * 1024 * 1024 + 10), 'x.csv');
    expect(big.res.status).toBe(413);
    const header = 'measureId,ministryId,status,progress,version\r\n';
    const a = await w.assignment('5.2.1(2)-1', 'npa');
    const rows = [
      `nosuch,npa,実施中,10,1`,
      `5.2.1(2)-1,npa,done,10,${a.version}`,
      `5.2.1(2)-1,npa,実施中,150,${a.version}`,
      `5.2.1(2)-1,npa,完了,50,${a.version}`,
    ];
    const { body } = await refusedWithNothingWritten(staff, header + rows.join('\r\n'), 'x.csv', 'dryRun=true');
    const messages = body.rows!.map((r) => r.errors.map((e) => e.message).join(' '));
    expect(messages[0]).toMatch(/Unknown measure/);
    expect(messages[1]).toMatch(/Invalid status/);
    expect(messages[2]).toMatch(/0–100/);
    expect(messages[3]).toMatch(/100%/);
  });
});

/** Edits progress on three rows of a template CSV (bytes in UTF-8). */
function editCsv(bytes: Uint8Array): { file: string; measureIds: string[] } {
  const text = new TextDecoder().decode(bytes);
  const parsed = parseCsv(text, { maxRows: 5000, maxColumns: 50, maxCellLength: 20000 });
  if (!parsed.ok) throw new Error(parsed.message);
  const [header, ...rows] = parsed.rows;
  const status = header!.indexOf('状況 / Status');
  const progress = header!.indexOf('進捗（%） / Progress (%)');
  const picked = rows.filter((r) => r[status] === '実施中' && r[progress] !== '55').slice(0, 3);
  for (const r of picked) r[progress] = '55';
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return {
    file: [header!, ...rows].map((r) => r.map(quote).join(',')).join('\r\n'),
    measureIds: picked.map((r) => r[0]!),
  };
}

/** The same edit in the XLSX itself (progress is column I). */
function editXlsx(bytes: Uint8Array): { file: Uint8Array; measureIds: string[] } {
  const table = readXlsx(bytes, { maxRows: 5000, maxColumns: 50, maxCellLength: 20000 });
  const picked = table.rows.filter((r) => r.cells[7]!.text === '実施中').slice(0, 3);
  const file = patchXlsx(bytes, (f) => {
    let sheet = f['xl/worksheets/sheet1.xml']!;
    for (const r of picked)
      sheet = sheet.replace(new RegExp(`<c r="I${r.row}"([^>]*)><v>[^<]*</v></c>`), `<c r="I${r.row}"$1><v>55</v></c>`);
    f['xl/worksheets/sheet1.xml'] = sheet;
  });
  return { file, measureIds: picked.map((r) => r.cells[0]!.text) };
}
