import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import { chromium } from 'playwright-core';
import { PdfUnavailable, type ReportRenderers } from './renderers';

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

let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints HTML to an A4 PDF with headless Chromium (playwright-core, the system's browser). One
 * browser at a time: each print launches, prints and closes, so nothing lingers between requests.
 */
export function htmlToPdf(executablePath: string) {
  return (html: string): Promise<Uint8Array<ArrayBuffer>> => {
    const run = async () => {
      if (!existsSync(executablePath)) throw new PdfUnavailable(`no Chromium at ${executablePath}`);
      let browser;
      try {
        browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'], timeout: 20_000 });
      } catch (error) {
        throw new PdfUnavailable(error instanceof Error ? error.message : String(error));
      }
      try {
        const page = await browser.newPage();
        // The report is self-contained: no network, no scripts.
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        return new Uint8Array(pdf);
      } finally {
        await browser.close();
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
}

export function nodeRenderers(env: NodeJS.ProcessEnv = process.env): ReportRenderers {
  return { chartPng, pdf: htmlToPdf(chromiumPath(env)) };
}
