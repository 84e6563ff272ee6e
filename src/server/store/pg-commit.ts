import { StaleVersionError, changeId, isAnnualChange, type AnnualChange, type Change } from './port';
import type { Sql } from './pg-client';
import { writeAnnualPg } from './pg-annual';
import { isRoundChange, type RoundChange } from './rounds-port';
import { writeRoundPg } from './pg-rounds';

/**
 * Applies a commit's changes inside the caller's transaction (READ COMMITTED is enough): every
 * versioned write is an UPDATE … WHERE version = expected, and PostgreSQL re-checks that condition
 * on the newest row after waiting for a concurrent writer's lock, so of two writers from the same
 * version exactly one changes a row; zero rows changed means someone else got there first. Inserts
 * of records that must not exist yet use ON CONFLICT DO NOTHING: a clash is a stale version too, and
 * it does not abort the transaction.
 */
export async function applyChangesPg(sql: Sql, changes: readonly Change[]): Promise<void> {
  // Events after every version check: a stale commit then fails before it draws event ids (a
  // sequence does not roll back), and event ids stay dense, as SQLite's.
  const ordered = [...changes.filter((c) => c.kind !== 'event'), ...changes.filter((c) => c.kind === 'event')];
  for (const change of ordered) {
    if (change.kind === 'event') {
      const e = change.event;
      await sql.run(
        `INSERT INTO progress_events (measure_id, ministry_id, effective_on, status, progress, narrative, actor,
           submitted_by, comment, recorded_at, origin)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          e.measureId,
          e.ministryId,
          e.effectiveOn,
          e.status,
          e.progress,
          e.narrative,
          e.actor,
          e.submittedBy,
          e.comment,
          e.recordedAt,
          e.origin,
        ],
      );
      continue;
    }
    const changed = isAnnualChange(change)
      ? await writeAnnualPg(sql, change)
      : isRoundChange(change)
        ? await writeRoundPg(sql, change)
        : await write(sql, change);
    if (changed !== 1) throw new StaleVersionError(change.kind, changeId(change));
  }
}

const flag = (b: boolean) => (b ? 1 : 0);

async function write(
  sql: Sql,
  change: Exclude<Change, { kind: 'event' } | AnnualChange | RoundChange>,
): Promise<number> {
  switch (change.kind) {
    case 'measure': {
      const m = change.next;
      const changed = await sql.run(
        `UPDATE measures SET due_wording = $1, due_kind = $2, due_date = $3, due_source = $4, rag_rating = $5,
           rag_reason = $6, version = $7 WHERE id = $8 AND version = $9`,
        [
          m.due.wording,
          m.due.kind,
          m.due.date,
          m.due.source,
          m.rag?.rating ?? null,
          m.rag?.reason ?? null,
          m.version,
          m.id,
          change.expectVersion,
        ],
      );
      // Only once the version check passed: a stale write must leave the targets alone.
      if (changed === 1) {
        await sql.run('DELETE FROM measure_fy_targets WHERE measure_id = $1', [m.id]);
        for (const t of m.fyTargets ?? [])
          await sql.run('INSERT INTO measure_fy_targets (measure_id, fy, percent) VALUES ($1, $2, $3)', [
            m.id,
            t.fy,
            t.percent,
          ]);
      }
      return changed;
    }
    case 'assignment': {
      const a = change.next;
      return sql.run(
        `UPDATE assignments SET status = $1, progress = $2, narrative = $3, confirmed = $4, role = $5, provenance = $6,
           version = $7 WHERE measure_id = $8 AND ministry_id = $9 AND version = $10`,
        [
          a.status,
          a.progress,
          a.narrative,
          flag(a.confirmed),
          a.role,
          a.provenance,
          a.version,
          a.measureId,
          a.ministryId,
          change.expectVersion,
        ],
      );
    }
    case 'milestone': {
      const m = change.next;
      return sql.run(
        `UPDATE milestones SET title_ja = $1, title_en = $2, start = $3, "end" = $4, version = $5
         WHERE id = $6 AND version = $7`,
        [m.title.ja, m.title.en, m.start, m.end, m.version, m.id, change.expectVersion],
      );
    }
    case 'submission': {
      const s = change.next;
      if (change.expectVersion === null)
        return sql.run(
          `INSERT INTO submissions (id, measure_id, ministry_id, base_version, status, progress, narrative, evidence, state,
             submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT DO NOTHING`,
          [
            s.id,
            s.measureId,
            s.ministryId,
            s.baseVersion,
            s.status,
            s.progress,
            s.narrative,
            s.evidence,
            s.state,
            s.submittedBy,
            s.submittedAt,
            s.reviewedBy,
            s.reviewedAt,
            s.reviewComment,
            s.version,
          ],
        );
      return sql.run(
        `UPDATE submissions SET state = $1, reviewed_by = $2, reviewed_at = $3, review_comment = $4, version = $5
         WHERE id = $6 AND version = $7`,
        [s.state, s.reviewedBy, s.reviewedAt, s.reviewComment, s.version, s.id, change.expectVersion],
      );
    }
    case 'user': {
      const u = change.next;
      const fields = [
        u.email,
        u.name,
        u.role,
        u.ministryId,
        u.passwordHash,
        flag(u.mustChangePassword),
        u.totpSecret,
        flag(u.totpEnabled),
        u.totpLastStep,
        u.totpPendingSecret,
        flag(u.disabled),
        u.version,
        u.id,
      ];
      if (change.expectVersion === null)
        return sql.run(
          `INSERT INTO users (email, name, role, ministry_id, password_hash, must_change_password, totp_secret,
             totp_enabled, totp_last_step, totp_pending_secret, disabled, version, id, failed_logins, locked_until,
             created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT DO NOTHING`,
          [...fields, u.failedLogins, u.lockedUntil, u.createdAt],
        );
      // Not the sign-in failure count and lock: only the store's count and clear write those (issue 17).
      return sql.run(
        `UPDATE users SET email = $1, name = $2, role = $3, ministry_id = $4, password_hash = $5,
           must_change_password = $6, totp_secret = $7, totp_enabled = $8, totp_last_step = $9,
           totp_pending_secret = $10, disabled = $11, version = $12 WHERE id = $13 AND version = $14`,
        [...fields, change.expectVersion],
      );
    }
  }
}
