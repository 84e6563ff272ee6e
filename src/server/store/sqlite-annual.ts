import type Database from 'better-sqlite3';
import type { AnnualData, RosterEntry } from '@/domain/contract';
import type { AnnualChange } from './port';

/** The annual cycle's tables (migration 3): versioned upserts inside the caller's transaction. */

export type Row = Record<string, string | number>;

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function statements(db: Database.Database) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

function prepare(db: Database.Database) {
  return {
    insertPlan: db.prepare(
      `INSERT INTO annual_plans (fy, measure_id, plan_text, next_plan_text, updated_by, updated_at, version)
       VALUES (@fy, @measureId, @planText, @nextPlanText, @updatedBy, @updatedAt, @version)`,
    ),
    updatePlan: db.prepare(
      `UPDATE annual_plans SET plan_text = @planText, next_plan_text = @nextPlanText, updated_by = @updatedBy,
         updated_at = @updatedAt, version = @version WHERE fy = @fy AND measure_id = @measureId AND version = @expect`,
    ),
    insertResult: db.prepare(
      `INSERT INTO annual_results (fy, measure_id, ministry_id, text, updated_by, updated_at, version)
       VALUES (@fy, @measureId, @ministryId, @text, @updatedBy, @updatedAt, @version)`,
    ),
    updateResult: db.prepare(
      `UPDATE annual_results SET text = @text, updated_by = @updatedBy, updated_at = @updatedAt, version = @version
       WHERE fy = @fy AND measure_id = @measureId AND ministry_id = @ministryId AND version = @expect`,
    ),
    insertYear: db.prepare(
      `INSERT INTO fiscal_years (fy, started_at, started_by, roster, version) VALUES (@fy, @startedAt, @startedBy, @roster, @version)`,
    ),
    updateYear: db.prepare(
      `UPDATE fiscal_years SET started_at = @startedAt, started_by = @startedBy, roster = @roster, version = @version
       WHERE fy = @fy AND version = @expect`,
    ),
    plans: db.prepare('SELECT * FROM annual_plans WHERE fy = ? ORDER BY measure_id'),
    results: db.prepare('SELECT * FROM annual_results WHERE fy = ? ORDER BY measure_id, ministry_id'),
    year: db.prepare('SELECT * FROM fiscal_years WHERE fy = ?'),
  };
}

/** Applies one change; returns the rows changed (0: the version moved, or the record exists already). */
export function writeAnnual(db: Database.Database, change: AnnualChange): number {
  const s = statements(db);
  const insert = (run: () => number) => {
    try {
      return run();
    } catch (error) {
      if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT_PRIMARYKEY'))
        return 0;
      throw error;
    }
  };
  const expect = change.expectVersion;
  switch (change.kind) {
    case 'annualPlan':
      return expect === null
        ? insert(() => s.insertPlan.run(change.next).changes)
        : s.updatePlan.run({ ...change.next, expect }).changes;
    case 'annualResult':
      return expect === null
        ? insert(() => s.insertResult.run(change.next).changes)
        : s.updateResult.run({ ...change.next, expect }).changes;
    case 'fiscalYear': {
      const row = { ...change.next, roster: JSON.stringify(change.next.roster) };
      return expect === null
        ? insert(() => s.insertYear.run(row).changes)
        : s.updateYear.run({ ...row, expect }).changes;
    }
  }
}

export function readAnnual(db: Database.Database, fy: number): AnnualData {
  const s = statements(db);
  return annualFromRows(fy, s.year.get(fy) as Row | undefined, s.plans.all(fy) as Row[], s.results.all(fy) as Row[]);
}

/** A fiscal year's rows as records (both SQL adapters). */
export function annualFromRows(fy: number, year: Row | undefined, plans: Row[], results: Row[]): AnnualData {
  return {
    fiscalYear: year
      ? {
          fy,
          startedAt: String(year.started_at),
          startedBy: String(year.started_by),
          roster: JSON.parse(String(year.roster)) as RosterEntry[],
          version: Number(year.version),
        }
      : null,
    plans: plans.map((r) => ({
      fy,
      measureId: String(r.measure_id),
      planText: String(r.plan_text),
      nextPlanText: String(r.next_plan_text),
      updatedBy: String(r.updated_by),
      updatedAt: String(r.updated_at),
      version: Number(r.version),
    })),
    results: results.map((r) => ({
      fy,
      measureId: String(r.measure_id),
      ministryId: String(r.ministry_id),
      text: String(r.text),
      updatedBy: String(r.updated_by),
      updatedAt: String(r.updated_at),
      version: Number(r.version),
    })),
  };
}
