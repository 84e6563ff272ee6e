import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import { chromium, type Browser } from 'playwright-core';
import { createLimiter } from '../limiter';
import { PdfTimedOut, PdfUnavailable, type PdfRender, type ReportRenderers } from './renderers';

/**
 * resvg draws the charts with the system's fonts (fonts-noto-cjk on Debian and in CI), on libuv's
 * thread pool: laying out CJK text takes a few hundred milliseconds a chart.
 */
export async function chartPng(svg: string, width: number): Promise<Uint8Array> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK JP' },
  });
  return new Uint8Array(image.asPng());
}

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export type PdfQueueOptions = { concurrency: number; maxQueue: number; timeoutMs: number };
export const PDF_QUEUE_DEFAULTS: PdfQueueOptions = { concurrency: 2, maxQueue: 8, timeoutMs: 30_000 };

/**
 * At most `concurrency` documents print at once and `maxQueue` wait; the next request is refused at
 * once (503 with Retry-After, limiter.ts). Each document has `timeoutMs` (PdfTimedOut, also a 503).
 */
export function pdfQueue(render: PdfRender, options: Partial<PdfQueueOptions> = {}) {
  const o = { ...PDF_QUEUE_DEFAULTS, ...options };
  const limiter = createLimiter({
    concurrency: o.concurrency,
    maxQueue: o.maxQueue,
    retryAfterSeconds: 10,
    what: { ja: 'PDF の作成', en: 'printing PDFs' },
  });
  const pdf: PdfRender = (html, signal) =>
    limiter.run(() => {
      const budget = AbortSignal.timeout(o.timeoutMs);
      const aborted = new Promise<never>((_, reject) =>
        budget.addEventListener('abort', () => reject(new PdfTimedOut(o.timeoutMs)), { once: true }),
      );
      return Promise.race([render(html, signal ? AbortSignal.any([signal, budget]) : budget), aborted]);
    });
  return { pdf, load: () => limiter.load() };
}

/** Chromium fills .pageNumber and .totalPages; the template has no access to the page's fonts or styles. */
const PAGE_FOOTER =
  '<div style="width:100%;text-align:center;font-size:9pt;font-family:sans-serif;color:#333;">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

/**
 * Prints HTML to an A4 PDF with one shared headless Chromium (playwright-core, the system's browser):
 * launched at the first print, relaunched if it dies, closed by `close()` at shutdown. Each document
 * gets its own context with JavaScript off and every request refused: the report is self-contained.
 */
export function chromiumPrinter(executablePath: string) {
  let browser: Promise<Browser> | null = null;
  let launches = 0;
  const shared = (): Promise<Browser> => {
    browser ??= launch();
    return browser;
  };
  const launch = async () => {
    if (!existsSync(executablePath)) throw new PdfUnavailable(`no Chromium at ${executablePath}`);
    launches++;
    try {
      const b = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'], timeout: 20_000 });
      b.on('disconnected', () => (browser = null));
      return b;
    } catch (error) {
      throw new PdfUnavailable(error instanceof Error ? error.message : String(error));
    }
  };
  const render: PdfRender = async (html, signal) => {
    let b: Browser;
    try {
      b = await shared();
    } catch (error) {
      browser = null; // try again at the next request (Chromium may be installed by then)
      throw error;
    }
    const context = await b.newContext({ javaScriptEnabled: false, offline: true });
    const close = () => void context.close().catch(() => undefined);
    signal?.addEventListener('abort', close, { once: true });
    try {
      const page = await context.newPage();
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        // 「n / N」 at the foot of every page, in the page's bottom margin (issue 18).
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: PAGE_FOOTER,
      });
      return new Uint8Array(pdf);
    } finally {
      signal?.removeEventListener('abort', close);
      await context.close().catch(() => undefined);
    }
  };
  return {
    render,
    launches: () => launches,
    close: async () => {
      const b = await browser?.catch(() => null);
      browser = null;
      await b?.close();
    },
  };
}

/** The Node renderers main.ts passes to createApp; `close()` at shutdown closes the browser. */
export function nodeRenderers(env: NodeJS.ProcessEnv = process.env): ReportRenderers & { close(): Promise<void> } {
  const printer = chromiumPrinter(chromiumPath(env));
  return { chartPng, pdf: pdfQueue(printer.render).pdf, close: printer.close };
}
