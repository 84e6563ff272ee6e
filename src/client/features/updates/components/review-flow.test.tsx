// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TEST_USERS } from '../../../../../tests/client/harness';

// The browser starts as the National Police Agency's liaison.
const api = setupMockApi({ scenario: true, as: 'liaison' });

const measurePath = (id: string) => `/measures/${encodeURIComponent(id)}`;

async function storedAssignment(measureId: string, ministryId: string) {
  const snapshot = await api().store.snapshot();
  return snapshot.assignments.find((a) => a.measureId === measureId && a.ministryId === ministryId)!;
}

function npaRow() {
  return within(screen.getByRole('region', { name: '担当府省庁' })).getByRole('row', { name: /警察庁/ });
}

describe('liaison → NISC review', () => {
  it('a liaison submits; staff see it in the queue beside the current values and approve; the measure shows it', async () => {
    const id = '5.1.3(2)-3';
    const before = await storedAssignment(id, 'npa');
    const liaison = renderApp(measurePath(id));
    await liaison.user.click(await screen.findByRole('button', { name: '進捗を提出' }));
    const dialog = await screen.findByRole('dialog', { name: '進捗の提出: 警察庁' });
    const progress = await within(dialog).findByLabelText(/^進捗 \(%\)/);
    await liaison.user.clear(progress);
    await liaison.user.type(progress, '96');
    const narrative = within(dialog).getByLabelText(/^成果・進捗状況/);
    await liaison.user.clear(narrative);
    await liaison.user.type(narrative, '重要インフラ事業者向けの演習を全国で実施した');
    await liaison.user.type(within(dialog).getByLabelText(/^根拠資料・備考/), '演習実施報告書（平成28年3月）');
    await liaison.user.click(within(dialog).getByRole('button', { name: '進捗を提出' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    // The liaison sees it waiting; nothing has changed on the assignment yet.
    const mine = screen.getByRole('region', { name: '府省庁からの提出' });
    await within(mine).findByText('審査待ち');
    expect(mine).toHaveTextContent('96%');
    expect((await storedAssignment(id, 'npa')).version).toBe(before.version);
    liaison.unmount();

    // NISC staff sign in: the nav counts it and the queue shows it beside the current values.
    await api().signInAs('staff');
    const staff = renderApp('/submissions');
    const nav = await screen.findByRole('link', { name: /提出・審査.*1/ });
    expect(nav).toHaveTextContent('1');
    const card = await screen.findByRole('article', { name: new RegExp(id.replace(/[()]/g, '\\$&')) });
    const compare = within(card).getByRole('table');
    const progressRow = within(compare).getByRole('row', { name: /^進捗/ });
    await waitFor(() => expect(progressRow).toHaveTextContent(/^進捗\d+%96%$/));
    expect(card).toHaveTextContent(`提出者: ${TEST_USERS.liaison.email}`);
    expect(card).toHaveTextContent('演習実施報告書（平成28年3月）');

    // The review form loads when first shown (lazy-form.tsx).
    await staff.user.type(await within(card).findByLabelText(/^審査コメント/), '内容を確認しました');
    await staff.user.click(within(card).getByRole('button', { name: '承認' }));
    expect(await screen.findByText('審査待ちの提出はありません。')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: '提出・審査' })).not.toHaveTextContent(/\d/));
    staff.unmount();

    expect(await storedAssignment(id, 'npa')).toMatchObject({ progress: 96, version: before.version + 1 });
    renderApp(measurePath(id));
    await waitFor(() => expect(npaRow()).toHaveTextContent('96%'));
    expect(npaRow()).toHaveTextContent('重要インフラ事業者向けの演習を全国で実施した');
    // Applied under both names: the approver and the submitter.
    const entry = within(screen.getByRole('region', { name: '更新履歴' }))
      .getByText('重要インフラ事業者向けの演習を全国で実施した')
      .closest('li')!;
    expect(entry).toHaveTextContent(`更新者: ${TEST_USERS.staff.email}`);
    expect(entry).toHaveTextContent(`提出者: ${TEST_USERS.liaison.email}`);
  });

  it('staff return a submission with a comment (required), and the liaison sees why', async () => {
    const id = '5.1.3(2)-2';
    const a = await storedAssignment(id, 'npa');
    const liaisonClient = await api().clientAs('liaison');
    const created = await liaisonClient.post('/api/submissions', {
      measureId: id,
      ministryId: 'npa',
      baseVersion: a.version,
      status: 'in_progress',
      progress: 60,
      narrative: 'サイバー犯罪対策の連携会議を開催した',
      evidence: '',
    });
    expect(created.status).toBe(201);

    await api().signInAs('staff');
    const staff = renderApp('/submissions');
    const card = await screen.findByRole('article', { name: new RegExp(id.replace(/[()]/g, '\\$&')) });
    await staff.user.click(await within(card).findByRole('button', { name: '差し戻し' }));
    const comment = within(card).getByLabelText(/^審査コメント/);
    expect(comment).toHaveAttribute('aria-invalid', 'true');
    expect(comment).toHaveAccessibleDescription(/差し戻す理由をコメントに入力してください/);

    await staff.user.type(comment, '開催日と参加機関を追記してください');
    await staff.user.click(within(card).getByRole('button', { name: '差し戻し' }));
    await waitFor(() => expect(screen.queryByRole('article')).not.toBeInTheDocument());
    staff.unmount();
    expect(await storedAssignment(id, 'npa')).toMatchObject({ version: a.version, progress: a.progress });

    await api().signInAs('liaison');
    const liaison = renderApp('/submissions?state=returned');
    const returned = await screen.findByRole('article', { name: new RegExp(id.replace(/[()]/g, '\\$&')) });
    expect(within(returned).getByText('差し戻し')).toBeInTheDocument();
    expect(returned).toHaveTextContent('開催日と参加機関を追記してください');
    expect(returned).toHaveTextContent(`審査者: ${TEST_USERS.staff.email}`);
    // A liaison reviews nothing.
    expect(within(returned).queryByRole('button', { name: '承認' })).not.toBeInTheDocument();
    liaison.unmount();

    renderApp(measurePath(id));
    const section = await screen.findByRole('region', { name: '府省庁からの提出' });
    await within(section).findByText('開催日と参加機関を追記してください');
  });

  it('refuses to approve a submission whose assignment changed since, and says why', async () => {
    const id = '5.2.1(3)-1';
    const a = await storedAssignment(id, 'npa');
    const liaisonClient = await api().clientAs('liaison');
    await liaisonClient.post('/api/submissions', {
      measureId: id,
      ministryId: 'npa',
      baseVersion: a.version,
      status: 'in_progress',
      progress: 80,
      narrative: '古い版に基づく提出',
      evidence: '',
    });
    const other = await api().clientAs('staff');
    const res = await other.patch(
      `/api/measures/${encodeURIComponent(id)}/assignments/npa`,
      { narrative: 'NISC が直接更新', comment: '会議の結果' },
      a.version,
    );
    expect(res.status).toBe(200);

    await api().signInAs('staff');
    const { user } = renderApp('/submissions');
    const card = await screen.findByRole('article', { name: new RegExp(id.replace(/[()]/g, '\\$&')) });
    await within(card).findByText(/提出後に担当の内容が更新されています（提出時 版/);
    await user.click(await within(card).findByRole('button', { name: '承認' }));
    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('提出後に担当の内容が更新されたため承認できません');
    expect(alert).toHaveTextContent(`版 ${a.version + 1}`);
    expect(await storedAssignment(id, 'npa')).toMatchObject({ narrative: 'NISC が直接更新', version: a.version + 1 });
  });
});
