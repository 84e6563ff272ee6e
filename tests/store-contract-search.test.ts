import { describe, expect, it } from 'vitest';
import { compileSeeds } from '@/domain/seeds';
import { allSearchRows, findNeedles, needleOf, SEARCH_INDEX_VERSION, type SearchHit } from '@/domain/search';
import { loadSeedBundle } from '../seeds';
import { createMemoryStore } from '../src/server/store/memory';
import type { NewAuditEntry, Store } from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { freshPgStore, PG_TEST_URL, pgQuery, requirePg, schemaOf } from './support/pg';
import { openPgStore } from '../src/server/store/pg';

/** Search candidates (decision record 016): every adapter returns exactly the domain's reference answer. */
const bundle = loadSeedBundle();
const seeds = compileSeeds(bundle);
const reference = { instructions: bundle.instructions.instructions, ciSectors: bundle.ciSectors.sectors };
const audit: NewAuditEntry = {
  at: '2016-03-31T09:00:00.000Z',
  actor: 'test',
  action: 'seed',
  entity: 'plan',
  entityId: 'x',
  before: undefined,
  after: undefined,
  requestId: null,
};

// Needles of every kind: long and short Japanese (trigram and instr), Latin word prefixes with their
// leading space, codes, a quote character, an empty needle, and needles nothing contains.
const NEEDLES = [
  ...[
    '接続口',
    '集約',
    '独立行政法人',
    'GSOC',
    'シーサート',
    'インターネット',
    '5.2.3(1)ii',
    '6-18',
    '強化',
    'consolidation',
  ].map(needleOf),
  ' it',
  ' 5',
  'ア',
  '"',
  '',
  'ホゲホゲ',
  ' zzzq',
];

const sortHits = (hits: SearchHit[]) => hits.map((h) => `${h.needle}\u0000${h.measureId}\u0000${h.field}`).sort();

const adapters: [string, () => Store | Promise<Store>][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
  ...(requirePg('search store contract: postgres')
    ? [['postgres', freshPgStore] as [string, () => Promise<Store>]]
    : []),
];

describe.each(adapters)('store contract, search: %s', (_name, create) => {
  it('finds exactly the (needle, measure, field) rows whose indexed text contains each needle', async () => {
    const store = await create();
    await store.seed(seeds, reference, audit);
    const expected = findNeedles(allSearchRows(seeds), NEEDLES);
    expect(expected.length).toBeGreaterThan(100);
    expect(sortHits(await store.searchMeasureText(NEEDLES))).toEqual(sortHits(expected));
    expect(await store.searchMeasureText([])).toEqual([]);
  });

  it('finds nothing before the plan is seeded', async () => {
    expect(await (await create()).searchMeasureText([needleOf('接続口')])).toEqual([]);
  });
});

describe('sqlite search index', () => {
  it('is rebuilt on opening when it was built by other rules (or not at all)', async () => {
    const db = openDatabase(':memory:');
    const first = createSqliteStore(db);
    await first.seed(seeds, reference, audit);
    db.prepare('DELETE FROM measure_search').run();
    db.prepare(`UPDATE meta SET value = '0' WHERE key = 'searchIndexVersion'`).run();
    const reopened = createSqliteStore(db);
    expect((await reopened.searchMeasureText([needleOf('接続口')])).map((h) => h.measureId)).toContain('5.2.3(1)ii-7');
  });
});

describe.skipIf(!PG_TEST_URL)('postgres search index', () => {
  it('takes LIKE’s own characters literally', async () => {
    const store = await freshPgStore();
    await store.seed(seeds, reference, audit);
    const needles = ['%', '_', '\\', '%%', 'a_b', '\\%'];
    expect(sortHits(await store.searchMeasureText(needles))).toEqual(
      sortHits(findNeedles(allSearchRows(seeds), needles)),
    );
  });

  it('is rebuilt on opening when it was built by other rules (or not at all)', async () => {
    const first = await freshPgStore();
    await first.seed(seeds, reference, audit);
    const schema = schemaOf(first);
    await pgQuery(schema, 'DELETE FROM measure_search');
    await pgQuery(schema, `UPDATE meta SET value = '0' WHERE key = 'searchIndexVersion'`);
    expect(await first.searchMeasureText([needleOf('接続口')])).toEqual([]);
    const reopened = await openPgStore({ url: PG_TEST_URL!, schema, max: 2 });
    try {
      expect((await reopened.searchMeasureText([needleOf('接続口')])).map((h) => h.measureId)).toContain(
        '5.2.3(1)ii-7',
      );
      const rows = await pgQuery<{ value: string }>(schema, `SELECT value FROM meta WHERE key = 'searchIndexVersion'`);
      expect(rows[0]?.value).toBe(String(SEARCH_INDEX_VERSION));
    } finally {
      await reopened.close();
    }
  });
});
