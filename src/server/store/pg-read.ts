import type { PlanSnapshot } from '@/domain/plan';
import type { Sql } from './pg-client';
import {
  patchSnapshot,
  snapshotFromRows,
  SNAPSHOT_QUERIES,
  type PlanKey,
  type Row,
  type SnapshotRows,
} from './sqlite-read';

/**
 * The plan read for PostgreSQL: the same queries and row mappers as SQLite (sqlite-read.ts), asked
 * inside the caller's REPEATABLE READ transaction so every table is read at one instant.
 */
export async function readSnapshotPg(sql: Sql): Promise<PlanSnapshot> {
  const { planPeriod, ...lists } = SNAPSHOT_QUERIES('seq');
  const rows: Record<string, Row[]> = {};
  for (const [key, text] of Object.entries(lists)) rows[key] = await sql.rows(text); // one connection: in turn

  const period = await sql.one<{ value: string }>(planPeriod);
  return snapshotFromRows({ ...(rows as Omit<SnapshotRows, 'planPeriod'>), planPeriod: period?.value });
}

/**
 * The snapshot after one or more commits from the one before them (decision record 003), read in
 * the transaction of the commit or of a read at one instant: only the rows the commits wrote
 * (`keys`) are fetched, then `patchSnapshot` shares the rest.
 */
export async function readCommittedPg(sql: Sql, before: PlanSnapshot, changes: readonly PlanKey[]) {
  const measures = new Map<string, { row: Row; milestoneIds: string[]; packageIds: string[]; targets: Row[] }>();
  const assignments = new Map<string, Row>();
  const milestones = new Map<string, Row>();
  for (const change of changes) {
    if (change.kind === 'measure') {
      const id = change.id;
      measures.set(id, {
        row: (await sql.one('SELECT * FROM measures WHERE id = $1', [id]))!,
        milestoneIds: (
          await sql.rows<{ id: string }>(
            'SELECT milestone_id AS id FROM measure_milestones WHERE measure_id = $1 ORDER BY seq',
            [id],
          )
        ).map((r) => r.id),
        packageIds: (
          await sql.rows<{ id: string }>(
            'SELECT package_id AS id FROM measure_package WHERE measure_id = $1 ORDER BY package_id',
            [id],
          )
        ).map((r) => r.id),
        targets: await sql.rows('SELECT * FROM measure_fy_targets WHERE measure_id = $1 ORDER BY fy', [id]),
      });
    } else if (change.kind === 'assignment') {
      const { measureId, ministryId } = change;
      const row = await sql.one('SELECT * FROM assignments WHERE measure_id = $1 AND ministry_id = $2', [
        measureId,
        ministryId,
      ]);
      assignments.set(`${measureId}\u0000${ministryId}`, row!);
    } else if (change.kind === 'milestone') {
      milestones.set(change.id, (await sql.one('SELECT * FROM milestones WHERE id = $1', [change.id]))!);
    }
  }
  const after = before.events[before.events.length - 1]?.id ?? 0;
  const newEvents = changes.some((c) => c.kind === 'event')
    ? await sql.rows('SELECT * FROM progress_events WHERE id > $1 ORDER BY id', [after])
    : [];
  return patchSnapshot(before, changes, {
    measure: (id) => measures.get(id)!,
    assignment: (m, o) => assignments.get(`${m}\u0000${o}`)!,
    milestone: (id) => milestones.get(id)!,
    eventsAfter: () => newEvents,
  });
}
