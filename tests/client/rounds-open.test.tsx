// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { parseReminderDays } from '@/client/features/rounds/components/open-round-form';
import { renderApp, setupMockApi } from './harness';

/** Opening a round: whom it asks (ministries, sections), by when, and with which reminders (issue 12). */
const api = setupMockApi({ as: 'staff' });

describe('parseReminderDays', () => {
  it.each([
    ['7, 3, 1', { days: [7, 3, 1] }],
    ['1 3 7', { days: [7, 3, 1] }],
    ['７、３', { days: [7, 3] }],
    ['3, 3', { days: [3] }],
    ['', { days: [] }],
    ['  ', { days: [] }],
    ['7; 3', { error: 'format' }],
    ['-1', { error: 'format' }],
    ['1.5', { error: 'format' }],
    ['0', { error: 'range' }],
    ['61', { error: 'range' }],
    ['1, 2, 3, 4, 5, 6', { error: 'count' }],
  ])('%j → %j', (text, expected) => {
    expect(parseReminderDays(text)).toEqual(expected);
  });
});

async function openForm() {
  const view = renderApp('/rounds');
  await view.user.click(await screen.findByText('照会を開始', { selector: 'summary' }));
  const form = screen.getByText('照会を開始', { selector: 'summary' }).closest('details')!;
  await view.user.type(within(form).getByLabelText('件名'), '2016年度第4四半期 状況照会');
  // the fiscal year and 基準日 open on the data's dates (today within the plan: 2016-03-31 is FY2015)
  await waitFor(() => expect(within(form).getByLabelText('基準日')).toHaveValue('2016-03-31'));
  expect(within(form).getByLabelText('年度')).toHaveValue('2015');
  const due = within(form).getByLabelText('回答期限');
  await view.user.type(due, '2016-04-15');
  return { ...view, form };
}

describe('the opening form', () => {
  it('opens a round for chosen ministries and sections with its own reminder days', async () => {
    const { user, form } = await openForm();
    const before = (await api().store.listRounds()).length;
    await user.click(within(form).getByLabelText('府省庁を選ぶ'));
    await user.click(within(form).getByLabelText('警察庁'));
    await user.click(within(form).getByLabelText('総務省'));
    await user.click(within(form).getByLabelText('項目を選ぶ'));
    await user.click(within(form).getByLabelText(/^5\.2\.1 /));
    const reminders = within(form).getByLabelText(/督促/);
    await user.clear(reminders);
    await user.type(reminders, '５、２');
    await user.click(within(form).getByRole('button', { name: '照会を開始' }));
    await within(form).findByText('照会を開始しました:');
    const rounds = await api().store.listRounds();
    expect(rounds).toHaveLength(before + 1);
    const round = rounds.find((r) => r.title === '2016年度第4四半期 状況照会')!;
    expect([...round.ministryIds].sort()).toEqual(['mic', 'npa']);
    expect(round.sectionCodes).toEqual(['5.2.1']);
    expect(round.reminderDays).toEqual([5, 2]);
    expect(round.fy).toBe(2015);
    expect(round.dueOn).toBe('2016-04-15');
  });

  it('refuses an empty choice or unreadable reminders before sending, and opens nothing', async () => {
    const { user, form } = await openForm();
    const before = (await api().store.listRounds()).length;
    await user.click(within(form).getByLabelText('府省庁を選ぶ'));
    await user.click(within(form).getByLabelText('項目を選ぶ'));
    const reminders = within(form).getByLabelText(/督促/);
    await user.clear(reminders);
    await user.type(reminders, '7; 90');
    await user.click(within(form).getByRole('button', { name: '照会を開始' }));
    expect(await within(form).findByText('府省庁を1つ以上選んでください')).toBeInTheDocument();
    expect(within(form).getByText('項目を1つ以上選んでください')).toBeInTheDocument();
    expect(within(form).getByText('日数を数字とカンマで入力してください（例: 7, 3, 1）')).toBeInTheDocument();
    expect(reminders).toHaveAttribute('aria-invalid', 'true');
    expect(await api().store.listRounds()).toHaveLength(before);
  });
});
