import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, json, type World } from '../../../tests/support/world';
import { MeasureListSchema } from '@/domain/contract';
import { parseCsv } from '@/domain/annual';
import { createSqliteStore, openDatabase } from '../store/sqlite';

let w: World;
beforeAll(async () => {
  w = await createWorld({ scenario: true, store: createSqliteStore(openDatabase(':memory:')) });
});

const list = async (query: string) => {
  const res = await (await w.as('viewer')).get(`/api/measures?${query}`);
  expect(res.status).toBe(200);
  return MeasureListSchema.parse(await json(res));
};

describe('GET /api/measures?q= (keyword search, decision record 016)', () => {
  it('finds the issue’s examples, ranked, with the needles to highlight', async () => {
    for (const q of ['internet-gateway consolidation', 'インターネット接続口', '接続口 集約', 'ｼｰｻｰﾄ']) {
      const r = await list(`q=${encodeURIComponent(q)}`);
      expect(r.total, q).toBeGreaterThan(0);
      expect(r.search?.terms.length, q).toBeGreaterThan(0);
      expect(r.items[0]?.search?.needles.length, q).toBeGreaterThan(0);
      const scores = r.items.map((i) => i.search?.score ?? 0);
      expect(scores, q).toEqual([...scores].sort((a, b) => b - a));
    }
    expect((await list(`q=${encodeURIComponent('接続口 集約')}`)).items[0]?.id).toBe('5.2.3(1)ii-7');
  });

  it('applies the other filters to the ranked list', async () => {
    const all = await list(`q=${encodeURIComponent('オリパラ')}`);
    const ministry = all.items
      .flatMap((i) => i.ministryIds)
      .find((id) => !all.items.every((i) => i.ministryIds.includes(id)))!;
    const one = await list(`q=${encodeURIComponent('オリパラ')}&ministry=${ministry}`);
    expect(one.total).toBeGreaterThan(0);
    expect(one.total).toBeLessThan(all.total);
    expect(one.items.every((i) => i.ministryIds.includes(ministry))).toBe(true);
  });

  it('says what found nothing and offers a query that finds something', async () => {
    const r = await list(`q=${encodeURIComponent('接続口 ほげほげ')}`);
    expect(r.total).toBe(0);
    expect(r.search?.unmatchedTerms).toEqual(['ほげほげ']);
    expect(r.search?.suggestion).toMatchObject({ q: '接続口', withoutFilters: false });
    expect(r.search?.suggestion?.total).toBeGreaterThan(0);
  });

  it('offers to drop the filters when they exclude every match', async () => {
    const r = await list(`q=${encodeURIComponent('接続口 集約')}&status=suspended`);
    expect(r.total).toBe(0);
    expect(r.search?.suggestion).toMatchObject({ q: '接続口 集約', total: 1, withoutFilters: true });
  });

  it('refuses a query over 200 characters with a bilingual 422 and lists without a keyword as before', async () => {
    const res = await (await w.as('viewer')).get(`/api/measures?q=${'あ'.repeat(201)}`);
    expect(res.status).toBe(422);
    const plain = await list('q=%20');
    expect(plain.total).toBe((await w.store.snapshot()).measures.length);
    expect(plain.search).toBeUndefined();
  });
});

describe('GET /api/export/measures?ministry= (issue 18, item 9)', () => {
  const rowsOf = async (path: string) => {
    const res = await (await w.as('viewer')).get(path);
    expect(res.status).toBe(200);
    const parsed = parseCsv(new TextDecoder().decode(await res.arrayBuffer()), {
      maxRows: 1000,
      maxColumns: 50,
      maxCellLength: 5000,
    });
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.rows;
  };

  it('gives that ministry’s own assignment status and progress, and the measure’s overall beside them', async () => {
    const [header, ...rows] = await rowsOf('/api/export/measures?ministry=npa&asOf=2017-03-31');
    expect(header).toContain('状況（当府省庁） / Status (this ministry)');
    expect(header).toContain('状況（施策全体） / Status (whole measure)');
    const at = (name: string) => header!.indexOf(name);
    const detail = await json<{ progress: number; assignments: { ministryId: string; progress: number }[] }>(
      await (await w.as('viewer')).get('/api/measures/5.2.1(2)-1?asOf=2017-03-31'),
    );
    const npa = detail.assignments.find((a) => a.ministryId === 'npa')!;
    const row = rows.find((r) => r[0] === '5.2.1(2)-1')!;
    expect(row[at('進捗（%・当府省庁） / Progress (%, this ministry)')]).toBe(String(npa.progress));
    expect(row[at('進捗（%・施策全体） / Progress (%, whole measure)')]).toBe(String(detail.progress));
    expect(row[at('府省庁 / Ministry')]).toBe('警察庁');
    // Some row differs from its measure's overall figure, or the test would not tell the two apart.
    expect(
      rows.some(
        (r) =>
          r[at('進捗（%・当府省庁） / Progress (%, this ministry)')] !==
          r[at('進捗（%・施策全体） / Progress (%, whole measure)')],
      ),
    ).toBe(true);
  });

  it('exports the searched list in its ranked order', async () => {
    const [, ...rows] = await rowsOf(`/api/export/measures?q=${encodeURIComponent('接続口 集約')}`);
    expect(rows.map((r) => r[0])).toEqual(['5.2.3(1)ii-7']);
  });
});
