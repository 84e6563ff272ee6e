import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Due } from '@/domain/plan';
import { overview } from '@/domain/dashboard';
import { addDays } from '@/domain/plan';
import { ministrySummary } from '@/domain/dashboard';
import { computeStats, listMeasures, measureDetail } from '@/domain/contract';
import { allStatesAt, buildIndex, updateIndex, type PlanIndex, type PlanSnapshot } from '@/domain/plan';
import { STATUSES, type Status } from '@/domain/plan';
import { timeline } from '@/domain/dashboard';
import { createFigureWarmer, createPlanCache, warmPlanCache } from '../src/server/plan-cache';
import { fixedClock } from '../src/server/clock';
import { createMemoryStore } from '../src/server/store/memory';
import type { Change, NewAuditEntry, Store } from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { readSnapshot } from '../src/server/store/sqlite-read';
import { syntheticPlan } from '../src/server/synthetic';
import { freshPgStore, requirePg } from './support/pg';

const PG = requirePg('read model after writes: postgres');

/**
 * Decision record 003: after a write, the plan index is updated from what the write changed rather
 * than rebuilt, and each store brings its snapshot forward the same way. Random sequences of writes,
 * on both adapters at once, must leave (1) the SQLite snapshot equal to a full read of the database,
 * (2) the in-memory snapshot equal to the SQLite one, and (3) every answer of the updated index —
 * including the states and timelines it carried over — equal to the answers of an index built afresh.
 */

const SEED = Number(process.env.INCREMENTAL_SEED ?? 20_151_231);
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 20);

const { plan, events } = syntheticPlan({ measures: 40, ministries: 8, years: 3, seed: 7 });
const audit: NewAuditEntry = {
  at: '2017-01-01T00:00:00.000Z',
  actor: 'test',
  action: 'test',
  entity: 'plan',
  entityId: 'x',
  before: undefined,
  after: undefined,
  requestId: null,
};

/** The dates the answers are asked for (with their previous quarter ends, asked by the overview). */
const DATES = ['2015-12-31', '2016-08-15', '2017-03-31', '2018-02-01'];
const EFFECTIVE = ['2015-06-30', '2015-12-31', '2016-04-01', '2016-08-15', '2017-03-31', '2017-09-30', '2018-03-31'];
const MINISTRIES = [...new Set(plan.assignments.map((a) => a.ministryId))];

/** Everything the read side answers from an index, as plain JSON. */
function answers(index: PlanIndex) {
  const out: Record<string, unknown> = {};
  for (const asOf of DATES) {
    out[`states:${asOf}`] = allStatesAt(index, asOf);
    out[`stats:${asOf}`] = computeStats(index, asOf, 'quarter');
    out[`overview:${asOf}`] = overview(index, asOf);
    out[`timeline:${asOf}`] = timeline(index, asOf, 'ministry', null);
    out[`list:${asOf}`] = listMeasures(index, { health: 'at_risk' }, { limit: 20, offset: 0 }, asOf);
  }
  out.monthly = computeStats(index, '2017-06-30', 'month');
  out.ministry = ministrySummary(index, MINISTRIES[0]!, '2017-03-31');
  out.detail = measureDetail(index, plan.measures[0]!.id, '2017-03-31');
  return out;
}

const sortedEntries = <V>(map: Map<string, V>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function structure(index: PlanIndex) {
  return {
    measureById: sortedEntries(index.measureById),
    measureByCode: sortedEntries(index.measureByCode),
    positionById: sortedEntries(index.positionById),
    // Records are compared through the snapshots; here, which of them each list holds, in order.
    eventsByMeasure: sortedEntries(index.eventsByMeasure).map(([id, list]) => [id, list.map((e) => e.id)]),
    tracksByMeasure: sortedEntries(index.tracksByMeasure).map(([id, tracks]) => [
      id,
      tracks.map((t) => [t.record.ministryId, t.record.role, t.record.version, t.points.map((p) => p.effectiveOn)]),
    ]),
  };
}

/** Deep equality, fast: compares the JSON, and only on a difference lets toEqual show where. */
function same(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual).toEqual(expected);
}

