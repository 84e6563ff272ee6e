import { createContext, useContext, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * Printing lays the page out at A4 width, but a chart sized by ResizeObserver keeps the width of the
 * window it was drawn in. On `beforeprint` the charts redraw synchronously at the printed column's
 * width (A4 less 12 mm margins ≈ 703 CSS px, less the card's padding), and go back afterwards.
 */
export const PRINT_CHART_WIDTH = 660;

export const ChartWidthContext = createContext<number | null>(null);

/** The width a chart must draw at: a number while printing, else "fill the container". */
export function useChartWidth(): number | '100%' {
  return useContext(ChartWidthContext) ?? '100%';
}

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
