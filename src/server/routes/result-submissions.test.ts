import { beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '@/domain/annual';
import { PlanItemSchema, ResultSubmissionListSchema, ResultSubmissionSchema } from '@/domain/contract';
import { createWorld, json, storeState, type World } from '../../../tests/support/world';
import { client, signIn } from '../testing';

/** A liaison's annual results go through NISC review (issue 18, item 6; decision record 020). */
let w: World;
beforeEach(async () => {
  w = await createWorld({ scenario: true });
});

const SHARED = '5.2.1(2)-1'; // nisc, mic, meti, npa; the test liaison is npa's
const resultPath = (fy: number, ministry: string) =>
  `/api/plans/${fy}/measures/${encodeURIComponent(SHARED)}/results/${ministry}`;
const recorded = async (fy: number, ministry: string) =>
  (await w.store.annual(fy)).results.find((r) => r.measureId === SHARED && r.ministryId === ministry);
const submit = (fy: number, text: string, baseVersion: number, ministryId = 'npa') => ({
  fy,
  measureId: SHARED,
  ministryId,
  baseVersion,
  text,
  note: '年度末の実績です',
});
const ifMatch = (v: number) => ({ 'If-Match': `"${v}"` });
type ErrorBody = { error: { code: string; message: string } };

describe('results under review', () => {
  it('a liaison submits; the record and the report keep the old text until NISC approves', async () => {
    const liaison = await w.as('liaison');
    const staff = await w.as('staff');
    const before = await recorded(2015, 'npa');
    expect(before?.text).toBeTruthy(); // the sample scenario wrote FY2015's results

    const res = await liaison.post('/api/result-submissions', submit(2015, '新しい年度実績', before!.version));
    expect(res.status).toBe(201);
    const s = ResultSubmissionSchema.parse(await json(res));
    expect(s).toMatchObject({ state: 'pending', previousText: before!.text, text: '新しい年度実績', baseVersion: 1 });
    expect(await recorded(2015, 'npa')).toEqual(before);
    const report = await (await staff.get('/api/reports/annual?fy=2015&format=md')).text();
    expect(report).not.toContain('新しい年度実績');

    // The queue shows old against new; a second submission waits for the first.
    const queue = ResultSubmissionListSchema.parse(
      await json(await staff.get('/api/result-submissions?state=pending')),
    );
    expect(queue.items.map((i) => [i.previousText, i.text])).toEqual([[before!.text, '新しい年度実績']]);
    const twice = await liaison.post('/api/result-submissions', submit(2015, 'もう一度', before!.version));
    expect(twice.status).toBe(409);
    expect((await json<ErrorBody>(twice)).error.code).toBe('pending_exists');

    const approved = await staff.post(
      `/api/result-submissions/${s.id}/approve`,
      { comment: '確認しました' },
      ifMatch(1),
    );
    expect(approved.status).toBe(200);
    expect(ResultSubmissionSchema.parse(await json(approved))).toMatchObject({
      state: 'approved',
      reviewedBy: 'staff@nisc.example.go.jp',
      reviewComment: '確認しました',
      version: 2,
    });
    expect(await recorded(2015, 'npa')).toMatchObject({ text: '新しい年度実績', version: 2 });
    expect(await (await staff.get('/api/reports/annual?fy=2015&format=md')).text()).toContain('新しい年度実績');
    const audit = await w.store.listAudit({ limit: 10, offset: 0, entity: 'annualResult' });
    expect(audit.items[0]).toMatchObject({
      action: 'result.update',
      actor: 'staff@nisc.example.go.jp',
      before: { text: before!.text },
      after: { text: '新しい年度実績', submittedBy: 'liaison@npa.example.go.jp' },
    });
    // Reviewed is final.
    const again = await staff.post(`/api/result-submissions/${s.id}/approve`, {}, ifMatch(2));
    expect(again.status).toBe(409);
  });

  it('NISC staff return a submission with a comment; the liaison sees it, the record is unchanged', async () => {
    const liaison = await w.as('liaison');
    const staff = await w.as('staff');
    const s = ResultSubmissionSchema.parse(
      await json(await liaison.post('/api/result-submissions', submit(2016, '初めての実績', 0))),
    );
    expect((await staff.post(`/api/result-submissions/${s.id}/return`, {}, ifMatch(1))).status).toBe(422); // a comment is required
    const returned = await staff.post(
      `/api/result-submissions/${s.id}/return`,
      { comment: '数値を追記してください' },
      ifMatch(1),
    );
    expect(returned.status).toBe(200);
    expect(await recorded(2016, 'npa')).toBeUndefined();
    const mine = ResultSubmissionListSchema.parse(
      await json(await liaison.get(`/api/result-submissions?measure=${encodeURIComponent(SHARED)}&fy=2016`)),
    );
    expect(mine.items[0]).toMatchObject({ state: 'returned', reviewComment: '数値を追記してください' });
    // Returned, it can be submitted again.
    expect((await liaison.post('/api/result-submissions', submit(2016, '数値を追記した実績', 0))).status).toBe(201);
  });

  it('refuses approval when the record moved after submission, and one’s own submission', async () => {
    const liaison = await w.as('liaison');
    const staff = await w.as('staff');
    const s = ResultSubmissionSchema.parse(
      await json(await liaison.post('/api/result-submissions', submit(2016, '提出された実績', 0))),
    );
    // NISC staff edit the record directly meanwhile (audited).
    const direct = await staff.patch(resultPath(2016, 'npa'), { text: 'NISCが直接記入' }, 0);
    expect(direct.status).toBe(200);
    expect(PlanItemSchema.parse(await json(direct)).results.find((r) => r.ministryId === 'npa')?.text).toBe(
      'NISCが直接記入',
    );
    const refused = await staff.post(`/api/result-submissions/${s.id}/approve`, {}, ifMatch(1));
    expect(refused.status).toBe(409);
    expect((await json<ErrorBody>(refused)).error.code).toBe('result_changed');
    expect((await recorded(2016, 'npa'))?.text).toBe('NISCが直接記入');

    // An administrator may submit for any ministry, but not approve what they submitted.
    const admin = await w.as('admin');
    const own = ResultSubmissionSchema.parse(
      await json(await admin.post('/api/result-submissions', submit(2016, 'NISCが提出', 0, 'mic'))),
    );
    const self = await admin.post(`/api/result-submissions/${own.id}/approve`, {}, ifMatch(1));
    expect(self.status).toBe(403);
    expect((await json<ErrorBody>(self)).error.code).toBe('own_submission');
  });
});

describe('a liaison cannot bypass review', () => {
  it('by editing results directly, for their own ministry or another', async () => {
    const liaison = await w.as('liaison');
    const before = await storeState(w.store);
    for (const ministry of ['npa', 'mic']) {
      const res = await liaison.patch(resultPath(2015, ministry), { text: '直接書き換え' }, 1);
      expect(res.status).toBe(403);
      expect((await json<ErrorBody>(res)).error.message).toMatch(/審査に提出.*liaisons submit them for review/);
    }
    expect(await storeState(w.store)).toEqual(before);
  });

  it('by submitting for another ministry, reviewing, or reading other ministries’ submissions', async () => {
    const liaison = await w.as('liaison');
    const other = await liaison.post('/api/result-submissions', submit(2016, '他府省庁の実績', 0, 'mic'));
    expect(other.status).toBe(403);
    expect((await json<ErrorBody>(other)).error.message).toMatch(/自府省庁の成果のみ.*own ministry/);
    const mic = ResultSubmissionSchema.parse(
      await json(await (await w.as('admin')).post('/api/result-submissions', submit(2016, '総務省の実績', 0, 'mic'))),
    );
    expect((await liaison.post(`/api/result-submissions/${mic.id}/approve`, {}, ifMatch(1))).status).toBe(403);
    expect((await liaison.post(`/api/result-submissions/${mic.id}/return`, { comment: 'x' }, ifMatch(1))).status).toBe(
      403,
    );
    const seen = ResultSubmissionListSchema.parse(
      await json(await liaison.get('/api/result-submissions?ministry=mic')),
    );
    expect(seen.items).toEqual([]);
    const viewer = await w.as('viewer');
    expect((await viewer.post('/api/result-submissions', submit(2016, 'x', 0))).status).toBe(403);
  });

  it('through the template import: results become pending submissions, the record is untouched', async () => {
    const session = await signIn(w.app, w.clock, 'liaison');
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const liaison = client(w.app, session);
    const csv = new TextDecoder().decode(
      new Uint8Array(await (await liaison.get('/api/export/template?format=csv&fy=2015')).arrayBuffer()),
    );
    const parsed = parseCsv(csv, { maxRows: 5000, maxColumns: 50, maxCellLength: 20000 });
    if (!parsed.ok) throw new Error(parsed.message);
    const [header, ...rows] = parsed.rows;
    const col = header!.indexOf('年度の成果 / Results for the year');
    const row = rows.find((r) => r[0] === SHARED)!;
    row[col] = '取込で書いた実績';
    const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const upload = () => {
      const form = new FormData();
      form.set('file', new Blob([[header!, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')]), 't.csv');
      return w.app.request('/api/import', { method: 'POST', headers, body: form });
    };
    const before = await recorded(2015, 'npa');
    expect((await upload()).status).toBe(200);
    expect(await recorded(2015, 'npa')).toEqual(before);
    const pending = await w.store.listResultSubmissions({ state: 'pending', fy: 2015 });
    expect(pending.map((p) => [p.measureId, p.ministryId, p.previousText, p.text])).toEqual([
      [SHARED, 'npa', before!.text, '取込で書いた実績'],
    ]);
    // The same file again while that one waits: refused whole, nothing written.
    const state = await storeState(w.store);
    const again = await upload();
    expect(again.status).toBe(409);
    expect((await json<ErrorBody>(again)).error.message).toMatch(/審査待ち.*awaiting review/);
    expect(await storeState(w.store)).toEqual(state);
  });
});
