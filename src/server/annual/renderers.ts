import type { ChartPng } from './docx';

/** HTML in, PDF out; `signal` aborts a document past its time (node-renderers.ts). */
export type PdfRender = (html: string, signal?: AbortSignal) => Promise<Uint8Array<ArrayBuffer>>;

/**
 * What the report needs from the machine it runs on, injected by main.ts (Node) so the app itself
 * stays runnable in the browser mock: SVG → PNG for Word's charts, HTML → PDF through Chromium.
 * Without them Word carries the charts' data tables and PDF answers 503.
 */
export type ReportRenderers = {
  chartPng?: ChartPng;
  pdf?: PdfRender;
};

/** Chromium is not installed (or cannot start) here: PDF is unavailable, the rest works. */
export class PdfUnavailable extends Error {
  constructor(readonly reason: string) {
    super(`PDF unavailable: ${reason}`);
    this.name = 'PdfUnavailable';
  }
}

/** One document took longer than its budget: the browser stopped printing it. */
export class PdfTimedOut extends Error {
  constructor(readonly ms: number) {
    super(`PDF took longer than ${ms} ms`);
    this.name = 'PdfTimedOut';
  }
}
