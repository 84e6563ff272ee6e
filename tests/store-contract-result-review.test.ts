import { describe, expect, it } from 'vitest';
import type { ResultSubmission } from '@/domain/contract';
import { compileSeeds } from '@/domain/seeds';
import { loadSeedBundle } from '../seeds';
import { createMemoryStore } from '../src/server/store/memory';
import { StaleVersionError, type NewAuditEntry, type Store } from '../src/server/store/port';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { freshPgStore, requirePg } from './support/pg';

/** Results under review (issue 18, decision record 020): the same answers from every adapter. */
const bundle = loadSeedBundle();
const seeds = compileSeeds(bundle);
const reference = { instructions: bundle.instructions.instructions, ciSectors: bundle.ciSectors.sectors };
const audit = (action: string): NewAuditEntry => ({
  at: '2016-03-31T09:00:00.000Z',
  actor: 'test',
  action,
  entity: 'resultSubmission',
  entityId: 'x',
  before: undefined,
  after: undefined,
  requestId: null,
});

const adapters: [string, () => Store | Promise<Store>][] = [
  ['memory', createMemoryStore],
  ['sqlite', () => createSqliteStore(openDatabase(':memory:'))],
  ...(requirePg('result review store contract: postgres')
    ? [['postgres', freshPgStore] as [string, () => Promise<Store>]]
    : []),
];

describe.each(adapters)('store contract, result submissions: %s', (_name, create) => {
  const ready = async () => {
    const store = await create();
    await store.seed(seeds, reference, audit('seed'));
    const a = (await store.snapshot()).assignments;
    return { store, first: a[0]!, second: a[1]! };
  };
  const submission = (over: Partial<ResultSubmission> & Pick<ResultSubmission, 'measureId' | 'ministryId'>) =>
    ({
      id: `rs-${Math.random().toString(36).slice(2)}`,
      fy: 2016,
      baseVersion: 0,
      previousText: '',
      text: '新しい成果',
      note: '',
      state: 'pending',
      submittedBy: 'liaison@example.go.jp',
      submittedAt: '2016-06-01T00:00:00.000Z',
      reviewedBy: null,
      reviewedAt: null,
      reviewComment: null,
      version: 1,
      ...over,
    }) satisfies ResultSubmission;

  it('stores, reads back and filters submissions, newest first', async () => {
    const { store, first, second } = await ready();
    const a = submission({ id: 'a', measureId: first.measureId, ministryId: first.ministryId, note: 'メモ' });
    const b = submission({
      id: 'b',
      measureId: second.measureId,
      ministryId: second.ministryId,
      fy: 2017,
      submittedAt: '2016-07-01T00:00:00.000Z',
      previousText: '旧',
    });
    await store.commit([{ kind: 'resultSubmission', expectVersion: null, next: a }], [audit('create')]);
    await store.commit([{ kind: 'resultSubmission', expectVersion: null, next: b }], [audit('create')]);
    expect(await store.getResultSubmission('a')).toEqual(a);
    expect(await store.getResultSubmission('nope')).toBeNull();
    expect((await store.listResultSubmissions({})).map((s) => s.id)).toEqual(['b', 'a']);
    expect((await store.listResultSubmissions({ fy: 2016 })).map((s) => s.id)).toEqual(['a']);
    expect((await store.listResultSubmissions({ ministryId: second.ministryId, fy: 2017 }))[0]).toEqual(b);
    expect(await store.listResultSubmissions({ measureId: first.measureId, state: 'returned' })).toEqual([]);
  });

  it('holds one pending submission per result, and versions a review; a stale write changes nothing', async () => {
    const { store, first } = await ready();
    const key = { measureId: first.measureId, ministryId: first.ministryId };
    const a = submission({ id: 'a', ...key });
    await store.commit([{ kind: 'resultSubmission', expectVersion: null, next: a }], [audit('create')]);
    const twin = submission({ id: 'twin', ...key });
    await expect(
      store.commit([{ kind: 'resultSubmission', expectVersion: null, next: twin }], [audit('create')]),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect(await store.getResultSubmission('twin')).toBeNull();

    // Approval writes the result and the submission together.
    const approved: ResultSubmission = {
      ...a,
      state: 'approved',
      reviewedBy: 'staff@example.go.jp',
      reviewedAt: '2016-06-02T00:00:00.000Z',
      reviewComment: 'ok',
      version: 2,
    };
    const result = {
      fy: 2016,
      ...key,
      text: a.text,
      updatedBy: 'staff@example.go.jp',
      updatedAt: '2016-06-02T00:00:00.000Z',
      version: 1,
    };
    await store.commit(
      [
        { kind: 'resultSubmission', expectVersion: 1, next: approved },
        { kind: 'annualResult', expectVersion: null, next: result },
      ],
      [audit('approve')],
    );
    expect(await store.getResultSubmission('a')).toEqual(approved);
    expect((await store.annual(2016)).results).toEqual([result]);

    // Approving again from version 1 is stale, and takes the result write with it.
    await expect(
      store.commit(
        [
          { kind: 'resultSubmission', expectVersion: 1, next: { ...approved, version: 3 } },
          { kind: 'annualResult', expectVersion: 1, next: { ...result, text: 'x', version: 2 } },
        ],
        [audit('approve')],
      ),
    ).rejects.toBeInstanceOf(StaleVersionError);
    expect((await store.annual(2016)).results[0]?.text).toBe(a.text);

    // Once reviewed, a new submission for the same result may wait.
    await store.commit([{ kind: 'resultSubmission', expectVersion: null, next: twin }], [audit('create')]);
    expect((await store.listResultSubmissions({ state: 'pending' })).map((s) => s.id)).toEqual(['twin']);
  });
});
