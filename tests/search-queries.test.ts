import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { compileSeeds } from '@/domain/seeds';
import { loadSeedBundle } from '../seeds';
import { createMemoryStore } from '../src/server/store/memory';
import { SEARCH_QUERIES } from './support/search-queries';
import { searchRecall } from './support/search-recall';

/** The official-query list (issue 18): every listed measure in the first ten results, on both stores. */
const ids = new Set(compileSeeds(loadSeedBundle()).measures.map((m) => m.id));

describe('search: queries officials type', () => {
  it('lists at least 40 queries, naming only measures that exist in seeds/', () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(40);
    for (const { q, expect: wanted } of SEARCH_QUERIES)
      for (const id of wanted) expect(ids.has(id), `${q}: ${id}`).toBe(true);
  });

  it.each([
    ['sqlite', undefined],
    ['memory', createMemoryStore()],
  ] as const)('finds every listed measure in the first ten results (%s)', async (_name, store) => {
    const { queries, recall } = await searchRecall(store);
    const missed = queries
      .filter((r) => r.recall < 1)
      .map((r) => `${r.q}: wanted ${r.expect.join(', ')}, got ${r.top.join(', ')}`);
    expect(missed).toEqual([]);
    expect(recall).toBe(1);
  });
});

describe('scripts/search-recall.ts (README)', () => {
  it('prints each query and the overall recall', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/search-recall.ts'], { encoding: 'utf8' });
    expect(out).toMatch(/^ok +100% +接続口 集約/m);
    expect(out).toMatch(/queries; recall@10 100\.0% of expected measures/);
  }, 60_000);
});
