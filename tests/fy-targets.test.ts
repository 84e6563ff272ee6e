import { describe, expect, it } from 'vitest';
import type { MeasureDetail } from '@/domain/contract';
import { TEST_USERS } from '../src/server/testing';
import { createWorld, json, MEASURE, measurePath, storeState, type ErrorJson } from './support/world';

/** 年度末目標 (issue 11): a versioned, audited write that reshapes the measure's expected line. */
const path = `${measurePath(MEASURE)}/fy-targets`;
const body = {
  targets: [
    { fy: 2016, percent: 60 },
    { fy: 2015, percent: 25 },
  ],
  comment: '年次計画で合意',
};

describe('PATCH /api/measures/:id/fy-targets', () => {
  it('sets the targets with the right version: 200, ETag, audited, and the expected line runs through them', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const res = await staff.patch(path, body, 1);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const m = await json<MeasureDetail>(res);
    expect(m.fyTargets).toEqual([
      { fy: 2015, percent: 25 },
      { fy: 2016, percent: 60 },
    ]);
    // On 2016-03-31 (the server's today, the end of FY2015) the line stands at the FY2015 target.
    expect(m.expectedProgress).toBe(25);
    expect(m.progressSeries?.find((p) => p.date === '2016-03-31')?.expectedProgress).toBe(25);
    const [entry] = (await w.store.listAudit({ limit: 10, offset: 0, action: 'measure.fy_targets' })).items;
    expect(entry).toMatchObject({
      actor: TEST_USERS.staff.email,
      entity: 'measure',
      entityId: MEASURE,
      before: { fyTargets: [] },
      after: { fyTargets: m.fyTargets, comment: body.comment },
    });
    // Clearing them is a write like any other.
    const cleared = await json<MeasureDetail>(await staff.patch(path, { targets: [], comment: '取消し' }, 2));
    expect(cleared).toMatchObject({ fyTargets: [], version: 3 });
  });

  it('requires If-Match (428), refuses a stale one (412 with the current measure), and writes nothing', async () => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const before = await storeState(w.store);
    expect((await staff.patch(path, body)).status).toBe(428);
    const stale = await staff.patch(path, body, 7);
    expect(stale.status).toBe(412);
    expect((await json<ErrorJson>(stale)).error.current).toMatchObject({ id: MEASURE, version: 1 });
    expect(await storeState(w.store)).toEqual(before);
  });

  it.each([
    [
      {
        targets: [
          { fy: 2016, percent: 40 },
          { fy: 2015, percent: 50 },
        ],
        comment: 'x',
      },
      422,
      '前年度より低く',
    ],
    [
      {
        targets: [
          { fy: 2015, percent: 40 },
          { fy: 2015, percent: 50 },
        ],
        comment: 'x',
      },
      422,
      'appears twice',
    ],
    [{ targets: [{ fy: 2025, percent: 40 }], comment: 'x' }, 422, 'not between'],
    [{ targets: [{ fy: 2015, percent: 140 }], comment: 'x' }, 422, 'targets.0.percent'],
    [{ targets: [], comment: '' }, 422, 'comment'],
  ])('refuses %j with %i in Japanese and English, writing nothing', async (bad, status, words) => {
    const w = await createWorld();
    const staff = await w.as('staff');
    const before = await storeState(w.store);
    const res = await staff.patch(path, bad, 1);
    expect(res.status).toBe(status);
    expect((await json<ErrorJson>(res)).error.message).toContain(words);
    expect(await storeState(w.store)).toEqual(before);
  });

  it.each(['liaison', 'viewer'] as const)('is refused to a %s (403)', async (who) => {
    const w = await createWorld();
    expect((await (await w.as(who)).patch(path, body, 1)).status).toBe(403);
  });
});
