import { compileSeeds } from '@/domain/seeds';
import { buildIndex } from '@/domain/plan';
import { loadSearchSynonyms, loadSeedBundle } from '../../seeds';
import { rankQuery } from '../../src/server/routes/search';
import type { Store } from '../../src/server/store/port';
import { createSqliteStore, openDatabase } from '../../src/server/store/sqlite';
import { SEARCH_QUERIES } from './search-queries';

export type QueryRecall = { q: string; expect: readonly string[]; found: string[]; top: string[]; recall: number };

/** Recall in the first ten results of every listed query, on a seeded SQLite store (FTS5). */
export async function searchRecall(store?: Store): Promise<{ queries: QueryRecall[]; recall: number }> {
  const bundle = loadSeedBundle();
  const seeds = compileSeeds(bundle);
  const s = store ?? createSqliteStore(openDatabase(':memory:'));
  if (await s.isEmpty()) {
    await s.seed(
      seeds,
      { instructions: [], ciSectors: [] },
      {
        at: '2016-03-31T09:00:00.000Z',
        actor: 'recall',
        action: 'seed',
        entity: 'plan',
        entityId: 'plan',
        before: undefined,
        after: undefined,
        requestId: null,
      },
    );
  }
  const index = buildIndex(await s.snapshot());
  const synonyms = loadSearchSynonyms();
  const queries: QueryRecall[] = [];
  for (const { q, expect } of SEARCH_QUERIES) {
    const top = (await rankQuery(s, index, q, synonyms)).matches.slice(0, 10).map((m) => m.measureId);
    const found = expect.filter((id) => top.includes(id));
    queries.push({ q, expect, found, top, recall: found.length / expect.length });
  }
  const wanted = queries.reduce((n, r) => n + r.expect.length, 0);
  const got = queries.reduce((n, r) => n + r.found.length, 0);
  return { queries, recall: got / wanted };
}
