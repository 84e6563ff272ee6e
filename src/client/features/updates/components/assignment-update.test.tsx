// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TEST_USERS } from '../../../../../tests/client/harness';
import type { ErrorBody } from '@/domain/contract';
import { setCsrfToken } from '@/client/lib/api-client';

const api = setupMockApi({ scenario: true, as: 'staff' });

const measurePath = (id: string) => `/measures/${encodeURIComponent(id)}`;

/** The ministry's name as the page shows it (short name where there is one). */
function ministryName(id: string): string {
  const org = api().index.snapshot.organisations.find((o) => o.id === id)!;
  return (org.short ?? org.name).ja;
}

async function storedAssignment(measureId: string, ministryId: string) {
  const snapshot = await api().store.snapshot();
  return snapshot.assignments.find((a) => a.measureId === measureId && a.ministryId === ministryId)!;
}

async function openUpdate(user: ReturnType<typeof renderApp>['user'], ministryId: string) {
  const button = await screen.findByRole('button', { name: `更新: ${ministryName(ministryId)}` });
  await user.click(button);
  const dialog = await screen.findByRole('dialog', { name: `担当の進捗を更新: ${ministryName(ministryId)}` });
  // The dialog reads the current state when it opens.
  await within(dialog).findByLabelText(/^進捗 \(%\)/);
  return { dialog, button };
}

function assignmentsTable() {
  return screen.getByRole('region', { name: '担当府省庁' });
}

