import type pg from 'pg';
import type { PlanSnapshot } from '@/domain/plan';
import { allSearchRows, SEARCH_INDEX_VERSION, type SearchField, type SearchHit } from '@/domain/search';
import { insertMany, transaction, type Sql } from './pg-client';
import { readSnapshotPg } from './pg-read';

/**
 * The search index on PostgreSQL (decision record 016): a plain table of the domain's normalised
 * field texts with a pg_trgm GIN index (migration 9), asked `text LIKE '%' || needle || '%'`, a
 * case-sensitive substring test (the column is COLLATE "C"). The index answers needles of three
 * characters or more; a shorter one scans the same few thousand rows, as SQLite's instr() does.
 */

type Plan = Pick<PlanSnapshot, 'measures' | 'assignments' | 'organisations' | 'milestones'>;

/** Replaces the whole index inside the caller's transaction (the seeding one, or the rebuild on start). */
export async function rebuildSearchPg(q: Sql, plan: Plan): Promise<void> {
  await q.run('DELETE FROM measure_search');
  await insertMany(
    q,
    'measure_search',
    ['measure_id', 'field', 'text'],
    allSearchRows(plan).map((r) => [r.measureId, r.field, r.text]),
  );
  await q.run(
    `INSERT INTO meta (key, value) VALUES ('searchIndexVersion', $1)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [String(SEARCH_INDEX_VERSION)],
  );
}

const isCurrent = async (q: Sql) =>
  (await q.one<{ value: string }>(`SELECT value FROM meta WHERE key = 'searchIndexVersion'`))?.value ===
  String(SEARCH_INDEX_VERSION);

/**
 * On start: an index built by older normalisation rules (or none yet, after migration 9) is rebuilt
 * from the plan. Instances starting together queue on a lock and the later ones find it current.
 */
export async function refreshSearchPg(pool: pg.Pool, sql: Sql): Promise<void> {
  if (await isCurrent(sql)) return;
  await transaction(pool, async (q) => {
    await q.run(`SELECT pg_advisory_xact_lock(hashtext('tracker:search:' || current_schema()))`);
    if (await isCurrent(q)) return;
    if (Number((await q.one<{ n: number }>('SELECT count(*)::int AS n FROM measures'))?.n) === 0) return;
    await rebuildSearchPg(q, await readSnapshotPg(q));
  });
}

/** LIKE's own characters taken literally. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function pgSearch(sql: Sql) {
  return {
    async searchMeasureText(needles: readonly string[]): Promise<SearchHit[]> {
      const hits: SearchHit[] = [];
      for (const needle of new Set(needles)) {
        if (!needle) continue;
        const rows = await sql.rows<{ measureId: string; field: SearchField }>(
          `SELECT DISTINCT measure_id AS "measureId", field FROM measure_search
           WHERE text LIKE '%' || $1::text || '%' ESCAPE '\\'`,
          [escapeLike(needle)],
        );
        for (const r of rows) hits.push({ needle, measureId: r.measureId, field: r.field });
      }
      return hits;
    },
  };
}
