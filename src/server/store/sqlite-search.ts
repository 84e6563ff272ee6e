import type Database from 'better-sqlite3';
import type { PlanSnapshot } from '@/domain/plan';
import { allSearchRows, SEARCH_INDEX_VERSION, type SearchField, type SearchHit } from '@/domain/search';

/**
 * The search index on SQLite (decision record 016): FTS5 with the trigram tokenizer over the
 * domain's normalised field texts. A needle of three or more characters is a quoted FTS5 phrase,
 * which the trigram index answers as "contains this substring"; a shorter needle (集約, 独法 after
 * synonyms, "it") has no trigram, so it is found with instr() over the same rows — a scan of
 * 258 × 6 short texts, well under a millisecond.
 */
export function searchQueries(db: Database.Database) {
  const insert = db.prepare('INSERT INTO measure_search (measure_id, field, text) VALUES (?, ?, ?)');
  const byPhrase = db.prepare('SELECT measure_id AS measureId, field FROM measure_search WHERE measure_search MATCH ?');
  const bySubstring = db.prepare('SELECT measure_id AS measureId, field FROM measure_search WHERE instr(text, ?) > 0');
  const version = db.prepare(`SELECT value FROM meta WHERE key = 'searchIndexVersion'`).pluck();
  const setVersion = db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('searchIndexVersion', ?)`);

  /** Replaces the whole index; called inside the seeding transaction, or on start when the rules changed. */
  function rebuild(plan: Pick<PlanSnapshot, 'measures' | 'assignments' | 'organisations' | 'milestones'>): void {
    db.prepare('DELETE FROM measure_search').run();
    for (const row of allSearchRows(plan)) insert.run(row.measureId, row.field, row.text);
    setVersion.run(String(SEARCH_INDEX_VERSION));
  }

  const isCurrent = () => version.get() === String(SEARCH_INDEX_VERSION);

  function find(needles: readonly string[]): SearchHit[] {
    const hits: SearchHit[] = [];
    for (const needle of new Set(needles)) {
      if (!needle) continue;
      const rows = (
        [...needle].length >= 3 ? byPhrase.all(`"${needle.replace(/"/g, '""')}"`) : bySubstring.all(needle)
      ) as { measureId: string; field: SearchField }[];
      for (const r of rows) hits.push({ needle, measureId: r.measureId, field: r.field });
    }
    return hits;
  }

  return { rebuild, isCurrent, find };
}
