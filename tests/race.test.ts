import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { MeasureDetail } from '@/domain/contract';
import { createSqliteStore, openDatabase } from '../src/server/store/sqlite';
import { TEST_USERS } from '../src/server/testing';
import { assignmentPath, createWorld, json, MEASURE, type ErrorJson } from './support/world';

/**
 * No lost updates: ten NISC staff sessions PATCH the same assignment from the same version at once,
 * a thousand times over, against SQLite on disk (WAL). Each round exactly one wins and nine get 412
 * with the current state; every accepted change is in the final state, the audit trail and the timeline.
 */
const CLIENTS = 10;
const ROUNDS = 1000;

const dir = mkdtempSync(join(tmpdir(), 'tracker-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it(`${CLIENTS} concurrent writers × ${ROUNDS} rounds: one 200 and ${CLIENTS - 1} × 412 per round, nothing lost`, async () => {
  const db = openDatabase(join(dir, 'race.db'));
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  const w = await createWorld({ store: createSqliteStore(db) });
  // One after another: attempts on one account are counted before the password check (issue 17), so
  // ten at once would lock it after the fifth, as ten parallel guesses would.
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) clients.push(await w.as('staff'));
  const path = assignmentPath(MEASURE, 'nisc');
  const accepted: string[] = [];
  let version = (await w.assignment(MEASURE, 'nisc')).version;
  const started = performance.now();

  for (let round = 1; round <= ROUNDS; round++) {
    const narratives = clients.map((_, i) => `round ${round} client ${i}`);
    const responses = await Promise.all(
      clients.map(async (c, i) =>
        c.patch(
          path,
          { status: 'in_progress', progress: round % 100, narrative: narratives[i], comment: `r${round}` },
          version,
        ),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const winners = statuses.flatMap((s, i) => (s === 200 ? [i] : []));
    expect(winners, `round ${round}: ${statuses.join(',')}`).toHaveLength(1);
    expect(
      statuses.filter((s) => s === 412),
      `round ${round}`,
    ).toHaveLength(CLIENTS - 1);
    const winner = winners[0]!;
    const won = await json<MeasureDetail>(responses[winner]!);
    const next = won.assignments.find((a) => a.ministryId === 'nisc')!;
    expect(next).toMatchObject({ narrative: narratives[winner], version: version + 1 });
    expect(responses[winner]!.headers.get('etag')).toBe(`"${version + 1}"`);
    for (const [i, res] of responses.entries()) {
      if (i === winner) continue;
      const { error } = await json<ErrorJson>(res);
      expect(error.code).toBe('stale_version');
      // The current state comes back with the 412, so the client can show what changed.
      const current = (error.current as MeasureDetail).assignments.find((a) => a.ministryId === 'nisc');
      expect(current?.version).toBe(version + 1);
    }
    accepted.push(narratives[winner]!);
    version += 1;
  }
  const elapsed = (performance.now() - started) / 1000;
  console.log(`race: ${ROUNDS} rounds × ${CLIENTS} clients on SQLite (WAL) in ${elapsed.toFixed(1)} s`);

  // The last accepted change is the final state.
  expect(await w.assignment(MEASURE, 'nisc')).toMatchObject({ narrative: accepted.at(-1), version });
  // Every accepted change is in the audit trail, once, and nothing else is.
  const trail = await w.store.listAudit({
    limit: 10_000,
    offset: 0,
    action: 'assignment.update',
    entityId: `${MEASURE}/nisc`,
  });
  expect(trail.total).toBe(ROUNDS);
  const audited = trail.items.map((e) => (e.after as { narrative: string }).narrative).reverse();
  expect(audited).toEqual(accepted);
  expect(trail.items.every((e) => e.actor === TEST_USERS.staff.email)).toBe(true);
  // And in the measure's timeline (progress events): each accepted change once, in order.
  const events = (await w.store.snapshot()).events.filter((e) => e.measureId === MEASURE && e.origin === 'user');
  expect(events.map((e) => e.narrative)).toEqual(accepted);
  expect(new Set(events.map((e) => e.narrative)).size).toBe(ROUNDS);
  await w.store.close();
}, 600_000);
