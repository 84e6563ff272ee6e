import type { AssignmentPatchBody, MeasurePatchBody } from './contract-updates';
import { dueProblems, type Due } from './deadline';
import type { AssignmentRecord, MeasureRecord, Milestone } from './model';
import type { Status } from './status';

/** What a write would do, or why it cannot: the server and the import share these rules. */
export type Outcome<T> = { ok: true; next: T } | { ok: false; issues: { path: string; message: string }[] };

const issue = (path: string, ja: string, en: string) => ({ path, message: `${ja} / ${en}` });

/** Status and progress must agree: 完了 is 100 %, 未着手 is 0 %. */
export function statusProgressIssues(status: Status, progress: number): { path: string; message: string }[] {
  if (status === 'completed' && progress !== 100)
    return [issue('progress', '完了の場合、進捗は100%です', 'A completed assignment is at 100%')];
  if (status === 'not_started' && progress !== 0)
    return [issue('progress', '未着手の場合、進捗は0%です', 'A not-started assignment is at 0%')];
  return [];
}

export function applyMeasurePatch(measure: MeasureRecord, patch: MeasurePatchBody): Outcome<MeasureRecord> {
  let due: Due = measure.due;
  if (patch.due) {
    due = { ...patch.due, source: 'staff' };
    const problems = dueProblems(due);
    if (problems.length)
      return {
        ok: false,
        issues: problems.map((p) => issue('due', `期限の指定が矛盾しています（${p}）`, `Inconsistent deadline: ${p}`)),
      };
  }
  const rag = patch.rag === undefined ? measure.rag : patch.rag;
  return { ok: true, next: { ...measure, due, rag, version: measure.version + 1 } };
}

/**
 * Applies an update to an assignment. Setting 完了 without a progress figure moves progress to 100 %,
 * 未着手 to 0 %; a contradiction is refused rather than guessed at.
 */
export function applyAssignmentPatch(
  a: AssignmentRecord,
  patch: Pick<AssignmentPatchBody, 'status' | 'progress' | 'narrative' | 'confirmed'>,
): Outcome<AssignmentRecord> & { progressChanged?: boolean } {
  const status = patch.status ?? a.status;
  const progress = patch.progress ?? (status === 'completed' ? 100 : status === 'not_started' ? 0 : a.progress);
  const issues = statusProgressIssues(status, progress);
  if (issues.length) return { ok: false, issues };
  const narrative = patch.narrative ?? a.narrative;
  const next: AssignmentRecord = {
    ...a,
    status,
    progress,
    narrative,
    confirmed: a.confirmed || patch.confirmed === true,
    version: a.version + 1,
  };
  const progressChanged = status !== a.status || progress !== a.progress || narrative !== a.narrative;
  return { ok: true, next, progressChanged };
}

export function applyMilestonePatch(
  m: Milestone,
  patch: { title?: Milestone['title']; start?: string; end?: string },
): Outcome<Milestone> {
  const next = {
    ...m,
    title: patch.title ?? m.title,
    start: patch.start ?? m.start,
    end: patch.end ?? m.end,
    version: m.version + 1,
  };
  if (next.end < next.start)
    return { ok: false, issues: [issue('end', '終了日が開始日より前です', 'The end is before the start')] };
  return { ok: true, next };
}
