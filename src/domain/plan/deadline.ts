import { z } from 'zod';
import { IsoDateSchema, type IsoDate } from './dates';
import type { LocalizedText } from './i18n';

/**
 * A deadline keeps the text's own wording. `date` is the normalised date where the wording gives
 * one; where it gives none (速やかに, 継続) or there is no wording at all, the measure runs to
 * the end of the plan period and `effectiveDue` says so.
 */
export const DUE_KINDS = ['date', 'fiscal_year', 'calendar_year', 'asap', 'continuous', 'plan_period'] as const;
export const DueKindSchema = z.enum(DUE_KINDS);
export type DueKind = z.infer<typeof DueKindSchema>;

export const DUE_KIND_LABELS: Record<DueKind, LocalizedText> = {
  date: { ja: '期日', en: 'Date' },
  fiscal_year: { ja: '年度', en: 'Fiscal year' },
  calendar_year: { ja: '暦年', en: 'Calendar year' },
  asap: { ja: '速やかに（期日なし）', en: 'Promptly (no date)' },
  continuous: { ja: '継続', en: 'Continuous' },
  plan_period: { ja: '計画期間（本文に期限なし）', en: 'Plan period (no deadline in the text)' },
};

/**
 * Where a deadline comes from: the strategy text (2-3), the strengthening package (2-1), NISC staff,
 * or `section`: the measure has no deadline of its own and is judged against its section's target
 * (5.1.1 「2020 年までに」), which the UI and the report show as the section's, not the measure's.
 */
export const DueSourceSchema = z.enum(['2-1', '2-3', 'staff', 'section']);

export const DueSchema = z.strictObject({
  wording: z.string().min(1).nullable(),
  kind: DueKindSchema,
  date: IsoDateSchema.nullable(),
  source: DueSourceSchema.nullable(),
});
export type Due = z.infer<typeof DueSchema>;

/** Kinds whose wording carries a date; the others run to the plan period's end. */
export function kindHasDate(kind: DueKind): boolean {
  return kind === 'date' || kind === 'fiscal_year' || kind === 'calendar_year';
}

export function planPeriodDue(): Due {
  return { wording: null, kind: 'plan_period', date: null, source: null };
}

/** The date a measure is judged against. */
export function effectiveDue(due: Due, planEnd: IsoDate): IsoDate {
  return due.date ?? planEnd;
}

/** A due is consistent when dated kinds carry a date and undated kinds carry none. */
export function dueProblems(due: Due): string[] {
  const problems: string[] = [];
  if (kindHasDate(due.kind) && !due.date) problems.push(`kind ${due.kind} needs a date`);
  if (!kindHasDate(due.kind) && due.date) problems.push(`kind ${due.kind} carries no date`);
  if (due.kind === 'plan_period' && due.wording) problems.push('plan_period has no wording');
  if (due.kind !== 'plan_period' && !due.wording) problems.push(`kind ${due.kind} needs its wording`);
  return problems;
}
