import { beforeAll, describe, expect, it } from 'vitest';
import sample from '../../../seeds/scenarios/sample.json' with { type: 'json' };
import { MeasureListSchema, type MeasureList } from '@/domain/contract';
import { buildIndex, daysBetween, type PlanIndex } from '@/domain/plan';
import { needsAttention } from '@/domain/dashboard';
import { allStatesAt } from '@/domain/plan';
import { createApp } from '../app';
import { loadScenario, seedIfEmpty } from '../bootstrap';
import { fixedClock } from '../clock';
import { createMemoryStore } from '../store/memory';
import { client, seedTestUsers, signIn } from '../testing';
import { nodeHasher } from '../auth/passwords';

/** The list sorts on the server, over all pages, and takes an overview list whole (issue 18, item 5). */
const clock = fixedClock('2017-03-31');
let api: ReturnType<typeof client>;
let index: PlanIndex;

beforeAll(async () => {
  const store = createMemoryStore();
  await seedIfEmpty(store, clock);
  await loadScenario(store, clock, sample);
  await seedTestUsers(store, clock, nodeHasher);
  const app = createApp({ store, clock, hasher: nodeHasher });
  api = client(app, await signIn(app, clock, 'viewer'));
  index = buildIndex(await store.snapshot());
});

async function list(query: string): Promise<MeasureList> {
  const res = await api.get(`/api/measures?limit=1000&${query}`);
  expect(res.status).toBe(200);
  return MeasureListSchema.parse(await res.json());
}

describe('GET /api/measures sorted', () => {
  it('most overdue first, with the days computed for the as-of date; the rest after', async () => {
    const { items } = await list('sort=overdue');
    const overdue = items.filter((m) => m.daysOverdue !== null);
    expect(overdue.length).toBeGreaterThan(1);
    expect(items.slice(0, overdue.length)).toEqual(overdue);
    for (const m of overdue) expect(m.daysOverdue).toBe(daysBetween(m.dueDate, '2017-03-31'));
    const days = overdue.map((m) => m.daysOverdue!);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    expect((await list('sort=overdue&order=asc')).items[0]!.daysOverdue).toBe(Math.min(...days));
  });

  type Key = (m: MeasureList['items'][number]) => string | number;
  it.each([
    ['due', (m) => m.dueDate],
    ['progress', (m) => m.progress],
  ] as [string, Key][])('by %s, ascending then descending, across pages', async (sort, key) => {
    const asc = (await list(`sort=${sort}`)).items.map(key);
    expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const page2 = await api.get(`/api/measures?sort=${sort}&order=desc&limit=20&offset=20`);
    const desc = (await list(`sort=${sort}&order=desc`)).items;
    expect(MeasureListSchema.parse(await page2.json()).items).toEqual(desc.slice(20, 40));
  });

  it('an unknown sort is a 422 that names it', async () => {
    const res = await api.get('/api/measures?sort=colour');
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('sort');
  });

  it('attention= gives an overview list whole, the same measures the overview counts', async () => {
    const attention = needsAttention(allStatesAt(index, '2017-03-31'), '2017-03-31', 1000);
    for (const kind of ['overdue', 'dueSoon', 'stale'] as const) {
      const { items, total } = await list(`attention=${kind}`);
      expect(total).toBe(attention[kind].total);
      expect(new Set(items.map((m) => m.id))).toEqual(new Set(attention[kind].items.map((i) => i.id)));
    }
  });
});
