// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderApp, setupMockApi } from '../../../../../tests/client/harness';

const api = setupMockApi({ scenario: true });

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
    // What the page asks for, by path: the first screen's answers before the frame, the rest after
    // (decision record 024: parsing them no longer comes before the first frame).
    const asked: string[] = [];
    api().server.events.on('request:start', ({ request }) => {
      asked.push(new URL(request.url).pathname);
    });
    renderApp('/?asOf=2018-03-31');
    expect(await screen.findByRole('group', { name: '施策数' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '次のマイルストーン' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '要対応' })).not.toBeInTheDocument();
    expect(screen.queryByRole('figure', { name: '計画と実績（平均進捗）' })).not.toBeInTheDocument();
    expect(screen.getAllByText('読み込み中…').length).toBeGreaterThan(0);
    expect(asked).toEqual(expect.arrayContaining(['/api/session', '/api/meta', '/api/ministries', '/api/dashboard']));
    for (const below of ['/api/stats', '/api/strategy', '/api/milestones']) expect(asked, below).not.toContain(below);

    await act(async () => {
      for (const cb of frames.splice(0)) cb(performance.now());
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(await screen.findByRole('heading', { name: '要対応' })).toBeInTheDocument();
    expect(await screen.findByRole('figure', { name: '計画と実績（平均進捗）' })).toBeInTheDocument();
    expect(asked).toEqual(
      expect.arrayContaining(['/api/stats', '/api/strategy', '/api/ministries', '/api/milestones']),
    );
  });
});
