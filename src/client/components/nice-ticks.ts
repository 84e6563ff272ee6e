/** Round steps (1, 2 or 5 × 10ⁿ) from 0 to at least `max`, about six of them at most: an axis's ticks. */
export function niceTicks(max: number): number[] {
  const top = Math.max(1, max);
  const magnitude = 10 ** Math.floor(Math.log10(top / 5));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => top / s <= 6) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let t = 0; t < top + step; t += step) ticks.push(t);
  return ticks;
}

/** A fraction of an axis as a CSS percentage. */
export const pct = (f: number) => `${(f * 100).toFixed(3)}%`;