describe('NISC staff update an assignment', () => {
  it('saves status, progress and narrative with a comment; the page shows them and the history entry', async () => {
    const id = '5.1.1(1)-1';
    const before = await storedAssignment(id, 'meti');
    const { user } = renderApp(measurePath(id));
    const { dialog } = await openUpdate(user, 'meti');
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    // Plain words for what the form starts from (the page shows today: the current values).
    expect(within(dialog).getByText(/^現在の内容です（この担当の最終更新: /)).toBeInTheDocument();
    expect(before.version).toBeGreaterThan(0);

    const progress = within(dialog).getByLabelText(/^進捗 \(%\)/);
    await user.clear(progress);
    await user.type(progress, '75');
    const narrative = within(dialog).getByLabelText(/^成果・進捗状況/);
    await user.clear(narrative);
    await user.type(narrative, 'IoT 機器の脆弱性情報を共有する枠組みを試行した');
    await user.click(within(dialog).getByLabelText(/担当案.*確認済みにする/));
    await user.type(within(dialog).getByLabelText(/^更新理由・コメント/), '第4回会合の報告に基づく');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = within(assignmentsTable()).getByRole('row', { name: new RegExp(ministryName('meti')) });
    await waitFor(() => expect(row).toHaveTextContent('75%'));
    expect(row).toHaveTextContent('IoT 機器の脆弱性情報を共有する枠組みを試行した');
    expect(row).toHaveTextContent('案（確認済み）');
    const history = screen.getByRole('region', { name: '更新履歴' });
    const entry = within(history).getByText('IoT 機器の脆弱性情報を共有する枠組みを試行した').closest('li')!;
    expect(entry).toHaveTextContent(`更新者: ${TEST_USERS.staff.email}`);
    expect(entry).toHaveTextContent('第4回会合の報告に基づく');
    expect(entry).toHaveTextContent('実施中 75%');

    expect(await storedAssignment(id, 'meti')).toMatchObject({
      progress: 75,
      confirmed: true,
      narrative: 'IoT 機器の脆弱性情報を共有する枠組みを試行した',
      version: before.version + 1,
    });
  });

  it('shows a conflict side by side when someone else saved first, and reapplies only what the user changed', async () => {
    const id = '5.1.1(1)-2';
    const before = await storedAssignment(id, 'meti');
    const { user } = renderApp(measurePath(id));
    const { dialog } = await openUpdate(user, 'meti');

    // Another browser (an administrator) saves a new narrative from the same version.
    const other = await api().clientAs('admin');
    const res = await other.patch(
      `/api/measures/${encodeURIComponent(id)}/assignments/meti`,
      { narrative: '他の担当者が記入した成果', comment: '先に更新' },
      before.version,
    );
    expect(res.status).toBe(200);

    const progress = within(dialog).getByLabelText(/^進捗 \(%\)/);
    await user.clear(progress);
    await user.type(progress, '50');
    await user.type(within(dialog).getByLabelText(/^更新理由・コメント/), '進捗の見直し');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    const conflict = await within(dialog).findByRole('region', { name: '他の利用者が先に更新しました' });
    expect(conflict).toHaveTextContent(`編集元は版 ${before.version}、現在は版 ${before.version + 1} です。`);
    expect(conflict).toHaveTextContent(`最新の更新: ${TEST_USERS.admin.email}`);
    expect(conflict).toHaveTextContent('先に更新');
    const table = within(conflict).getByRole('table');
    const narrativeRow = within(table).getByRole('row', { name: /^成果・進捗状況/ });
    expect(narrativeRow).toHaveTextContent('他の担当者が記入した成果');
    expect(narrativeRow).toHaveTextContent('変更なし（現在の内容のまま）');
    const progressRow = within(table).getByRole('row', { name: /^進捗/ });
    expect(progressRow).toHaveTextContent(`${before.progress}%`);
    expect(progressRow).toHaveTextContent('50%');
    expect(progressRow).toHaveTextContent('再適用される');
    // Nothing was written by the refused request.
    expect((await storedAssignment(id, 'meti')).version).toBe(before.version + 1);

    await user.click(within(conflict).getByRole('button', { name: '最新の版に自分の変更を再適用して保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Their narrative stays; the user's progress is applied on top.
    expect(await storedAssignment(id, 'meti')).toMatchObject({
      progress: 50,
      narrative: '他の担当者が記入した成果',
      version: before.version + 2,
    });
    const row = within(assignmentsTable()).getByRole('row', { name: new RegExp(ministryName('meti')) });
    await waitFor(() => expect(row).toHaveTextContent('50%'));
    expect(row).toHaveTextContent('他の担当者が記入した成果');
  });

  it('discards the user’s change after a conflict, writing nothing', async () => {
    const id = '5.1.1(1)-3';
    const before = await storedAssignment(id, 'mic');
    const { user } = renderApp(measurePath(id));
    const { dialog } = await openUpdate(user, 'mic');
    const other = await api().clientAs('staff');
    const res = await other.patch(
      `/api/measures/${encodeURIComponent(id)}/assignments/mic`,
      { progress: 90, comment: '先行' },
      before.version,
    );
    expect(res.status, await res.clone().text()).toBe(200);

    const progress = within(dialog).getByLabelText(/^進捗 \(%\)/);
    await user.clear(progress);
    await user.type(progress, '13');
    await user.type(within(dialog).getByLabelText(/^更新理由・コメント/), '誤り訂正');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await user.click(await within(dialog).findByRole('button', { name: '自分の変更を破棄' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await storedAssignment(id, 'mic')).toMatchObject({ progress: 90, version: before.version + 1 });
    const row = within(assignmentsTable()).getByRole('row', { name: new RegExp(ministryName('mic')) });
    await waitFor(() => expect(row).toHaveTextContent('90%'));
  });

  it('is an accessible dialog: focus inside, errors tied to fields, Escape closes and focus returns', async () => {
    const { user } = renderApp(measurePath('5.1.3(2)-2'));
    const { dialog, button } = await openUpdate(user, 'meti');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    expect(within(dialog).getByLabelText(/^状況/)).toHaveFocus();

    // No comment and a status that contradicts the progress: both refused before sending.
    await user.selectOptions(within(dialog).getByLabelText(/^状況/), '未着手');
    const progress = within(dialog).getByLabelText(/^進捗 \(%\)/);
    expect(progress).toHaveValue(0);
    await user.clear(progress);
    await user.type(progress, '40');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    const comment = within(dialog).getByLabelText(/^更新理由・コメント/);
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveAccessibleDescription(/コメントを入力してください/);
    expect(progress).toHaveAccessibleDescription(/未着手の場合、進捗は0%です/);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('fetches a fresh CSRF token once when the one it holds is refused, and saves', async () => {
    const id = '5.2.1(1)-2';
    const before = await storedAssignment(id, 'mic');
    const { user } = renderApp(measurePath(id));
    const { dialog } = await openUpdate(user, 'mic');
    // The session was renewed elsewhere: the token the page holds no longer matches.
    setCsrfToken('stale-token');
    const narrative = within(dialog).getByLabelText(/^成果・進捗状況/);
    await user.type(narrative, '（追記）');
    await user.type(within(dialog).getByLabelText(/^更新理由・コメント/), '追記');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await storedAssignment(id, 'mic')).version).toBe(before.version + 1);
  });

  it('shows the server’s field errors (422) at the field they name, in the reader’s language', async () => {
    const body: ErrorBody = {
      error: {
        code: 'validation_failed',
        message: '入力内容が不正です: narrative / Invalid values: narrative',
        issues: [{ path: 'narrative', message: '10000文字以内にしてください / At most 10000 characters' }],
      },
    };
    api().server.use(http.patch('*/api/measures/:id/assignments/:m', () => HttpResponse.json(body, { status: 422 })));
    const { user } = renderApp(measurePath('5.1.3(2)-2'), { lang: 'en' });
    await user.click((await screen.findAllByRole('button', { name: /^Update: / }))[0]!);
    const dialog = await screen.findByRole('dialog');
    const narrative = await within(dialog).findByLabelText(/^Results and progress/);
    await user.type(narrative, ' — more');
    await user.type(within(dialog).getByLabelText(/^Reason for the change/), 'test');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(narrative).toHaveAttribute('aria-invalid', 'true'));
    expect(narrative).toHaveAccessibleDescription(/At most 10000 characters/);
    expect(narrative).not.toHaveAccessibleDescription(/文字以内/);
  });
});

describe('NISC staff update a measure', () => {
  it('sets a RAG override with its reason, shown beside the computed health', async () => {
    const id = '5.1.3(2)-1';
    const before = (await api().store.snapshot()).measures.find((m) => m.id === id)!;
    const { user } = renderApp(measurePath(id));
    await user.click(await screen.findByRole('button', { name: '評価・期限を更新' }));
    const dialog = await screen.findByRole('dialog', { name: '施策の評価（RAG）・期限を更新' });
    await user.click(await within(dialog).findByRole('radio', { name: '評価を設定' }));
    await user.selectOptions(within(dialog).getByLabelText(/^評価必須/), '赤（危険）');
    await user.type(within(dialog).getByLabelText(/^更新理由・コメント/), '予算措置の遅れ');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    // A rating needs its reason.
    const reason = within(dialog).getByLabelText(/^評価の理由/);
    expect(reason).toHaveAccessibleDescription(/評価の理由を入力してください/);
    await user.type(reason, '関係機関との調整が難航');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const header = document.querySelector('.measure-header')!;
    await waitFor(() => expect(header).toHaveTextContent(/職員による評価: ■ 赤（危険） 関係機関との調整が難航/));
    expect(header).toHaveTextContent('自動判定');
    expect((await api().store.snapshot()).measures.find((m) => m.id === id)).toMatchObject({
      rag: { rating: 'red', reason: '関係機関との調整が難航' },
      version: before.version + 1,
    });
  });
});

describe('what each role is offered', () => {
  it('offers a viewer no update or submit buttons at all', async () => {
    await api().signInAs('viewer');
    renderApp(measurePath('5.1.3(2)-3'));
    await screen.findByRole('heading', { level: 1 });
    await within(assignmentsTable()).findAllByRole('row');
    expect(screen.queryByRole('button', { name: /^更新/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '進捗を提出' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '評価・期限を更新' })).not.toBeInTheDocument();
    expect(within(assignmentsTable()).queryByRole('columnheader', { name: '操作' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /提出・審査/ })).not.toBeInTheDocument();
  });

  it('offers a liaison a submit button only on their own ministry’s row', async () => {
    await api().signInAs('liaison');
    renderApp(measurePath('5.1.3(2)-3'));
    const buttons = await screen.findAllByRole('button', { name: '進捗を提出' });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]!.closest('tr')).toHaveTextContent(ministryName('npa'));
    expect(screen.queryByRole('button', { name: /^更新/ })).not.toBeInTheDocument();
  });
});
