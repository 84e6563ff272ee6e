// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockApi, TODAY } from '../../../../../tests/client/harness';
import { measureDetail } from '@/domain/contract';

const api = setupMockApi({ scenario: true });

/** 5.2.3(1)ii: GSOC; no deadline in the text, so its line runs from 2015-04-01 to the plan's end 2018-03-31. */
const GSOC = '5.2.3(1)ii-1';
const TITLE = '計画と実績（この施策）';

describe('the measure’s plan vs actual and its fiscal-year targets (issue 11)', () => {
  it('tabulates the measure’s own expected and actual progress, as the domain computes them', async () => {
    const { user } = renderApp(`/measures/${encodeURIComponent(GSOC)}?asOf=${TODAY}`);
    const figure = await screen.findByRole('figure', { name: TITLE });
    const d = measureDetail(api().index, GSOC, TODAY)!;
    // 2016-03-31 is 365 of the 1,095 days: a third of the way.
    expect(d.expectedProgress).toBe(33.3);
    expect(figure.querySelector('figcaption')).toHaveTextContent(`計画上 33.3% ／ 実績 ${d.progress}%`);
    await user.click(within(figure).getByRole('button', { name: '表で表示' }));
    const row = within(figure)
      .getAllByRole('row')
      .find((r) => r.textContent?.startsWith(TODAY));
    expect(row).toHaveTextContent(`33.3%${d.progress}%`);
  });

  it('lets NISC staff set FY2015’s target on the annual-plan panel: the expected line runs through it', async () => {
    const { user } = renderApp(`/measures/${encodeURIComponent(GSOC)}?asOf=${TODAY}`);
    const percent = await screen.findByLabelText('年度末の進捗目標（%）');
    await user.type(percent, '20');
    await user.type(screen.getByLabelText('更新理由・コメント', { selector: '#fy-target-comment' }), '年次計画で合意');
    await user.click(within(percent.closest('fieldset')!).getByRole('button', { name: '保存' }));
    const figure = await screen.findByRole('figure', { name: TITLE });
    await waitFor(() => expect(figure.querySelector('figcaption')).toHaveTextContent('計画上 20%'));
    const stored = (await api().store.snapshot()).measures.find((m) => m.id === GSOC)!;
    expect(stored.fyTargets).toEqual([{ fy: 2015, percent: 20 }]);
  });
});
