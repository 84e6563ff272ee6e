import type Database from 'better-sqlite3';
import { StaleVersionError, changeId, isAnnualChange, type AnnualChange, type Change } from './port';
import type { RoundChange } from './rounds-port';
import { writeAnnual } from './sqlite-annual';
import { writeRound } from './sqlite-rounds';
import { isRoundChange } from './rounds-port';
import { userToRow } from './sqlite-accounts';

/**
 * Applies a commit's changes inside the caller's transaction. Every versioned write is an
 * UPDATE … WHERE version = expected: zero rows changed means someone else got there first.
 */
export function applyChanges(db: Database.Database, changes: readonly Change[]): void {
  const s = statements(db);
  for (const change of changes) {
    if (change.kind === 'event') {
      s.event.run(change.event);
      continue;
    }
    const changed = isAnnualChange(change)
      ? writeAnnual(db, change)
      : isRoundChange(change)
        ? writeRound(db, change)
        : write(s, change);
    if (changed !== 1) throw new StaleVersionError(change.kind, changeId(change));
  }
}

function write(
  s: ReturnType<typeof statements>,
  change: Exclude<Change, { kind: 'event' } | AnnualChange | RoundChange>,
): number {
  switch (change.kind) {
    case 'measure': {
      const m = change.next;
      const changed = s.measure.run({
        id: m.id,
        expect: change.expectVersion,
        version: m.version,
        dueWording: m.due.wording,
        dueKind: m.due.kind,
        dueDate: m.due.date,
        dueSource: m.due.source,
        ragRating: m.rag?.rating ?? null,
        ragReason: m.rag?.reason ?? null,
      }).changes;
      // Only once the version check passed: a stale write must leave the targets alone.
      if (changed === 1) {
        s.clearTargets.run(m.id);
        for (const t of m.fyTargets ?? []) s.insertTarget.run(m.id, t.fy, t.percent);
      }
      return changed;
    }
    case 'assignment':
      return s.assignment.run({
        ...change.next,
        confirmed: change.next.confirmed ? 1 : 0,
        expect: change.expectVersion,
      }).changes;
    case 'milestone':
      return s.milestone.run({
        id: change.next.id,
        titleJa: change.next.title.ja,
        titleEn: change.next.title.en,
        start: change.next.start,
        end: change.next.end,
        version: change.next.version,
        expect: change.expectVersion,
      }).changes;
    case 'submission':
      return change.expectVersion === null
        ? insertOrConflict(() => s.insertSubmission.run(change.next).changes)
        : s.updateSubmission.run({ ...change.next, expect: change.expectVersion }).changes;
    case 'user':
      return change.expectVersion === null
        ? insertOrConflict(() => s.insertUser.run(userToRow(change.next)).changes)
        : s.updateUser.run({ ...userToRow(change.next), expect: change.expectVersion }).changes;
  }
}

/** A unique-key clash on insert is the same thing as a stale version: the record exists already. */
function insertOrConflict(run: () => number): number {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT_UNIQUE'))
      return 0;
    if (error instanceof Error && 'code' in error && String(error.code) === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 0;
    throw error;
  }
}

const cache = new WeakMap<Database.Database, ReturnType<typeof prepare>>();
function statements(db: Database.Database) {
  let s = cache.get(db);
  if (!s) cache.set(db, (s = prepare(db)));
  return s;
}

function prepare(db: Database.Database) {
  return {
    event: db.prepare(
      `INSERT INTO progress_events (measure_id, ministry_id, effective_on, status, progress, narrative, actor, submitted_by, comment, recorded_at, origin)
       VALUES (@measureId, @ministryId, @effectiveOn, @status, @progress, @narrative, @actor, @submittedBy, @comment, @recordedAt, @origin)`,
    ),
    measure: db.prepare(
      `UPDATE measures SET due_wording = @dueWording, due_kind = @dueKind, due_date = @dueDate, due_source = @dueSource,
         rag_rating = @ragRating, rag_reason = @ragReason, version = @version WHERE id = @id AND version = @expect`,
    ),
    clearTargets: db.prepare('DELETE FROM measure_fy_targets WHERE measure_id = ?'),
    insertTarget: db.prepare('INSERT INTO measure_fy_targets (measure_id, fy, percent) VALUES (?, ?, ?)'),
    assignment: db.prepare(
      `UPDATE assignments SET status = @status, progress = @progress, narrative = @narrative, confirmed = @confirmed,
         role = @role, provenance = @provenance, version = @version
       WHERE measure_id = @measureId AND ministry_id = @ministryId AND version = @expect`,
    ),
    milestone: db.prepare(
      `UPDATE milestones SET title_ja = @titleJa, title_en = @titleEn, start = @start, "end" = @end, version = @version
       WHERE id = @id AND version = @expect`,
    ),
    insertSubmission: db.prepare(
      `INSERT INTO submissions VALUES (@id, @measureId, @ministryId, @baseVersion, @status, @progress, @narrative, @evidence,
         @state, @submittedBy, @submittedAt, @reviewedBy, @reviewedAt, @reviewComment, @version)`,
    ),
    updateSubmission: db.prepare(
      `UPDATE submissions SET state = @state, reviewed_by = @reviewedBy, reviewed_at = @reviewedAt,
         review_comment = @reviewComment, version = @version WHERE id = @id AND version = @expect`,
    ),
    insertUser: db.prepare(
      `INSERT INTO users VALUES (@id, @email, @name, @role, @ministryId, @passwordHash, @mustChangePassword, @totpSecret,
         @totpEnabled, @failedLogins, @lockedUntil, @disabled, @createdAt, @version, @totpLastStep, @totpPendingSecret)`,
    ),
    // Not the sign-in failure count and lock: only the store's count and clear write those (issue 17), so
    // an edit made from a record read before a failure cannot write back the count it read.
    updateUser: db.prepare(
      `UPDATE users SET email = @email, name = @name, role = @role, ministry_id = @ministryId, password_hash = @passwordHash,
         must_change_password = @mustChangePassword, totp_secret = @totpSecret, totp_enabled = @totpEnabled,
         totp_last_step = @totpLastStep, totp_pending_secret = @totpPendingSecret,
         disabled = @disabled, version = @version
       WHERE id = @id AND version = @expect`,
    ),
  };
}