const withoutRevision = ({ revision: _, ...rest }: PlanSnapshot & { revision: number }) => rest;

type Write =
  | { kind: 'assignment'; a: number; status: Status; progress: number; withEvent: boolean; on: number }
  | { kind: 'event'; a: number; status: Status; progress: number; on: number }
  | { kind: 'measure'; m: number; due: number; rag: boolean }
  | { kind: 'milestone'; k: number; shift: number }
  | { kind: 'pair'; a: number; b: number; on: number }
  | { kind: 'stale'; a: number }
  | { kind: 'submission'; a: number };

const progressFor = (status: Status, p: number) => (status === 'completed' ? 100 : status === 'not_started' ? 0 : p);
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({
    kind: fc.constant('assignment' as const),
    a: fc.nat(),
    status: fc.constantFrom(...STATUSES),
    progress: fc.integer({ min: 1, max: 99 }),
    withEvent: fc.boolean(),
    on: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('event' as const),
    a: fc.nat(),
    status: fc.constantFrom(...STATUSES),
    progress: fc.integer({ min: 1, max: 99 }),
    on: fc.nat(),
  }),
  fc.record({ kind: fc.constant('measure' as const), m: fc.nat(), due: fc.nat(), rag: fc.boolean() }),
  fc.record({ kind: fc.constant('milestone' as const), k: fc.nat(), shift: fc.integer({ min: -400, max: 400 }) }),
  fc.record({ kind: fc.constant('pair' as const), a: fc.nat(), b: fc.nat(), on: fc.nat() }),
  fc.record({ kind: fc.constant('stale' as const), a: fc.nat() }),
  fc.record({ kind: fc.constant('submission' as const), a: fc.nat() }),
);

const DUES: Due[] = [
  { wording: '（試験）期日', kind: 'date', date: '2016-09-30', source: 'staff' },
  { wording: '（試験）年度内', kind: 'fiscal_year', date: '2017-03-31', source: 'staff' },
  { wording: '継続', kind: 'continuous', date: null, source: 'staff' },
  { wording: null, kind: 'plan_period', date: null, source: null },
];

