// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';

setupMockApi({ scenario: true });

/**
 * The first paint comes before what is below the fold (decision record 023). jsdom has no paint
 * timing, so the gate (after-first-paint.ts, module state: fresh in this file) opens a task after
 * an animation frame; the frames are held here until the test lets them run.
 */
const frames: FrameRequestCallback[] = [];
beforeAll(() => {
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
});
afterAll(() => vi.unstubAllGlobals());

describe('overview on a first visit', () => {
  it('shows the date and the headline figures first, the lists and charts once the first frame is shown', async () => {
    renderApp('/?asOf=2018-03-31');
    expect(await screen.findByRole('group', { name: '施策数' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '次のマイルストーン' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '要対応' })).not.toBeInTheDocument();
    expect(screen.queryByRole('figure', { name: '計画と実績（平均進捗）' })).not.toBeInTheDocument();
    expect(screen.getAllByText('読み込み中…').length).toBeGreaterThan(0);

    await act(async () => {
      for (const cb of frames.splice(0)) cb(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(await screen.findByRole('heading', { name: '要対応' })).toBeInTheDocument();
    expect(await screen.findByRole('figure', { name: '計画と実績（平均進捗）' })).toBeInTheDocument();
  });
});
