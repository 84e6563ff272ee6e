// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';

// The browser starts as the National Police Agency's liaison.
const api = setupMockApi({ scenario: true, as: 'liaison' });

const SHARED = '5.2.1(2)-1'; // nisc, mic, meti, npa
const page = `/measures/${encodeURIComponent(SHARED)}`;
const recorded = async (ministry: string) =>
  (await api().store.annual(2015)).results.find((r) => r.measureId === SHARED && r.ministryId === ministry);
const panel = () => screen.getByRole('region', { name: '年次計画・成果' });

describe('annual results under review (decision record 020)', () => {
  it('a liaison submits their results; only approval by NISC makes them the record', async () => {
    const before = (await recorded('npa'))!;
    const liaison = renderApp(page);
    const box = await within(await screen.findByRole('region', { name: '年次計画・成果' })).findByRole('textbox', {
      name: '警察庁',
    });
    // What the liaison may not change is plain text, not a box: the plan texts and other ministries' results.
    expect(within(panel()).getAllByRole('textbox')).toEqual([box]);
    expect(within(panel()).getByText(/^2015年度（平成27年度） 年次計画$/)).toBeInTheDocument();
    expect(within(panel()).getByText('総務省')).toBeInTheDocument();

    await liaison.user.clear(box);
    await liaison.user.type(box, '全国で演習を実施した（審査前）');
    await liaison.user.click(within(panel()).getByRole('button', { name: '審査に提出' }));
    const pending = await within(panel()).findByRole('region', { name: '警察庁' });
    expect(pending).toHaveTextContent('審査待ち');
    expect(pending).toHaveTextContent('全国で演習を実施した（審査前）');
    expect(within(panel()).queryByRole('textbox')).not.toBeInTheDocument();
    expect(await recorded('npa')).toEqual(before);
    liaison.unmount();

    // NISC staff: the queue shows the recorded text beside the submitted one.
    await api().signInAs('staff');
    const staff = renderApp('/submissions');
    const section = await screen.findByRole('region', { name: '年度実績（成果）の提出' });
    const card = await within(section).findByRole('article', { name: /5\.2\.1\(2\)-1/ });
    const [, row] = within(card).getAllByRole('row');
    expect(row).toHaveTextContent(before.text);
    expect(row).toHaveTextContent('全国で演習を実施した（審査前）');
    expect(card).toHaveTextContent('2015年度（平成27年度）');
    await staff.user.click(await within(card).findByRole('button', { name: '承認' }));
    expect(await within(section).findByText('審査待ちの年度実績はありません。')).toBeInTheDocument();
    expect((await recorded('npa'))?.text).toBe('全国で演習を実施した（審査前）');
    staff.unmount();

    // On the measure page NISC staff edit the record directly.
    renderApp(page);
    const direct = await within(await screen.findByRole('region', { name: '年次計画・成果' })).findByRole('textbox', {
      name: '警察庁',
    });
    expect(direct).toHaveValue('全国で演習を実施した（審査前）');
  });

  it('a returned submission comes back to the liaison with the comment, ready to revise', async () => {
    const staff = await api().clientAs('staff');
    const liaison = await api().clientAs('liaison');
    const before = (await recorded('npa'))!;
    // After the previous test's submission, not in the same instant: "the latest" is by time.
    api().clock.advance(60_000);
    const created = await liaison.post('/api/result-submissions', {
      fy: 2015,
      measureId: SHARED,
      ministryId: 'npa',
      baseVersion: before.version,
      text: '数値のない実績',
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const res = await staff.post(
      `/api/result-submissions/${id}/return`,
      { comment: '実施回数を追記してください' },
      {
        'If-Match': '"1"',
      },
    );
    expect(res.status).toBe(200);

    renderApp(page);
    await within(await screen.findByRole('region', { name: '年次計画・成果' })).findByText(/NISCが差し戻しました/);
    expect(within(panel()).getByRole('textbox', { name: '警察庁' })).toHaveValue('数値のない実績');
    expect(panel()).toHaveTextContent('差し戻し');
    expect(panel()).toHaveTextContent('実施回数を追記してください');
    await waitFor(() => expect(within(panel()).getByRole('button', { name: '審査に提出' })).toBeEnabled());
  });

  it('NISC staff see, in English, that a ministry’s results wait for review, and where', async () => {
    const before = (await recorded('npa'))!;
    const liaison = await api().clientAs('liaison');
    const created = await liaison.post('/api/result-submissions', {
      fy: 2015,
      measureId: SHARED,
      ministryId: 'npa',
      baseVersion: before.version,
      text: 'Exercises held nationwide',
    });
    expect(created.status).toBe(201);
    await api().signInAs('staff');
    renderApp(page, { lang: 'en' });
    const annual = await screen.findByRole('region', { name: 'Annual plan and results' });
    expect(await within(annual).findByText(/^A submission from this ministry is waiting for review\./)).toBeVisible();
    expect(within(annual).getByRole('link', { name: 'Review it' })).toHaveAttribute(
      'href',
      '/submissions?ministry=npa',
    );
    // The record itself is unchanged, in the staff's (editable) box, with the hint that edits are audited.
    expect(within(annual).getByRole('textbox', { name: 'National Police Agency' })).toHaveValue(before.text);
    expect(annual).toHaveTextContent('NISC edits directly (recorded in the audit log).');
  });
});
