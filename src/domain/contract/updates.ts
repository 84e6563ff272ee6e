import type { AssignmentPatchBody, FyTargetsBody, MeasurePatchBody } from './contract-updates';
import { dayNumber, type IsoDate } from '@/domain/plan';
import { dueProblems, effectiveDue, type Due } from '@/domain/plan';
import { fiscalYearEnd } from '@/domain/plan';
import type { AssignmentRecord, FyTarget, MeasureRecord, Milestone } from '@/domain/plan';
import type { Status } from '@/domain/plan';

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
 * Sets a measure's fiscal-year targets (年度末目標, issue 11). Refused, with the reason: a continuous
 * measure (no line to shape), the same year twice, a year that does not end between the measure's
 * start and its effective due date (that date is 100 % already), or a target below an earlier one.
 */
export function applyFyTargets(
  measure: MeasureRecord,
  body: Pick<FyTargetsBody, 'targets'>,
  planEnd: IsoDate,
): Outcome<MeasureRecord> {
  const targets: FyTarget[] = [...body.targets].sort((a, b) => a.fy - b.fy);
  const issues: { path: string; message: string }[] = [];
  if (measure.due.kind === 'continuous' && targets.length)
    issues.push(
      issue('targets', '継続施策には年度末目標を設定できません', 'A continuous measure has no targets to set'),
    );
  const start = dayNumber(measure.start);
  const due = dayNumber(effectiveDue(measure.due, planEnd));
  targets.forEach((t, i) => {
    const end = dayNumber(fiscalYearEnd(t.fy));
    const prev = targets[i - 1];
    if (prev?.fy === t.fy) issues.push(issue('targets', `${t.fy}年度が重複しています`, `FY${t.fy} appears twice`));
    else if (end <= start || end >= due)
      issues.push(
        issue(
          'targets',
          `${t.fy}年度末は施策の開始日から期限までの間にありません`,
          `The end of FY${t.fy} is not between the measure's start and its due date`,
        ),
      );
    if (prev && prev.fy !== t.fy && t.percent < prev.percent)
      issues.push(
        issue(
          'targets',
          `${t.fy}年度の目標が前年度より低くなっています`,
          `The FY${t.fy} target is below an earlier one`,
        ),
      );
  });
  if (issues.length) return { ok: false, issues };
  // No targets is no field, as the stores read it back.
  const next: MeasureRecord = { ...measure, fyTargets: targets, version: measure.version + 1 };
  if (!targets.length) delete next.fyTargets;
  return { ok: true, next };
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
