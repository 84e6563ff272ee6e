import { useEffect, useState } from 'react';

/**
 * The page's first paint, as a gate for work that must not compete with it (issue 11). On a first
 * visit the charts' code (recharts, 400 KB) used to be fetched and compiled on a background thread
 * while the page's first frame was laid out, rasterised and shown: on a machine with two cores
 * that made the first paint later by as much as the compile took. The overview's lists and charts,
 * below the screen's fold, also rendered in the same task as the figures at its top.
 *
 * "Painted" is the browser's first contentful paint entry, which carries the time the frame was
 * shown (Paint Timing): the page's main thread has finished painting well before the raster threads
 * have. Where paint timing is not available (tests, older engines), or the page is hidden (a tab
 * opened in the background reports no paint), a task queued from an animation frame stands in: the
 * frame's callbacks run before it paints, a task queued then runs after. A time limit covers a
 * paint entry that never comes. Once the page has painted, later calls run at once, so moving
 * between pages delays nothing.
 */
let painted = false;
let scheduled = false;
const waiting = new Set<() => void>();
/** Longest wait for the paint entry: the first frame of a visit is shown well within this. */
const PAINT_ENTRY_LIMIT_MS = 1000;

function flush(): void {
  if (painted) return;
  painted = true;
  for (const run of [...waiting]) run();
  waiting.clear();
}

function afterNextFrame(): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(flush, 0));
  else setTimeout(flush, 0);
}

function paintTimingAvailable(): boolean {
  return (
    typeof PerformanceObserver === 'function' &&
    (PerformanceObserver.supportedEntryTypes ?? []).includes('paint') &&
    typeof document !== 'undefined' &&
    document.visibilityState === 'visible'
  );
}

function schedule(): void {
  if (!paintTimingAvailable()) {
    afterNextFrame();
    return;
  }
  const observer = new PerformanceObserver((list) => {
    if (!list.getEntries().some((e) => e.name === 'first-contentful-paint')) return;
    observer.disconnect();
    // The entry arrives in a task of its own, once the frame is shown.
    flush();
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(() => {
    observer.disconnect();
    flush();
  }, PAINT_ENTRY_LIMIT_MS);
}

/** Runs `run` after the page's first paint (now, if that has happened). Returns a cancel function. */
export function afterFirstPaint(run: () => void): () => void {
  if (painted) {
    run();
    return () => {};
  }
  waiting.add(run);
  if (!scheduled) {
    scheduled = true;
    schedule();
  }
  return () => waiting.delete(run);
}

/** False until the page's first paint, then true for good. */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(painted);
  useEffect(() => (ready ? undefined : afterFirstPaint(() => setReady(true))), [ready]);
  return ready;
}