/** The changes one write makes, against the store's current snapshot (as the routes build them). */
function changesFor(w: Write, snap: PlanSnapshot, n: number): Change[] {
  const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
  const event = (a: PlanSnapshot['assignments'][number], status: Status, progress: number, on: number): Change => ({
    kind: 'event',
    event: {
      measureId: a.measureId,
      ministryId: a.ministryId,
      effectiveOn: pick(EFFECTIVE, on),
      status,
      progress,
      narrative: `write ${n}`,
      actor: 'test',
      submittedBy: null,
      comment: 'c',
      recordedAt: audit.at,
      origin: 'user',
    },
  });
  switch (w.kind) {
    case 'assignment': {
      const a = pick(snap.assignments, w.a);
      const progress = progressFor(w.status, w.progress);
      const next = { ...a, status: w.status, progress, narrative: `write ${n}`, version: a.version + 1 };
      return [
        { kind: 'assignment', expectVersion: a.version, next },
        ...(w.withEvent ? [event(a, w.status, progress, w.on)] : []),
      ];
    }
    case 'event':
      return [event(pick(snap.assignments, w.a), w.status, progressFor(w.status, w.progress), w.on)];
    case 'measure': {
      const m = pick(snap.measures, w.m);
      const withoutTargets = ({ fyTargets: _, ...rest }: typeof m) => rest;
      const rag = w.rag ? { rating: 'red' as const, reason: `write ${n}` } : null;
      return [
        {
          kind: 'measure',
          expectVersion: m.version,
          // Fiscal-year targets ride on the measure's version (issue 11): set on some writes, cleared on others.
          next: {
            ...withoutTargets(m),
            due: pick(DUES, w.due),
            rag,
            ...(w.rag ? { fyTargets: [{ fy: 2016, percent: n % 101 }] } : {}),
            version: m.version + 1,
          },
        },
      ];
    }
    case 'milestone': {
      const m = pick(snap.milestones, w.k);
      const start = addDays(m.start, w.shift);
      const end = addDays(m.end, w.shift);
      return [{ kind: 'milestone', expectVersion: m.version, next: { ...m, start, end, version: m.version + 1 } }];
    }
    case 'pair': {
      // Two ministries' shares of different measures and an event, in one commit.
      const [a, b] = [pick(snap.assignments, w.a), pick(snap.assignments, w.b + 1)];
      if (a === b) return [event(a, 'in_progress', 50, w.on)];
      return [
        {
          kind: 'assignment',
          expectVersion: a.version,
          next: { ...a, status: 'completed', progress: 100, version: a.version + 1 },
        },
        { kind: 'assignment', expectVersion: b.version, next: { ...b, status: 'suspended', version: b.version + 1 } },
        event(a, 'completed', 100, w.on),
      ];
    }
    case 'stale': {
      const a = pick(snap.assignments, w.a);
      return [
        event(a, 'in_progress', 10, 0),
        { kind: 'assignment', expectVersion: a.version + 7, next: { ...a, version: a.version + 8 } },
      ];
    }
    case 'submission': {
      // Not part of the plan: the revision and the snapshot stay as they are.
      const a = pick(snap.assignments, w.a);
      return [
        {
          kind: 'submission',
          expectVersion: null,
          next: {
            id: `s-${n}`,
            measureId: a.measureId,
            ministryId: a.ministryId,
            baseVersion: a.version,
            status: 'in_progress',
            progress: 20,
            narrative: '',
            evidence: '',
            state: 'pending',
            submittedBy: 'liaison@example.go.jp',
            submittedAt: audit.at,
            reviewedBy: null,
            reviewedAt: null,
            reviewComment: null,
            version: 1,
          },
        },
      ];
    }
  }
}

async function seeded(store: Store): Promise<Store> {
  await store.seed(plan, { instructions: [], ciSectors: [] }, audit);
  await store.loadScenario({ id: 'synthetic', label: { ja: '合成', en: 'Synthetic' } }, events, audit);
  return store;
}

async function commit(store: Store, changes: Change[]): Promise<boolean> {
  try {
    await store.commit(changes, [audit]);
    return true;
  } catch {
    return false;
  }
}

