import type { AnnualData, ResultSubmission } from '@/domain/contract';
import type { AnnualChange, ResultSubmissionFilter } from './port';
import type { Sql } from './pg-client';
import { annualFromRows, resultSubmissionFromRow, type Row } from './sqlite-annual';

/** The annual cycle's tables (migration 3) on PostgreSQL: versioned upserts inside the caller's transaction. */

/** Applies one change; returns the rows changed (0: the version moved, or the record exists already). */
export function writeAnnualPg(sql: Sql, change: AnnualChange): Promise<number> {
  const expect = change.expectVersion;
  switch (change.kind) {
    case 'annualPlan': {
      const p = change.next;
      return expect === null
        ? sql.run(
            `INSERT INTO annual_plans (fy, measure_id, plan_text, next_plan_text, updated_by, updated_at, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
            [p.fy, p.measureId, p.planText, p.nextPlanText, p.updatedBy, p.updatedAt, p.version],
          )
        : sql.run(
            `UPDATE annual_plans SET plan_text = $3, next_plan_text = $4, updated_by = $5, updated_at = $6, version = $7
             WHERE fy = $1 AND measure_id = $2 AND version = $8`,
            [p.fy, p.measureId, p.planText, p.nextPlanText, p.updatedBy, p.updatedAt, p.version, expect],
          );
    }
    case 'annualResult': {
      const r = change.next;
      return expect === null
        ? sql.run(
            `INSERT INTO annual_results (fy, measure_id, ministry_id, text, updated_by, updated_at, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
            [r.fy, r.measureId, r.ministryId, r.text, r.updatedBy, r.updatedAt, r.version],
          )
        : sql.run(
            `UPDATE annual_results SET text = $4, updated_by = $5, updated_at = $6, version = $7
             WHERE fy = $1 AND measure_id = $2 AND ministry_id = $3 AND version = $8`,
            [r.fy, r.measureId, r.ministryId, r.text, r.updatedBy, r.updatedAt, r.version, expect],
          );
    }
    case 'fiscalYear': {
      const y = change.next;
      const roster = JSON.stringify(y.roster);
      return expect === null
        ? sql.run(
            `INSERT INTO fiscal_years (fy, started_at, started_by, roster, version) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT DO NOTHING`,
            [y.fy, y.startedAt, y.startedBy, roster, y.version],
          )
        : sql.run(
            `UPDATE fiscal_years SET started_at = $2, started_by = $3, roster = $4, version = $5
             WHERE fy = $1 AND version = $6`,
            [y.fy, y.startedAt, y.startedBy, roster, y.version, expect],
          );
    }
    case 'resultSubmission': {
      const r = change.next;
      // ON CONFLICT covers the id and the one-pending-per-result index alike: 0 rows, a stale write.
      return expect === null
        ? sql.run(
            `INSERT INTO result_submissions (id, fy, measure_id, ministry_id, base_version, previous_text, text, note,
               state, submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT DO NOTHING`,
            [
              r.id,
              r.fy,
              r.measureId,
              r.ministryId,
              r.baseVersion,
              r.previousText,
              r.text,
              r.note,
              r.state,
              r.submittedBy,
              r.submittedAt,
              r.reviewedBy,
              r.reviewedAt,
              r.reviewComment,
              r.version,
            ],
          )
        : sql.run(
            `UPDATE result_submissions SET state = $2, reviewed_by = $3, reviewed_at = $4, review_comment = $5,
               version = $6 WHERE id = $1 AND version = $7`,
            [r.id, r.state, r.reviewedBy, r.reviewedAt, r.reviewComment, r.version, expect],
          );
    }
  }
}

export async function getResultSubmissionPg(sql: Sql, id: string): Promise<ResultSubmission | null> {
  const row = await sql.one<Row>('SELECT * FROM result_submissions WHERE id = $1', [id]);
  return row ? resultSubmissionFromRow(row) : null;
}

export async function listResultSubmissionsPg(sql: Sql, f: ResultSubmissionFilter): Promise<ResultSubmission[]> {
  const rows = await sql.rows<Row>(
    `SELECT * FROM result_submissions WHERE ($1::text IS NULL OR state = $1)
       AND ($2::text IS NULL OR ministry_id = $2) AND ($3::text IS NULL OR measure_id = $3)
       AND ($4::integer IS NULL OR fy = $4) ORDER BY submitted_at DESC, id DESC`,
    [f.state ?? null, f.ministryId ?? null, f.measureId ?? null, f.fy ?? null],
  );
  return rows.map(resultSubmissionFromRow);
}

export async function readAnnualPg(sql: Sql, fy: number): Promise<AnnualData> {
  return annualFromRows(
    fy,
    await sql.one<Row>('SELECT * FROM fiscal_years WHERE fy = $1', [fy]),
    await sql.rows<Row>('SELECT * FROM annual_plans WHERE fy = $1 ORDER BY measure_id', [fy]),
    await sql.rows<Row>('SELECT * FROM annual_results WHERE fy = $1 ORDER BY measure_id, ministry_id', [fy]),
  );
}
