import type { AnnualData } from '@/domain/contract';
import { statusProgressIssues } from '@/domain/contract';
import type { PlanIndex } from '@/domain/plan';
import { ministryProgress, type AnswerValues, type Round, type RoundRow } from '@/domain/rounds';
import { actsFor } from '@/domain/auth';
import type { Change, NewAuditEntry, Store, UserRecord } from '../store/port';
import { notification, params, staffUsers } from './notify';
import { targetOf } from './targets';

/** One answer as given: values, or 「変更なし」 (the current values, confirmed). */
export type GivenAnswer = {
  rowId: string;
  version: number;
  baseVersion: number;
  unchanged: boolean;
  values: Partial<{ status: string; progress: number; narrative: string; text: string }>;
};

export type AnswerRefusal = { status: 403 | 404 | 409 | 412 | 422; code: string; message: string; current?: unknown };
export type AnswerCheck = { ok: true; next: RoundRow } | ({ ok: false } & AnswerRefusal);

const refuse = (status: AnswerRefusal['status'], code: string, message: string, current?: unknown): AnswerCheck => ({
  ok: false,
  status,
  code,
  message,
  current,
});

/** Checks one answer against its row and the current target; returns the answered row or why not. */
export function checkAnswer(
  given: GivenAnswer,
  row: RoundRow | null | undefined,
  round: Round,
  index: PlanIndex,
  annual: AnnualData,
  user: UserRecord,
  now: string,
): AnswerCheck {
  if (!row || row.roundId !== round.id)
    return refuse(404, 'not_found', `行が見つかりません / Row not found: ${given.rowId}`);
  if (!actsFor(user, row.ministryId))
    return refuse(403, 'forbidden', '自府省庁の行のみ回答できます / You can answer only your own ministry’s rows');
  if (row.state === 'accepted')
    return refuse(409, 'already_accepted', '受理済みの行は変更できません / This row has been accepted already', row);
  if (row.version !== given.version)
    return refuse(
      412,
      'stale_version',
      '他の利用者が先に回答しました。最新の内容を確認してください / Someone else answered this row first; review the current answer',
      row,
    );
  const target = targetOf(index, annual, row);
  if (target.version !== given.baseVersion || target.current === null)
    return refuse(
      412,
      'stale_version',
      '回答の作成後に内容が更新されています。最新の内容を確認してください / The record changed after you read it; review the current values',
      target.current,
    );
  const answer = given.unchanged ? target.current : valuesFor(row, target.current, given.values);
  if ('message' in answer) return refuse(422, 'validation_failed', answer.message);
  return {
    ok: true,
    next: {
      ...row,
      state: 'answered',
      baseVersion: target.version,
      answer,
      unchanged: given.unchanged,
      answeredBy: user.email,
      answeredAt: now,
      version: row.version + 1,
    },
  };
}

function valuesFor(row: RoundRow, current: AnswerValues, v: GivenAnswer['values']): AnswerValues | { message: string } {
  if (row.kind === 'assignment' && 'status' in current) {
    const status = (v.status ?? current.status) as typeof current.status;
    const progress = v.progress ?? current.progress;
    const issues = statusProgressIssues(status, progress);
    if (issues.length) return { message: issues.map((i) => i.message).join('; ') };
    return { status, progress, narrative: v.narrative ?? current.narrative };
  }
  if (v.text === undefined) return { message: '回答の本文を入力してください / Enter the text of the answer' };
  return { text: v.text };
}

/**
 * The commit for a batch of answered rows: every row, one audit entry each, and — when a ministry has
 * now answered every row — a notification for NISC staff.
 */
export async function answerCommit(
  store: Store,
  round: Round,
  index: PlanIndex,
  answered: RoundRow[],
  user: UserRecord,
  now: string,
  today: string,
  requestId: string | null,
  source: string | null,
): Promise<{ changes: Change[]; audit: NewAuditEntry[] }> {
  const changes: Change[] = answered.map((next) => ({ kind: 'roundRow', expectVersion: next.version - 1, next }));
  const audit: NewAuditEntry[] = answered.map((next) => ({
    at: now,
    actor: user.email,
    action: 'round.answer',
    entity: 'roundRow',
    entityId: next.id,
    before: null,
    after: {
      roundId: round.id,
      measureId: next.measureId,
      ministryId: next.ministryId,
      kind: next.kind,
      answer: next.answer,
      unchanged: next.unchanged,
      source,
    },
    requestId,
  }));
  const byId = new Map(answered.map((r) => [r.id, r]));
  for (const ministryId of new Set(answered.map((r) => r.ministryId))) {
    const rows = await store.roundRows(round.id, ministryId);
    const [before] = ministryProgress([ministryId], rows, round, today);
    const [after] = ministryProgress(
      [ministryId],
      rows.map((r) => byId.get(r.id) ?? r),
      round,
      today,
    );
    if (before?.finished || !after?.finished) continue;
    const p = params(round, index.snapshot.organisations, ministryId, { count: after.owed });
    for (const staff of await staffUsers(store))
      changes.push(
        notification(staff, 'ministry_finished', round.id, `finished:${round.id}:${ministryId}:${now}`, p, now),
      );
  }
  return { changes, audit };
}
