// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The gate is module state (one first paint per page load): each test loads a fresh copy.
async function fresh() {
  vi.resetModules();
  return import('./after-first-paint');
}

describe('afterFirstPaint', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] }));
  afterEach(() => vi.useRealTimers());

  it('waits for an animation frame and the task after it, then runs everything that waited, once', async () => {
    const { afterFirstPaint } = await fresh();
    const ran: string[] = [];
    afterFirstPaint(() => ran.push('a'));
    afterFirstPaint(() => ran.push('b'));
    expect(ran).toEqual([]);
    vi.advanceTimersToNextFrame();
    expect(ran).toEqual([]); // the frame's callbacks run before it paints
    vi.advanceTimersByTime(1);
    expect(ran).toEqual(['a', 'b']);
    vi.runAllTimers();
    expect(ran).toEqual(['a', 'b']);
  });

  it('runs at once once the page has painted', async () => {
    const { afterFirstPaint } = await fresh();
    afterFirstPaint(() => {});
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(1);
    const later = vi.fn();
    afterFirstPaint(later);
    expect(later).toHaveBeenCalledOnce();
  });

  it('does not run what was cancelled before the paint', async () => {
    const { afterFirstPaint } = await fresh();
    const kept = vi.fn();
    const dropped = vi.fn();
    afterFirstPaint(kept);
    const cancel = afterFirstPaint(dropped);
    cancel();
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(1);
    expect(kept).toHaveBeenCalledOnce();
    expect(dropped).not.toHaveBeenCalled();
  });
});

describe('afterFirstPaint with paint timing', () => {
  type Callback = (list: { getEntries: () => { name: string }[] }) => void;
  let observers: { callback: Callback; disconnected: boolean }[] = [];

  beforeEach(() => {
    observers = [];
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    class FakeObserver {
      static supportedEntryTypes = ['paint'];
      private readonly entry: { callback: Callback; disconnected: boolean };
      constructor(callback: Callback) {
        this.entry = { callback, disconnected: false };
        observers.push(this.entry);
      }
      observe() {}
      disconnect() {
        this.entry.disconnected = true;
      }
    }
    vi.stubGlobal('PerformanceObserver', FakeObserver);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  const report = (name: string) => {
    for (const o of observers) if (!o.disconnected) o.callback({ getEntries: () => [{ name }] });
  };

  it('runs when the first contentful paint is reported, not at the first frame or the first paint', async () => {
    const { afterFirstPaint } = await fresh();
    const run = vi.fn();
    afterFirstPaint(run);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(1);
    report('first-paint');
    expect(run).not.toHaveBeenCalled();
    report('first-contentful-paint');
    expect(run).toHaveBeenCalledOnce();
    vi.runAllTimers(); // the time limit finds nothing left to run
    expect(run).toHaveBeenCalledOnce();
  });

  it('runs after the time limit when no paint is reported', async () => {
    const { afterFirstPaint } = await fresh();
    const run = vi.fn();
    afterFirstPaint(run);
    vi.advanceTimersByTime(999);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledOnce();
  });

  it('does not wait for a paint a hidden page will never report', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    const { afterFirstPaint } = await fresh();
    const run = vi.fn();
    afterFirstPaint(run);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledOnce();
    expect(observers).toHaveLength(0);
  });
});
