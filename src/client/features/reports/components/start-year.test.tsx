// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TEST_USERS } from '../../../../../tests/client/harness';

const api = setupMockApi({ as: 'staff' });

/** NISC staff complete a measure behind the app's back (both its ministries), before FY2016 begins. */
async function complete(measureId: string) {
  const staff = await api().clientAs('staff');
  for (const a of (await api().store.snapshot()).assignments.filter((x) => x.measureId === measureId)) {
    const res = await staff.patch(
      `/api/measures/${encodeURIComponent(measureId)}/assignments/${a.ministryId}`,
      { status: 'completed', progress: 100, comment: '完了' },
      a.version,
    );
    expect(res.status).toBe(200);
  }
}

describe('starting a fiscal year', () => {
  it('explains what happens, starts the year and lists what was retired and renumbered', async () => {
    await complete('5.1.1(1)-1');
    const { user } = renderApp('/reports/annual?fy=2016');
    const panel = await screen.findByRole('region', { name: '年次計画の開始' });
    expect(
      await within(panel).findByText('2016年度（平成28年度）の年次計画はまだ開始されていません。'),
    ).toBeInTheDocument();
    const opener = within(panel).getByRole('button', { name: '2016年度（平成28年度）を開始…' });

    // Opening explains first; Escape leaves without starting, focus back on the button.
    await user.click(opener);
    let dialog = await screen.findByRole('dialog', { name: '2016年度（平成28年度）の年次計画を開始' });
    expect(dialog).toHaveTextContent('前年度に記入された「翌年度計画」を、この年度の年次計画として引き継ぎます');
    expect(dialog).toHaveTextContent('年度の開始は一度だけで、取り消せません。');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
    expect((await api().store.annual(2016)).fiscalYear).toBeNull();

    await user.click(opener);
    dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: '開始する' }));
    const done = await within(dialog).findByRole('status');
    const stored = (await api().store.annual(2016)).fiscalYear;
    expect(stored?.startedBy).toBe(TEST_USERS.staff.email);
    expect(done).toHaveTextContent(`2016年度（平成28年度）を開始しました：計画に ${stored!.roster.length} 件`);
    expect(done).toHaveFocus();

    // 5.1.1(1)-1 was completed before the year: it leaves the plan, and the measures after it in
    // item 5.1.1(1) move up a letter.
    const retired = within(dialog).getByRole('table', { name: '終了した施策' });
    expect(within(retired).getAllByRole('row')).toHaveLength(2);
    expect(within(retired).getByRole('row', { name: /5\.1\.1\(1\)-1/ })).toHaveTextContent(
      '5.1.1(1)-15.1.1(1)（ア）完了',
    );
    expect(within(dialog).getByRole('heading', { name: '終了した施策（1）' })).toBeInTheDocument();
    const renumbered = within(dialog).getByRole('table', { name: '項番が変わった施策' });
    expect(within(renumbered).getByRole('row', { name: /5\.1\.1\(1\)-2/ })).toHaveTextContent(
      '5.1.1(1)-25.1.1(1)（イ）5.1.1(1)（ア）',
    );
    expect(within(dialog).getByRole('heading', { name: '追加された施策（0）' })).toBeInTheDocument();
    expect(within(dialog).getByText('なし')).toBeInTheDocument();

    // Closing shows who started the year, and keeps focus on the page.
    // The button under the lists (the header's × is the other "閉じる").
    await user.click(within(dialog).getAllByRole('button', { name: '閉じる' }).at(-1)!);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const state = within(panel).getByText(
      /2016年度（平成28年度）の年次計画は .* に staff@nisc\.example\.go\.jp が開始しました。/,
    );
    expect(state).toHaveFocus();
    expect(within(panel).queryByRole('button', { name: /を開始/ })).not.toBeInTheDocument();
  });

  it('shows the refusal when someone else started the year meanwhile (Japanese)', async () => {
    const { user } = renderApp('/reports/annual?fy=2017');
    await user.click(await screen.findByRole('button', { name: '2017年度（平成29年度）を開始…' }));
    const dialog = await screen.findByRole('dialog');
    // Another member of staff starts it first.
    expect((await (await api().clientAs('staff')).post('/api/plans/2017/start')).status).toBe(201);
    await user.click(within(dialog).getByRole('button', { name: '開始する' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('年度を開始できませんでした');
    expect(alert).toHaveTextContent('2017年度は開始済みです');
    expect(alert).not.toHaveTextContent('already');
    // The button stays usable; the dialog can be left as before.
    expect(within(dialog).getByRole('button', { name: '開始する' })).toBeEnabled();
    await user.click(within(dialog).getByRole('button', { name: 'キャンセル' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The panel now says the year has started, and focus lands there rather than nowhere.
    const state = screen.getByText(
      /2017年度（平成29年度）の年次計画は .* に staff@nisc\.example\.go\.jp が開始しました。/,
    );
    expect(state).toHaveFocus();
    expect(screen.queryByRole('button', { name: /を開始/ })).not.toBeInTheDocument();
  });

  it('shows the refusal in English', async () => {
    const { user } = renderApp('/reports/annual?fy=2018', { lang: 'en' });
    const panel = await screen.findByRole('region', { name: "Starting the year's plan" });
    expect(
      await within(panel).findByText('The plan for FY2018 (Heisei 30) has not been started yet.'),
    ).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Start FY2018 (Heisei 30)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start the plan for FY2018 (Heisei 30)' });
    expect(dialog).toHaveTextContent('A year can be started only once and it cannot be undone');
    // The API itself refuses a year outside the plan period unless told, deliberately.
    const other = await api().clientAs('staff');
    expect((await other.post('/api/plans/2018/start')).status).toBe(422);
    expect((await other.post('/api/plans/2018/start?outsidePlanPeriod=true')).status).toBe(201);
    // FY2018 lies after the plan period (FY2015–FY2017): starting it takes a deliberate tick first.
    expect(dialog).toHaveTextContent('This year is outside the plan period');
    await user.click(within(dialog).getByLabelText(/I understand this year is outside the plan period/));
    await user.click(within(dialog).getByRole('button', { name: 'Start the year' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The year could not be started');
    expect(alert).toHaveTextContent('FY2018 has already been started');
    expect(alert).not.toHaveTextContent('開始済み');
  });

  it('is offered to administrators but not to liaisons or viewers', async () => {
    for (const who of ['liaison', 'viewer'] as const) {
      await api().signInAs(who);
      const view = renderApp('/reports/annual?fy=2019');
      await screen.findByRole('region', { name: '報告書本文' });
      expect(screen.queryByRole('region', { name: '年次計画の開始' })).not.toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /を開始/ })).not.toBeInTheDocument();
      view.unmount();
    }
    await api().signInAs('admin');
    renderApp('/reports/annual?fy=2019');
    const panel = await screen.findByRole('region', { name: '年次計画の開始' });
    expect(await within(panel).findByRole('button', { name: '2019年度（令和元年度）を開始…' })).toBeInTheDocument();
  });
});
