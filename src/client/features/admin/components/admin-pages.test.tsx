// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TEST_USERS } from '../../../../../tests/client/harness';

const api = setupMockApi({ scenario: false, as: 'admin' });

describe('admin: users', () => {
  it('creates a user with a temporary password they must change', async () => {
    const { user } = renderApp('/admin/users');
    expect(await screen.findByRole('heading', { level: 1, name: '利用者の管理' })).toBeInTheDocument();
    await screen.findByRole('row', { name: new RegExp(TEST_USERS.viewer.name) });
    const opener = screen.getByRole('button', { name: '利用者を追加' });
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: '利用者を追加' });
    expect(within(dialog).getByLabelText(/^メールアドレス/)).toHaveFocus();

    await user.type(within(dialog).getByLabelText(/^メールアドレス/), 'renraku@mic.example.go.jp');
    await user.type(within(dialog).getByLabelText(/^氏名/), '総務 六子');
    const ministry = within(dialog).getByLabelText(/^府省庁/);
    expect(ministry).toBeDisabled();
    await user.selectOptions(within(dialog).getByLabelText(/^権限/), '府省庁担当者');
    expect(ministry).toBeEnabled();
    // A liaison without a ministry is refused at the field.
    await user.click(within(dialog).getByRole('button', { name: '自動生成' }));
    const password = within(dialog).getByLabelText<HTMLInputElement>(/^一時パスワード/).value;
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await user.click(within(dialog).getByRole('button', { name: '作成' }));
    expect(ministry).toHaveAttribute('aria-invalid', 'true');
    expect(ministry).toHaveAccessibleDescription(/府省庁担当者には所属府省庁が必要です/);

    await user.selectOptions(ministry, 'mic');
    await user.click(within(dialog).getByRole('button', { name: '作成' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
    expect(await screen.findByText('総務 六子 さんを作成しました。')).toBeInTheDocument();
    expect(screen.getByText(password)).toBeInTheDocument();
    const row = await screen.findByRole('row', { name: /総務 六子/ });
    expect(row).toHaveTextContent('府省庁担当者');
    expect(row).toHaveTextContent('パスワード変更待ち');

    expect(await api().store.getUserByEmail('renraku@mic.example.go.jp')).toMatchObject({
      role: 'liaison',
      ministryId: 'mic',
      mustChangePassword: true,
    });
  });

  it('refuses an email address already registered, at the field', async () => {
    const { user } = renderApp('/admin/users');
    await user.click(await screen.findByRole('button', { name: '利用者を追加' }));
    const dialog = await screen.findByRole('dialog');
    const email = within(dialog).getByLabelText(/^メールアドレス/);
    await user.type(email, TEST_USERS.viewer.email);
    await user.type(within(dialog).getByLabelText(/^氏名/), '重複 太郎');
    await user.type(within(dialog).getByLabelText(/^一時パスワード/), 'another-temporary-2016');
    await user.click(within(dialog).getByRole('button', { name: '作成' }));
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/このメールアドレスは登録済みです/);
  });

  it('disables an account', async () => {
    const { user } = renderApp('/admin/users');
    await user.click(await screen.findByRole('button', { name: `編集: ${TEST_USERS.viewer.name}` }));
    const dialog = await screen.findByRole('dialog', { name: `利用者を編集: ${TEST_USERS.viewer.name}` });
    await user.click(within(dialog).getByLabelText(/アカウントを無効にする/));
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    const row = await screen.findByRole('row', { name: new RegExp(TEST_USERS.viewer.name) });
    await waitFor(() => expect(row).toHaveTextContent('無効'));
    expect(await api().store.getUserByEmail(TEST_USERS.viewer.email)).toMatchObject({ disabled: true });
  });
});

describe('admin: audit trail', () => {
  it('filters by entity through the URL and links the same filter as CSV', async () => {
    const { user, search } = renderApp('/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: '監査ログ' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('対象の種類'), 'user');
    await user.click(screen.getByRole('button', { name: '絞り込む' }));
    await waitFor(() => expect(search()).toEqual({ entity: 'user' }));
    const table = await screen.findByRole('table', { name: '監査ログ' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(within(r).getAllByRole('cell')[3]).toHaveTextContent(/^user/);
    expect(table).toHaveTextContent('user.create');
    const csv = screen.getByRole('link', { name: 'CSV をダウンロード' });
    expect(csv).toHaveAttribute('href', '/api/audit?format=csv&entity=user');
  });
});

describe('admin: milestones', () => {
  it('moves a milestone with a reason (the Games postponed)', async () => {
    const { user } = renderApp('/admin/milestones');
    const row = await screen.findByRole('row', { name: /オリンピック/ });
    await user.click(within(row).getByRole('button', { name: /^日程を変更/ }));
    const dialog = await screen.findByRole('dialog');
    const start = within(dialog).getByLabelText(/^開始/);
    const end = within(dialog).getByLabelText(/^終了/);
    await user.clear(start);
    await user.type(start, '2021-07-23');
    await user.clear(end);
    await user.type(end, '2021-08-08');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    const reason = within(dialog).getByLabelText(/^変更理由/);
    expect(reason).toHaveAccessibleDescription(/変更理由を入力してください/);
    await user.type(reason, '新型コロナウイルス感染症の影響による延期');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(screen.getByRole('row', { name: /オリンピック/ })).toHaveTextContent('2021-07-23'));
    const stored = (await api().store.snapshot()).milestones.find((m) => m.start === '2021-07-23');
    expect(stored?.end).toBe('2021-08-08');
  });
});

describe('who sees the admin pages', () => {
  it('tells NISC staff they may not, and offers no admin link', async () => {
    await api().signInAs('staff');
    renderApp('/admin/users');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'このページを利用する権限がありません' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '管理' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
