import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from '@/domain/annual';
import type { Checklist, ChecklistRow, RoundDetail, RoundRow } from '@/domain/rounds';
import { createSqliteStore, openDatabase } from '@/server/store/sqlite';
import { openRound, ROUND_BODY } from './support/rounds';
import { createWorld, json, storeState, type Client, type ErrorJson } from './support/world';

/** Reporting rounds through the API (issue 12): opening, the checklist, answers, review, bad input. */

const checklist = async (c: Client, roundId: string, ministry: string) =>
  json<Checklist>(await c.get(`/api/rounds/${roundId}/ministries/${ministry}`));

const answerOf = (r: ChecklistRow, values: Record<string, unknown> = {}, unchanged = false) => ({
  rowId: r.id,
  version: r.version,
  baseVersion: r.currentVersion,
  unchanged,
  ...values,
});

/** Both adapters: the in-memory store and SQLite. */
const stores = [
  ['memory', () => undefined],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
] as const;

describe.each(stores)('reporting rounds (%s)', (_name, makeStore) => {
  it('opens a round: rows for every asked ministry, a board at 0 %, an audit entry', async () => {
    const w = await createWorld({ store: makeStore() });
    const detail = await openRound(w);
    expect(detail.round).toMatchObject({ state: 'open', openedOn: '2016-03-31', reminderDays: [7, 3, 1] });
    const npa = detail.ministries.find((m) => m.ministryId === 'npa')!;
    expect(npa.owed).toBeGreaterThan(0);
    expect(npa).toMatchObject({ answered: 0, percent: 0, finished: false, overdue: false });
    const audit = await w.store.listAudit({ limit: 5, offset: 0, action: 'round.open' });
    expect(audit.total).toBe(1);
  });

  it('a liaison answers inline and 「変更なし」; staff see 100 % and accept; the assignment changes', async () => {
    const w = await createWorld({ store: makeStore() });
    const { round } = await openRound(w);
    const liaison = await w.as('liaison');
    const list = await checklist(liaison, round.id, 'npa');
    const [first, ...rest] = list.rows;
    const res = await liaison.post(`/api/rounds/${round.id}/answers`, {
      answers: [
        answerOf(first!, { status: 'in_progress', progress: 55, narrative: '体制整備を進めた' }),
        ...rest.map((r) => answerOf(r, {}, true)),
      ],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const staff = await w.as('staff');
    const detail = await json<RoundDetail>(await staff.get(`/api/rounds/${round.id}`));
    expect(detail.ministries.find((m) => m.ministryId === 'npa')).toMatchObject({ percent: 100, finished: true });
    expect(detail.ministries.find((m) => m.ministryId === 'nisc')).toMatchObject({ percent: 0, finished: false });
    // Staff hear that npa has finished.
    const notes = await json<{ items: { kind: string }[]; unread: number }>(await staff.get('/api/notifications'));
    expect(notes.items.map((n) => n.kind)).toContain('ministry_finished');

    const row = (await checklist(staff, round.id, 'npa')).rows.find((r) => r.id === first!.id)!;
    const accepted = await staff.post(
      `/api/rounds/${round.id}/answers/${row.id}/accept`,
      {},
      { 'if-match': `"${row.version}"` },
    );
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect((await json<RoundRow>(accepted)).state).toBe('accepted');
    const a = await w.assignment(row.measureId, 'npa');
    expect(a).toMatchObject({ status: 'in_progress', progress: 55, narrative: '体制整備を進めた' });
    expect((await w.store.listAudit({ limit: 5, offset: 0, action: 'round.accept' })).total).toBe(1);
    // The liaison hears about it.
    const liaisonNotes = await json<{ items: { kind: string }[]; unread: number }>(
      await liaison.get('/api/notifications'),
    );
    expect(liaisonNotes.items.map((n) => n.kind)).toEqual(expect.arrayContaining(['round_opened', 'row_accepted']));
    expect(liaisonNotes.unread).toBe(2);
    const read = await liaison.post('/api/notifications/read', { all: true });
    expect(await json(read)).toEqual({ unread: 0 });
  });

  it('shows an answer whose assignment changed since as a conflict and never applies it', async () => {
    const w = await createWorld({ store: makeStore() });
    const { round } = await openRound(w);
    const liaison = await w.as('liaison');
    const [row] = (await checklist(liaison, round.id, 'npa')).rows;
    await liaison.post(`/api/rounds/${round.id}/answers`, {
      answers: [answerOf(row!, { progress: 40, status: 'in_progress' })],
    });
    const admin = await w.as('admin');
    const a = await w.assignment(row!.measureId, 'npa');
    const patched = await admin.patch(
      `/api/measures/${encodeURIComponent(row!.measureId)}/assignments/npa`,
      { status: 'in_progress', progress: 70, comment: '職員が更新' },
      a.version,
    );
    expect(patched.status).toBe(200);
    const staff = await w.as('staff');
    const seen = (await checklist(staff, round.id, 'npa')).rows.find((r) => r.id === row!.id)!;
    expect(seen.conflict).toBe(true);
    const before = await storeState(w.store);
    const res = await staff.post(
      `/api/rounds/${round.id}/answers/${row!.id}/accept`,
      {},
      { 'if-match': `"${seen.version}"` },
    );
    expect(res.status).toBe(409);
    expect((await json<ErrorJson>(res)).error.code).toBe('assignment_changed');
    expect(await storeState(w.store)).toEqual(before);
    // Accepting all of the ministry reports the conflict per row, applies nothing for it.
    const bulk = await staff.post(`/api/rounds/${round.id}/ministries/npa/review`, {
      decision: 'accept',
      rows: [{ id: seen.id, version: seen.version }],
    });
    const { results } = await json<{ results: { id: string; outcome: string }[] }>(bulk);
    expect(results).toMatchObject([{ id: seen.id, outcome: 'conflict' }]);
    expect((await w.assignment(row!.measureId, 'npa')).progress).toBe(70);
  });

  it('returns with a comment; the row is owed again; closing freezes answers', async () => {
    const w = await createWorld({ store: makeStore() });
    const { round } = await openRound(w);
    const liaison = await w.as('liaison');
    const [row] = (await checklist(liaison, round.id, 'npa')).rows;
    await liaison.post(`/api/rounds/${round.id}/answers`, { answers: [answerOf(row!, {}, true)] });
    const staff = await w.as('staff');
    const answered = (await checklist(staff, round.id, 'npa')).rows[0]!;
    const noComment = await staff.post(
      `/api/rounds/${round.id}/answers/${row!.id}/return`,
      {},
      { 'if-match': `"${answered.version}"` },
    );
    expect(noComment.status).toBe(422);
    const returned = await staff.post(
      `/api/rounds/${round.id}/answers/${row!.id}/return`,
      { comment: '根拠を追記してください' },
      { 'if-match': `"${answered.version}"` },
    );
    expect(returned.status).toBe(200);
    const board = await json<RoundDetail>(await staff.get(`/api/rounds/${round.id}`));
    expect(board.ministries.find((m) => m.ministryId === 'npa')).toMatchObject({ returned: 1, answered: 0 });
    const closed = await staff.patch(`/api/rounds/${round.id}`, { state: 'closed' }, board.round.version);
    expect(closed.status).toBe(200);
    const again = (await checklist(liaison, round.id, 'npa')).rows[0]!;
    const res = await liaison.post(`/api/rounds/${round.id}/answers`, { answers: [answerOf(again, {}, true)] });
    expect(res.status).toBe(409);
    expect((await json<ErrorJson>(res)).error.code).toBe('round_closed');
  });
});

describe('bad input is refused in Japanese and English and writes nothing', () => {
  const bilingual = (message: string) => {
    expect(message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(message).toMatch(/ \/ [A-Z]/);
  };
  it.each([
    ['an unknown ministry', { ...ROUND_BODY, ministryIds: ['npa', 'no_such_ministry'] }, 'ministryIds'],
    ['a due date before opening', { ...ROUND_BODY, dueOn: '2016-03-01', asOf: '2016-02-29' }, 'dueOn'],
    ['a due date on the opening day', { ...ROUND_BODY, dueOn: '2016-03-31' }, 'dueOn'],
    ['an unknown section', { ...ROUND_BODY, sectionCodes: ['9.9.9'] }, 'sectionCodes'],
  ])('opening with %s: 422', async (_label, body, path) => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const before = await storeState(w.store);
    const res = await staff.post('/api/rounds', body);
    expect(res.status).toBe(422);
    const error = (await json<ErrorJson>(res)).error;
    expect(error.issues?.map((i) => i.path)).toContain(path);
    for (const i of error.issues ?? []) bilingual(i.message);
    expect(await storeState(w.store)).toEqual(before);
  });

  it('a stale version: extending with an old If-Match is a 412 with the current round', async () => {
    const w = await createWorld();
    const { round } = await openRound(w);
    const staff = await w.as('staff');
    expect((await staff.patch(`/api/rounds/${round.id}`, { dueOn: '2016-04-30' }, 1)).status).toBe(200);
    const before = await storeState(w.store);
    const res = await staff.patch(`/api/rounds/${round.id}`, { dueOn: '2016-05-10' }, 1);
    expect(res.status).toBe(412);
    const body = await json<ErrorJson>(res);
    bilingual(body.error.message);
    expect(body.error.current).toMatchObject({ round: { dueOn: '2016-04-30', version: 2 } });
    expect(await storeState(w.store)).toEqual(before);
  });

  it('a stale answer (the row answered by someone else since): 412, nothing written', async () => {
    const w = await createWorld();
    const { round } = await openRound(w);
    const liaison = await w.as('liaison');
    const [row] = (await checklist(liaison, round.id, 'npa')).rows;
    expect(
      (await liaison.post(`/api/rounds/${round.id}/answers`, { answers: [answerOf(row!, {}, true)] })).status,
    ).toBe(200);
    const before = await storeState(w.store);
    const res = await liaison.post(`/api/rounds/${round.id}/answers`, { answers: [answerOf(row!, { progress: 10 })] });
    expect(res.status).toBe(412);
    bilingual((await json<ErrorJson>(res)).error.message);
    expect(await storeState(w.store)).toEqual(before);
  });

  it('a liaison cannot read or answer another ministry’s rows: 403, nothing written', async () => {
    const w = await createWorld();
    const { round } = await openRound(w);
    const staff = await w.as('staff');
    const [nisc] = (await checklist(staff, round.id, 'nisc')).rows;
    const liaison = await w.as('liaison');
    expect((await liaison.get(`/api/rounds/${round.id}/ministries/nisc`)).status).toBe(403);
    const before = await storeState(w.store);
    const res = await liaison.post(`/api/rounds/${round.id}/answers`, { answers: [answerOf(nisc!, {}, true)] });
    expect(res.status).toBe(403);
    bilingual((await json<ErrorJson>(res)).error.message);
    expect(await storeState(w.store)).toEqual(before);
  });
});

describe('the round template: download, fill in, dry run, upload (all or nothing)', () => {
  const upload = (c: Client, roundId: string, csv: string, dryRun: boolean, name = 'filled.csv') => {
    const form = new FormData();
    form.set('file', new Blob([csv]), name);
    return fetchForm(c, `/api/rounds/${roundId}/import?dryRun=${dryRun}`, form);
  };
  let world: Awaited<ReturnType<typeof createWorld>>;
  const fetchForm = (c: Client, path: string, form: FormData) =>
    world.app.request(path, {
      method: 'POST',
      headers: { cookie: c.session.cookie, 'x-csrf-token': c.session.csrfToken },
      body: form,
    });
  const lines = (csv: string) =>
    parseCsv(csv.replace(/^\uFEFF/, ''), { maxRows: 10_000, maxColumns: 60, maxCellLength: 20_000 });

  it('only the rows still owed; a filled file answers them; a dry run writes nothing', async () => {
    world = await createWorld();
    const { round } = await openRound(world);
    const liaison = await world.as('liaison');
    const list = await checklist(liaison, round.id, 'npa');
    // Answer the first row inline: the template then holds the others only.
    await liaison.post(`/api/rounds/${round.id}/answers`, { answers: [answerOf(list.rows[0]!, {}, true)] });
    const res = await liaison.get(`/api/rounds/${round.id}/template?format=csv`);
    expect(res.status).toBe(200);
    const table = lines(await res.text());
    if (!table.ok) throw new Error('template did not parse');
    const [header, ...rows] = table.rows;
    expect(rows).toHaveLength(list.rows.length - 1);
    const col = (name: string) => header!.findIndex((h) => h.includes(name));
    const progress = col('Progress (%)');
    rows[0]![progress] = '65';
    rows[0]![col('Status')] = '実施中';
    const filled = toCsv([header!, ...rows]);

    const before = await storeState(world.store);
    const dry = await upload(liaison, round.id, filled, true);
    expect(dry.status, await dry.clone().text()).toBe(200);
    expect((await json<{ summary: unknown }>(dry)).summary).toMatchObject({
      answers: rows.length,
      withErrors: 0,
      committed: false,
    });
    expect(await storeState(world.store)).toEqual(before);

    const real = await upload(liaison, round.id, filled, false);
    expect(real.status, await real.clone().text()).toBe(200);
    const after = await checklist(liaison, round.id, 'npa');
    expect(after.progress).toMatchObject({ percent: 100, finished: true });
    const changed = after.rows.find((r) => r.measureId === rows[0]![col('Measure code')]);
    expect(changed?.answer).toMatchObject({ progress: 65, status: 'in_progress' });
    // Answers, not direct writes: the assignment is unchanged until NISC accepts.
    expect((await world.assignment(changed!.measureId, 'npa')).progress).not.toBe(65);
  });

  it('an annual round: the lead ministry’s rows carry next year’s plan, which the file answers; what was answered on the checklist stays', async () => {
    world = await createWorld();
    const { round } = await openRound(world, { ...ROUND_BODY, kind: 'annual', title: '平成28年度 年次照会' });
    const liaison = await world.as('liaison');
    const list = await checklist(liaison, round.id, 'npa');
    const plan = list.rows.find((r) => r.kind === 'nextPlan')!;
    const inline = list.rows.find((r) => r.kind === 'assignment' && r.measureId === plan.measureId)!;
    const other = list.rows.find(
      (r) => r.kind === 'assignment' && !list.rows.some((p) => p.kind === 'nextPlan' && p.measureId === r.measureId),
    );
    // A second lead measure whose plan has text already and whose plan is answered on the checklist.
    const plan2 = list.rows.find((r) => r.kind === 'nextPlan' && r.measureId !== plan.measureId);
    expect(plan && inline && other && plan2, 'an annual round of npa has lead rows and other rows').toBeTruthy();
    const staff = await world.as('staff');
    const planPath = `/api/plans/${round.fy}/measures/${encodeURIComponent(plan2!.measureId)}`;
    expect((await staff.patch(planPath, { nextPlanText: '現行の翌年度計画' }, 0)).status).toBe(200);
    const plan2Now = (await checklist(liaison, round.id, 'npa')).rows.find((r) => r.id === plan2!.id)!;
    // The pair's progress, and the second plan, answered on the checklist first: the file holds those
    // pairs for their other rows.
    const answered = await liaison.post(`/api/rounds/${round.id}/answers`, {
      answers: [
        answerOf(inline, { status: 'in_progress', progress: 40, narrative: 'チェックリストで回答' }),
        answerOf(plan2Now, { text: 'チェックリストの計画' }),
      ],
    });
    expect(answered.status, await answered.clone().text()).toBe(200);

    expect((await liaison.get(`/api/rounds/${round.id}/template`)).status, 'the Excel template').toBe(200);
    const table = lines(await (await liaison.get(`/api/rounds/${round.id}/template?format=csv`)).text());
    if (!table.ok) throw new Error('template did not parse');
    const [header, ...rows] = table.rows;
    const col = (name: string) => header!.findIndex((h) => h.includes(name));
    const planCol = col('Plan for next year');
    expect(planCol, 'a column for next year’s plan').toBeGreaterThan(-1);
    const lineOf = (measureId: string) => rows.find((r) => r[col('Measure code')] === measureId)!;
    expect(lineOf(plan.measureId)[planCol]).toBe((plan.current as { text: string }).text);
    expect(lineOf(other!.measureId)[planCol]).toBe('');
    // Answered on the checklist, its line still shows the plan as recorded, and reads back unchanged.
    expect(lineOf(plan2!.measureId)[planCol]).toBe('現行の翌年度計画');
    lineOf(plan.measureId)[planCol] = '翌年度は訓練の対象を全職員に広げる。';

    // Next year's plan on a line whose ministry does not lead the measure: refused, nothing written.
    const before = await storeState(world.store);
    const stray = rows.map((r) => [...r]);
    stray.find((r) => r[col('Measure code')] === other!.measureId)![planCol] = '主担当ではない府省庁の計画';
    const refused = await upload(liaison, round.id, toCsv([header!, ...stray]), false);
    expect(refused.status).toBe(422);
    const report = await json<{ rows: { errors: { message: string }[] }[] }>(refused);
    expect(report.rows.flatMap((r) => r.errors.map((e) => e.message)).join('\n')).toMatch(
      /主担当.* \/ .*lead ministry/,
    );
    expect(await storeState(world.store)).toEqual(before);

    const real = await upload(liaison, round.id, toCsv([header!, ...rows]), false);
    expect(real.status, await real.clone().text()).toBe(200);
    const after = await checklist(liaison, round.id, 'npa');
    expect(after.rows.find((r) => r.id === plan.id)).toMatchObject({
      state: 'answered',
      answer: { text: '翌年度は訓練の対象を全職員に広げる。' },
    });
    // The checklist's answer is not replaced by the file's unchanged copy of the record.
    expect(after.rows.find((r) => r.id === inline.id)?.answer).toMatchObject({ progress: 40 });
    expect(after.rows.find((r) => r.id === plan2!.id)?.answer).toEqual({ text: 'チェックリストの計画' });
    expect(after.progress).toMatchObject({ percent: 100, finished: true });
  });

  it('refuses a template from another round or another ministry, and a file with a bad row: 422, nothing written', async () => {
    world = await createWorld();
    const first = await openRound(world);
    const second = await openRound(world);
    const liaison = await world.as('liaison');
    const staff = await world.as('staff');
    const ofFirst = await (await liaison.get(`/api/rounds/${first.round.id}/template?format=csv`)).text();
    const nisc = await (await staff.get(`/api/rounds/${first.round.id}/template?format=csv&ministry=nisc`)).text();
    const before = await storeState(world.store);
    const cases: [string, Response, string][] = [
      ['another round', await upload(liaison, second.round.id, ofFirst, false), 'wrong_round'],
      ['another ministry', await upload(liaison, first.round.id, nisc, false), 'wrong_ministry'],
    ];
    const table = lines(ofFirst);
    if (!table.ok) throw new Error('template did not parse');
    const [header, ...rows] = table.rows;
    rows[0]![header!.findIndex((h) => h.includes('Progress (%)'))] = '150';
    cases.push([
      'a bad row',
      await upload(liaison, first.round.id, toCsv([header!, ...rows]), false),
      'import_has_errors',
    ]);
    for (const [label, res, code] of cases) {
      expect(res.status, label).toBe(422);
      const body = await json<ErrorJson>(res);
      expect(body.error.code, label).toBe(code);
      expect(body.error.message, label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff].* \/ [A-Z0-9]/);
    }
    expect(await storeState(world.store)).toEqual(before);
    // Staff asking for a ministry the round does not ask: 422.
    expect((await staff.get(`/api/rounds/${first.round.id}/template?ministry=mof`)).status).toBe(422);
    expect((await liaison.get(`/api/rounds/${first.round.id}/template?ministry=nisc`)).status).toBe(403);
  });
});

describe('the annual report from a closed round', () => {
  it('is as of the round and lists the ministries and rows that never answered; an open round: 409', async () => {
    const w = await createWorld();
    const { round } = await openRound(w);
    const liaison = await w.as('liaison');
    const rows = (await checklist(liaison, round.id, 'npa')).rows;
    await liaison.post(`/api/rounds/${round.id}/answers`, { answers: rows.map((r) => answerOf(r, {}, true)) });
    const staff = await w.as('staff');
    const early = await staff.get(`/api/reports/annual?round=${round.id}`);
    expect(early.status).toBe(409);
    expect((await json<ErrorJson>(early)).error.code).toBe('round_not_closed');
    expect((await staff.patch(`/api/rounds/${round.id}`, { state: 'closed' }, 1)).status).toBe(200);
    const report = await json<{
      fy: number;
      asOf: string;
      round: { missing: { ministryId: string; rows: unknown[] }[] };
    }>(await staff.get(`/api/reports/annual?round=${round.id}`));
    expect(report).toMatchObject({ fy: 2016, asOf: '2016-04-01' });
    expect(report.round.missing.map((m) => m.ministryId)).toEqual(['nisc']);
    expect(report.round.missing[0]!.rows.length).toBeGreaterThan(0);
    const md = await (await staff.get(`/api/reports/annual?round=${round.id}&format=md`)).text();
    expect(md).toContain(`照会「${ROUND_BODY.title}」時点`);
    expect(md).toContain('回答のなかった府省庁・行');
    expect((await staff.get('/api/reports/annual?round=no-such-round')).status).toBe(404);
  });
});
