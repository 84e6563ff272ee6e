import { describe, expect, it } from 'vitest';
import { buildIndex, fixtureSnapshot } from '@/domain/plan';
import { digestMail, notificationText } from './mail-text';
import type { RoundRow } from './rounds-contract';
import { dueReminder, ministriesWithAssignments, ministryProgress, owedRows, roundDateIssues } from './rounds-rules';

const index = buildIndex(fixtureSnapshot());

describe('owedRows: who owes which rows', () => {
  it.each([
    ['quarterly, every ministry', 'quarterly', ['meti', 'mic', 'nisc'], [], 9, { assignment: 9 }],
    ['quarterly, mic only', 'quarterly', ['mic'], [], 4, { assignment: 4 }],
    // annual: each assignment, its results, and next year's plan from the lead ministry only
    ['annual, mic (lead of m2 and m5)', 'annual', ['mic'], [], 10, { assignment: 4, result: 4, nextPlan: 2 }],
    ['quarterly, section 5.2.2 only', 'quarterly', ['meti', 'mic', 'nisc'], ['5.2.2'], 3, { assignment: 3 }],
  ] as const)('%s', (_label, kind, ministryIds, sectionCodes, total, byKind) => {
    const rows = owedRows(index, { kind, ministryIds: [...ministryIds], sectionCodes: [...sectionCodes] });
    expect(rows).toHaveLength(total);
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
    expect(counts).toEqual(byKind);
    expect(rows.every((r) => (ministryIds as readonly string[]).includes(r.ministryId))).toBe(true);
  });

  it('"all ministries" means the assignable ones with an assignment', () => {
    expect(ministriesWithAssignments(index).sort()).toEqual(['meti', 'mic', 'nisc']);
  });
});

describe('dueReminder: the reminder due today (restart-safe: the closest step reached)', () => {
  it.each([
    ['2016-04-01', '2016-04-10', null],
    ['2016-04-02', '2016-04-10', null],
    ['2016-04-03', '2016-04-10', { kind: 'due_soon', days: 7 }],
    ['2016-04-05', '2016-04-10', { kind: 'due_soon', days: 7 }],
    ['2016-04-07', '2016-04-10', { kind: 'due_soon', days: 3 }],
    ['2016-04-09', '2016-04-10', { kind: 'due_soon', days: 1 }],
    ['2016-04-10', '2016-04-10', { kind: 'due_soon', days: 1 }],
    ['2016-04-11', '2016-04-10', { kind: 'overdue' }],
    ['2017-01-01', '2016-04-10', { kind: 'overdue' }],
  ])('on %s, due %s → %j', (today, due, expected) => {
    expect(dueReminder(today, due, [7, 3, 1])).toEqual(expected);
  });
  it('follows the configured days', () => {
    expect(dueReminder('2016-03-27', '2016-04-10', [14])).toEqual({ kind: 'due_soon', days: 14 });
    expect(dueReminder('2016-04-09', '2016-04-10', [])).toBeNull();
  });
});

describe('roundDateIssues', () => {
  it.each([
    [{ asOf: '2016-03-31', dueOn: '2016-04-20' }, '2016-03-31', []],
    [{ asOf: '2016-03-31', dueOn: '2016-03-31' }, '2016-03-31', ['dueOn']],
    [{ asOf: '2016-03-01', dueOn: '2016-03-15' }, '2016-03-31', ['dueOn']],
    [{ asOf: '2016-05-01', dueOn: '2016-04-20' }, '2016-03-31', ['asOf']],
  ])('%j opened %s → %j', (body, openedOn, paths) => {
    expect(roundDateIssues(body, openedOn).map((i) => i.path)).toEqual(paths);
  });
});

const row = (ministryId: string, state: RoundRow['state'], answeredAt: string | null = null): RoundRow => ({
  id: `${ministryId}-${Math.random()}`,
  roundId: 'r',
  ministryId,
  measureId: 'm1',
  kind: 'assignment',
  state,
  baseVersion: null,
  answer: null,
  unchanged: false,
  answeredBy: null,
  answeredAt,
  reviewedBy: null,
  reviewedAt: null,
  reviewComment: null,
  version: 1,
});

describe('ministryProgress: the board', () => {
  it.each([
    [
      'nothing answered, before the due date',
      [row('a', 'owed'), row('a', 'owed')],
      '2016-04-01',
      { answered: 0, percent: 0, overdue: false, finished: false },
    ],
    ['nothing answered, after the due date', [row('a', 'owed')], '2016-04-11', { percent: 0, overdue: true }],
    [
      'half answered',
      [row('a', 'answered', '2016-04-02T01:00:00Z'), row('a', 'owed')],
      '2016-04-03',
      { answered: 1, percent: 50 },
    ],
    [
      'a returned row is owed again',
      [row('a', 'answered'), row('a', 'returned')],
      '2016-04-03',
      { answered: 1, returned: 1, percent: 50, finished: false },
    ],
    [
      'all answered or accepted, late',
      [row('a', 'accepted', '2016-04-12T01:00:00Z'), row('a', 'answered', '2016-04-05T01:00:00Z')],
      '2016-04-20',
      {
        percent: 100,
        finished: true,
        overdue: false,
        lateAnswers: 1,
        accepted: 1,
        lastActivity: '2016-04-12T01:00:00Z',
      },
    ],
  ])('%s', (_label, rows, today, expected) => {
    const [p] = ministryProgress(['a'], rows, { dueOn: '2016-04-10' }, today);
    expect(p).toMatchObject(expected);
  });
});

describe('texts', () => {
  const n = {
    kind: 'due_soon' as const,
    params: {
      roundTitle: '第1四半期照会',
      dueOn: '2016-04-10',
      ministryId: 'npa',
      ministryName: { ja: '警察庁', en: 'NPA' },
      count: 3,
      comment: null,
    },
  };
  it('say the same thing in Japanese and English', () => {
    expect(notificationText(n, 'ja')).toBe('照会「第1四半期照会」の期限まであと3日です（期限 2016-04-10）');
    expect(notificationText(n, 'en')).toBe('Round "第1四半期照会" is due in 3 days (2016-04-10)');
    expect(notificationText({ ...n, kind: 'ministry_finished' }, 'ja')).toContain('警察庁が');
  });
  it('a digest lists every item once', () => {
    const mail = digestMail([n, { ...n, kind: 'overdue' }], '2016-04-11', 'ja', 'https://t');
    expect(mail.subject).toBe('【トラッカー】2016-04-11 のお知らせ（2件）');
    expect(mail.text.split('\n').filter((l) => l.startsWith('・'))).toHaveLength(2);
  });
});