describe('the read model after writes (decision record 003)', () => {
  it(`stays equal to a full read and a full rebuild on both adapters, after random writes (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 12 }), async (writes) => {
        const db: Database.Database = openDatabase(':memory:');
        const stores = { memory: await seeded(createMemoryStore()), sqlite: await seeded(createSqliteStore(db)) };
        // PostgreSQL brings its snapshot forward the same way, inside its commit's transaction.
        const postgres = PG ? await seeded(await freshPgStore()) : null;
        const indexes = {
          memory: buildIndex(await stores.memory.snapshot()),
          sqlite: buildIndex(await stores.sqlite.snapshot()),
        };
        answers(indexes.memory);
        answers(indexes.sqlite);
        let n = 0;
        for (const w of writes) {
          n++;
          const changes = changesFor(w, await stores.sqlite.snapshot(), n);
          const done = [await commit(stores.memory, changes), await commit(stores.sqlite, changes)];
          expect(done[0]).toBe(done[1]);
          if (postgres) {
            expect(await commit(postgres, changes)).toBe(done[1]);
            same(withoutRevision(await postgres.snapshot()), readSnapshot(db));
          }
          const sqlite = await stores.sqlite.snapshot();
          const memory = await stores.memory.snapshot();
          same(withoutRevision(sqlite), readSnapshot(db));
          same(memory, sqlite);
          for (const name of ['memory', 'sqlite'] as const) {
            const snap = name === 'memory' ? memory : sqlite;
            const updated = updateIndex(indexes[name], snap);
            const fresh = buildIndex(snap);
            same(structure(updated), structure(fresh));
            same(answers(updated), answers(fresh));
            indexes[name] = updated;
          }
        }
        await stores.sqlite.close();
        await postgres?.close();
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 120_000);

  it('patches only what a write changed: other records and kept states are the same objects', async () => {
    const store = await seeded(createMemoryStore());
    const before = await store.snapshot();
    const index = buildIndex(before);
    const states = allStatesAt(index, '2017-03-31');
    const a = before.assignments[3]!;
    await store.commit(
      [{ kind: 'assignment', expectVersion: a.version, next: { ...a, status: 'suspended', version: a.version + 1 } }],
      [audit],
    );
    const after = await store.snapshot();
    expect(after.measures).toBe(before.measures);
    expect(after.events).toBe(before.events);
    expect(after.assignments.filter((x, i) => x !== before.assignments[i])).toHaveLength(1);
    const next = updateIndex(index, after);
    const carried = allStatesAt(next, '2017-03-31');
    const at = index.positionById.get(a.measureId)!;
    expect(carried.filter((s, i) => s !== states[i]).map((s) => s.measure.id)).toEqual([a.measureId]);
    expect(carried[at]!.assignments.find((x) => x.ministryId === a.ministryId)?.version).toBe(a.version + 1);
    // A snapshot already handed out never changes.
    expect(before.assignments[3]).toBe(a);
  });

  it('rebuilds when the snapshots cannot be compared by identity (a full re-read)', async () => {
    const store = await seeded(createMemoryStore());
    const snap = await store.snapshot();
    const index = buildIndex(snap);
    allStatesAt(index, '2017-03-31');
    const reread = structuredClone(snap);
    reread.assignments[0] = { ...reread.assignments[0]!, status: 'completed', progress: 100 };
    expect(answers(updateIndex(index, reread))).toEqual(answers(buildIndex(reread)));
  });

  const OVERVIEW_FIGURE_KEYS = [
    'body:dashboard:2017-03-31',
    'body:stats:2017-03-31:quarter:all',
    'body:stats:2017-03-31:quarter:tokyo2020',
  ];

  it('the server’s plan cache is warmed at start, follows writes and builds once for concurrent requests', async () => {
    const store = await seeded(createSqliteStore(openDatabase(':memory:')));
    const plan = createPlanCache(store);
    // The server builds the index before listening, then the overview's figures for its default date.
    await warmPlanCache(store);
    const [x, y] = await Promise.all([plan(), plan()]);
    expect(x).toBe(y);
    const figures = createFigureWarmer(store, fixedClock('2017-03-31'));
    expect(x.memo.has('body:dashboard:2017-03-31')).toBe(false);
    figures.schedule();
    await figures.idle();
    expect(x.memo.has('states:2017-03-31')).toBe(true);
    for (const key of OVERVIEW_FIGURE_KEYS) expect(x.memo.has(key), key).toBe(true);
    const a = (await store.snapshot()).assignments[0]!;
    await store.commit(
      [
        {
          kind: 'assignment',
          expectVersion: a.version,
          next: { ...a, progress: 42, status: 'in_progress', version: a.version + 1 },
        },
      ],
      [audit],
    );
    figures.schedule();
    await figures.idle();
    const z = await plan();
    expect(z).not.toBe(x);
    // The write's new index has the figures again, computed on it (not carried over).
    for (const key of OVERVIEW_FIGURE_KEYS) expect(z.memo.has(key), key).toBe(true);
    expect(z.snapshot).toBe(await store.snapshot());
    expect(answers(z)).toEqual(answers(buildIndex(z.snapshot)));
    await store.close();
  });
});
