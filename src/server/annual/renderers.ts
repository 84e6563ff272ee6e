import type { ChartPng } from './docx';

/**
 * What the report needs from the machine it runs on, injected by main.ts (Node) so the app itself
 * stays runnable in the browser mock: SVG → PNG for Word's charts, HTML → PDF through Chromium.
 * Without them Word carries the charts' data tables and PDF answers 503.
 */
export type ReportRenderers = {
  chartPng?: ChartPng;
  pdf?: (html: string) => Promise<Uint8Array<ArrayBuffer>>;
};

/** Chromium is not installed (or cannot start) here: PDF is unavailable, the rest works. */
export class PdfUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`PDF unavailable: ${reason}`);
    this.name = 'PdfUnavailable';
  }
}
