// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi } from './harness';

/** Years after the plan period, pages open on the data's dates and say so (issue 18, item 3). */
const api = setupMockApi({ as: 'staff', today: '2026-12-04' });

describe('dates from the data when today lies past the plan', () => {
  it('the overview opens on the data’s last update and says why', async () => {
    renderApp('/');
    const notice = await screen.findByText(/表示日はデータの最終更新日/);
    expect(notice).toHaveTextContent('表示日はデータの最終更新日（2019年9月30日');
    expect(notice).toHaveTextContent('本日（2026年12月4日');
    expect(screen.getByLabelText('基準日')).toHaveValue('2019-09-30');
    expect(screen.getByRole('button', { name: '今日（2026-12-04）' })).toBeEnabled();
  });

  it('an explicit date in the URL is shown as it is, without the notice', async () => {
    renderApp('/?asOf=2016-03-31');
    await waitFor(() => expect(screen.getByLabelText('基準日')).toHaveValue('2016-03-31'));
    expect(screen.queryByText(/表示日はデータの最終更新日/)).not.toBeInTheDocument();
  });

  it('the report opens on the data’s fiscal year; starting a year outside the plan takes a deliberate step', async () => {
    const { user } = renderApp('/reports/annual');
    await waitFor(() => expect(screen.getByLabelText('年度')).toHaveValue('2019'));
    expect(await screen.findByText(/年度はデータの最終更新日/)).toHaveTextContent('2019年度');
    const panel = await screen.findByRole('region', { name: '年次計画の開始' });
    const opener = await within(panel).findByRole('button', { name: /2019年度.*を開始/ });
    expect(opener).toHaveClass('button-secondary');
    await user.click(opener);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('計画期間外の年度です');
    const start = within(dialog).getByRole('button', { name: '開始する' });
    expect(start).toBeDisabled();
    await user.click(within(dialog).getByLabelText('計画期間外の年度であることを確認し、開始します'));
    expect(start).toBeEnabled();
    expect((await api().store.annual(2019)).fiscalYear).toBeNull();
  });

  it('within the plan the start button needs no such step', async () => {
    const { user } = renderApp('/reports/annual?fy=2016');
    const panel = await screen.findByRole('region', { name: '年次計画の開始' });
    const opener = await within(panel).findByRole('button', { name: /2016年度.*を開始/ });
    expect(opener).not.toHaveClass('button-secondary');
    await user.click(opener);
    const dialog = await screen.findByRole('dialog');
    expect(dialog).not.toHaveTextContent('計画期間外の年度です');
    expect(within(dialog).getByRole('button', { name: '開始する' })).toBeEnabled();
  });
});
