import { describe, expect, it } from 'vitest';
import { DUE_KINDS, dueProblems, effectiveDue, kindHasDate, planPeriodDue, type Due, type DueKind } from './deadline';

const PLAN_END = '2018-03-31';

describe('kindHasDate', () => {
  const table = [
    { kind: 'date', dated: true },
    { kind: 'fiscal_year', dated: true },
    { kind: 'calendar_year', dated: true },
    { kind: 'asap', dated: false },
    { kind: 'continuous', dated: false },
    { kind: 'plan_period', dated: false },
  ] satisfies { kind: DueKind; dated: boolean }[];

  it.each(table)('$kind → $dated', ({ kind, dated }) => {
    expect(kindHasDate(kind)).toBe(dated);
  });

  it('classifies every kind there is', () => {
    expect(table.map((c) => c.kind).sort()).toEqual([...DUE_KINDS].sort());
  });
});

describe('effectiveDue', () => {
  it.each([
    {
      due: { wording: '本年中を目途', kind: 'calendar_year', date: '2015-12-31', source: '2-1' },
      expected: '2015-12-31',
    },
    { due: { wording: '本年度中', kind: 'fiscal_year', date: '2016-03-31', source: '2-3' }, expected: '2016-03-31' },
    { due: { wording: '速やかに検討', kind: 'asap', date: null, source: '2-3' }, expected: PLAN_END },
    { due: { wording: '継続実施', kind: 'continuous', date: null, source: '2-1' }, expected: PLAN_END },
    { due: planPeriodDue(), expected: PLAN_END },
  ] satisfies { due: Due; expected: string }[])('$due.kind ($due.wording) → $expected', ({ due, expected }) => {
    expect(effectiveDue(due, PLAN_END)).toBe(expected);
  });
});

describe('dueProblems', () => {
  it.each([
    { due: { wording: '2016年3月までに', kind: 'date', date: '2016-03-31', source: '2-3' }, problems: [] },
    { due: { wording: '本年度中', kind: 'fiscal_year', date: '2016-03-31', source: '2-3' }, problems: [] },
    { due: { wording: '本年中を目途', kind: 'calendar_year', date: '2015-12-31', source: '2-1' }, problems: [] },
    { due: { wording: '早急に策定', kind: 'asap', date: null, source: '2-1' }, problems: [] },
    { due: { wording: '継続実施', kind: 'continuous', date: null, source: 'staff' }, problems: [] },
    { due: planPeriodDue(), problems: [] },
    {
      due: { wording: '本年度中', kind: 'fiscal_year', date: null, source: '2-3' },
      problems: ['kind fiscal_year needs a date'],
    },
    {
      due: { wording: '速やかに', kind: 'asap', date: '2016-03-31', source: '2-3' },
      problems: ['kind asap carries no date'],
    },
    {
      due: { wording: '継続', kind: 'plan_period', date: null, source: null },
      problems: ['plan_period has no wording'],
    },
    {
      due: { wording: null, kind: 'continuous', date: null, source: null },
      problems: ['kind continuous needs its wording'],
    },
    {
      due: { wording: null, kind: 'date', date: null, source: null },
      problems: ['kind date needs a date', 'kind date needs its wording'],
    },
  ] satisfies { due: Due; problems: string[] }[])('$due.kind / $due.wording / $due.date', ({ due, problems }) => {
    expect(dueProblems(due)).toEqual(problems);
  });
});
