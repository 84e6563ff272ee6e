import type Database from 'better-sqlite3';
import type { AnnualData, ResultSubmission, RosterEntry } from '@/domain/contract';
import type { AnnualChange, ResultSubmissionFilter } from './port';

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
    insertResultSubmission: db.prepare(
      `INSERT INTO result_submissions (id, fy, measure_id, ministry_id, base_version, previous_text, text, note, state,
         submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment, version)
       VALUES (@id, @fy, @measureId, @ministryId, @baseVersion, @previousText, @text, @note, @state,
         @submittedBy, @submittedAt, @reviewedBy, @reviewedAt, @reviewComment, @version)`,
    ),
    updateResultSubmission: db.prepare(
      `UPDATE result_submissions SET state = @state, reviewed_by = @reviewedBy, reviewed_at = @reviewedAt,
         review_comment = @reviewComment, version = @version WHERE id = @id AND version = @expect`,
    ),
    resultSubmission: db.prepare('SELECT * FROM result_submissions WHERE id = ?'),
    resultSubmissions: db.prepare(
      `SELECT * FROM result_submissions WHERE (@state IS NULL OR state = @state)
         AND (@ministryId IS NULL OR ministry_id = @ministryId) AND (@measureId IS NULL OR measure_id = @measureId)
         AND (@fy IS NULL OR fy = @fy) ORDER BY submitted_at DESC, id DESC`,
    ),
  };
}

/** Applies one change; returns the rows changed (0: the version moved, or the record exists already). */
export function writeAnnual(db: Database.Database, change: AnnualChange): number {
  const s = statements(db);
  const insert = (run: () => number) => {
    try {
      return run();
    } catch (error) {
      // A second pending submission for one result breaks its partial unique index: stale, as a taken key is.
      if (
        error instanceof Error &&
        'code' in error &&
        /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)/.test(String(error.code))
      )
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
    case 'resultSubmission':
      return expect === null
        ? insert(() => s.insertResultSubmission.run(change.next).changes)
        : s.updateResultSubmission.run({ ...change.next, expect }).changes;
  }
}

export function getResultSubmission(db: Database.Database, id: string): ResultSubmission | null {
  const row = statements(db).resultSubmission.get(id) as Row | undefined;
  return row ? resultSubmissionFromRow(row) : null;
}

export function listResultSubmissions(db: Database.Database, f: ResultSubmissionFilter): ResultSubmission[] {
  const rows = statements(db).resultSubmissions.all({
    state: f.state ?? null,
    ministryId: f.ministryId ?? null,
    measureId: f.measureId ?? null,
    fy: f.fy ?? null,
  }) as Row[];
  return rows.map(resultSubmissionFromRow);
}

/** A result_submissions row as its record (both SQL adapters; nullable columns come back as null). */
export function resultSubmissionFromRow(r: Record<string, string | number | null>): ResultSubmission {
  const orNull = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    fy: Number(r.fy),
    measureId: String(r.measure_id),
    ministryId: String(r.ministry_id),
    baseVersion: Number(r.base_version),
    previousText: String(r.previous_text),
    text: String(r.text),
    note: String(r.note),
    state: String(r.state) as ResultSubmission['state'],
    submittedBy: String(r.submitted_by),
    submittedAt: String(r.submitted_at),
    reviewedBy: orNull(r.reviewed_by),
    reviewedAt: orNull(r.reviewed_at),
    reviewComment: orNull(r.review_comment),
    version: Number(r.version),
  };
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
