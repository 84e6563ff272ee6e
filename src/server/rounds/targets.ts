import type { AnnualData } from '@/domain/contract';
import type { AssignmentRecord, PlanIndex } from '@/domain/plan';
import type { AnswerValues, Round, RoundRow } from '@/domain/rounds';
import type { Change } from '../store/port';

/** What a row is about, as stored now: the values an answer replaces and the version it was given against. */
export type Target = { current: AnswerValues | null; version: number; assignment: AssignmentRecord | null };

export function assignmentOf(index: PlanIndex, measureId: string, ministryId: string): AssignmentRecord | null {
  for (const t of index.tracksByMeasure.get(measureId) ?? []) if (t.record.ministryId === ministryId) return t.record;
  return null;
}

export function targetOf(
  index: PlanIndex,
  annual: AnnualData,
  row: Pick<RoundRow, 'kind' | 'measureId' | 'ministryId'>,
): Target {
  const a = assignmentOf(index, row.measureId, row.ministryId);
  if (row.kind === 'assignment')
    return {
      current: a ? { status: a.status, progress: a.progress, narrative: a.narrative } : null,
      version: a?.version ?? 0,
      assignment: a,
    };
  if (row.kind === 'result') {
    const r = annual.results.find((x) => x.measureId === row.measureId && x.ministryId === row.ministryId);
    return { current: { text: r?.text ?? '' }, version: r?.version ?? 0, assignment: a };
  }
  const p = annual.plans.find((x) => x.measureId === row.measureId);
  return { current: { text: p?.nextPlanText ?? '' }, version: p?.version ?? 0, assignment: a };
}

/** The changes that apply an accepted answer: the same versioned records the update screens write. */
export function applyAnswer(
  round: Round,
  row: RoundRow,
  annual: AnnualData,
  target: Target,
  actor: string,
  now: string,
  today: string,
  comment: string,
): Change[] {
  const answer = row.answer!;
  if (row.kind === 'assignment' && 'status' in answer) {
    const a = target.assignment!;
    if (
      row.unchanged &&
      a.status === answer.status &&
      a.progress === answer.progress &&
      a.narrative === answer.narrative
    )
      return [];
    return [
      { kind: 'assignment', expectVersion: a.version, next: { ...a, ...answer, version: a.version + 1 } },
      {
        kind: 'event',
        event: {
          measureId: a.measureId,
          ministryId: a.ministryId,
          effectiveOn: today,
          status: answer.status,
          progress: answer.progress,
          narrative: answer.narrative,
          actor,
          submittedBy: row.answeredBy,
          comment: comment || `照会「${round.title}」の回答を受理 / Accepted answer to round "${round.title}"`,
          recordedAt: now,
          origin: 'user',
        },
      },
    ];
  }
  if (!('text' in answer) || row.unchanged) return [];
  const base = target.version;
  if (row.kind === 'result')
    return [
      {
        kind: 'annualResult',
        expectVersion: base === 0 ? null : base,
        next: {
          fy: round.fy,
          measureId: row.measureId,
          ministryId: row.ministryId,
          text: answer.text,
          updatedBy: actor,
          updatedAt: now,
          version: base + 1,
        },
      },
    ];
  const plan = annual.plans.find((p) => p.measureId === row.measureId);
  return [
    {
      kind: 'annualPlan',
      expectVersion: base === 0 ? null : base,
      next: {
        fy: round.fy,
        measureId: row.measureId,
        planText: plan?.planText ?? '',
        nextPlanText: answer.text,
        updatedBy: actor,
        updatedAt: now,
        version: base + 1,
      },
    },
  ];
}
