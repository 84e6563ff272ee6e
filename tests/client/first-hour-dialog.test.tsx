// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi } from './harness';

/**
 * The update dialog starts from the values as of the date the page shows, says so in plain words,
 * needs a tick to replace a newer update, and a save is confirmed in a polite live region (issue 18,
 * items 4 and 7). Today is years after the plan; the sample data runs to 2019-09-30.
 */
const api = setupMockApi({ as: 'staff', today: '2026-12-04' });
const ID = '5.1.1(1)-1';

async function stored() {
  return (await api().store.snapshot()).assignments.find((a) => a.measureId === ID && a.ministryId === 'meti')!;
}

describe('the update dialog on the page’s date', () => {
  it('a reviewer looking at 2016 edits 2016’s values and must see the newer ones before replacing them', async () => {
    const before = await stored();
    expect(before.progress).toBe(70);
    const { user } = renderApp(`/measures/${encodeURIComponent(ID)}?asOf=2016-09-30`);
    await user.click(await screen.findByRole('button', { name: /^更新: 経済産業省/ }));
    const dialog = await screen.findByRole('dialog', { name: /担当の進捗を更新/ });
    const progress = await within(dialog).findByLabelText(/^進捗 \(%\)/);
    // 2016-09-30's values, not today's.
    expect(progress).toHaveValue(15);
    expect(dialog).toHaveTextContent('2016年9月30日時点の内容です');
    expect(dialog).toHaveTextContent('保存した内容は本日（2026年12月4日）付けで記録されます');
    expect(dialog).not.toHaveTextContent('編集元の版');
    expect(dialog).toHaveTextContent('2016年9月30日より後に更新されています');
    expect(dialog).toHaveTextContent('最新の内容（2019年9月30日 更新）: 実施中・70%');

    await user.clear(progress);
    await user.type(progress, '20');
    await user.type(within(dialog).getByLabelText(/^更新理由・コメント/), '2016年度の確認で訂正');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await within(dialog).findByText('最新の内容を置き換える場合は、確認欄にチェックしてください')).toBeVisible();
    expect(await stored()).toMatchObject({ progress: 70, version: before.version });

    await user.click(within(dialog).getByLabelText('最新の内容を確認し、置き換えます'));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await stored()).toMatchObject({ progress: 20, version: before.version + 1 });
    // The confirmation, in the one polite live region.
    const notice = screen.getByTestId('save-notice');
    expect(notice).toHaveAttribute('aria-live', 'polite');
    await waitFor(() => expect(notice).toHaveTextContent('経済産業省の進捗を保存しました。'));
  });

  it('on the data’s last date there is nothing newer and no tick to give', async () => {
    const { user } = renderApp(`/measures/${encodeURIComponent('5.1.1(1)-2')}?asOf=2019-09-30`);
    await user.click((await screen.findAllByRole('button', { name: /^更新: / }))[0]!);
    const dialog = await screen.findByRole('dialog', { name: /担当の進捗を更新/ });
    await within(dialog).findByLabelText(/^進捗 \(%\)/);
    expect(dialog).toHaveTextContent('2019年9月30日時点の内容です');
    expect(dialog).not.toHaveTextContent('より後に更新されています');
    expect(within(dialog).queryByLabelText('最新の内容を確認し、置き換えます')).not.toBeInTheDocument();
  });

  it('once progress is recorded today, pages open on today again (the data reaches it)', async () => {
    renderApp('/');
    await waitFor(() => expect(screen.getByLabelText('基準日')).toHaveValue('2026-12-04'));
    expect(screen.queryByText(/表示日はデータの最終更新日/)).not.toBeInTheDocument();
  });
});
