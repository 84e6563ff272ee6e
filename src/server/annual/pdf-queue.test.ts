import { nodeHasher } from '../auth/passwords';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorld } from '../../../tests/support/world';
import { createApp } from '../app';
import { client, signIn } from '../testing';
import { chromiumPath, chromiumPrinter, pdfQueue } from './node-renderers';
import type { PdfRender } from './renderers';

/** PDF printing (issue 17): one shared browser, a bounded queue, JavaScript off, a time per document. */

const URL = '/api/reports/annual?fy=2015&asOf=2016-03-31&format=pdf';
const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]);

/** A renderer that holds every document until released: the queue's behaviour, without a browser. */
function heldRenderer() {
  const held: (() => void)[] = [];
  const signals: AbortSignal[] = [];
  const render: PdfRender = (_html, signal) => {
    if (signal) signals.push(signal);
    return new Promise((resolve) => held.push(() => resolve(PDF)));
  };
  return { render, held, signals, releaseAll: () => held.splice(0).forEach((r) => r()) };
}

async function appWith(pdf: PdfRender) {
  const w = await createWorld();
  const app = createApp({ store: w.store, clock: w.clock, hasher: nodeHasher, reports: { pdf } });
  return client(app, await signIn(app, w.clock, 'viewer'));
}

const until = async (ok: () => boolean) => {
  while (!ok()) await new Promise((r) => setTimeout(r, 5));
};

describe('PDF queue', () => {
  it('prints two at a time, queues eight, and answers the next with 503 and Retry-After', async () => {
    const r = heldRenderer();
    const queue = pdfQueue(r.render, { concurrency: 2, maxQueue: 8 });
    const viewer = await appWith(queue.pdf);
    const accepted = Array.from({ length: 10 }, async () => viewer.get(URL));
    await until(() => queue.load().waiting === 8);
    expect(queue.load()).toEqual({ running: 2, waiting: 8 });
    const refused = await viewer.get(URL);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('busy');
    expect(body.error.message).toMatch(/PDF の作成が混み合っています.* \/ The server is busy printing PDFs/);
    while (queue.load().running > 0) {
      r.releaseAll();
      await new Promise((res) => setTimeout(res, 5));
    }
    expect((await Promise.all(accepted)).map((res) => res.status)).toEqual(Array(10).fill(200));
  });

  it('gives up on a document past its time: 503, and the renderer is told to stop', async () => {
    const r = heldRenderer();
    const viewer = await appWith(pdfQueue(r.render, { timeoutMs: 20 }).pdf);
    const res = await viewer.get(URL);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('pdf_timeout');
    expect(r.signals[0]?.aborted).toBe(true);
    r.releaseAll();
  });
});

const printers: ReturnType<typeof chromiumPrinter>[] = [];
afterAll(async () => {
  await Promise.all(printers.map((p) => p.close()));
});
const pages = (pdf: Uint8Array) =>
  (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;

describe.skipIf(!existsSync(chromiumPath()))('PDF with the system Chromium', () => {
  it('prints concurrent documents with one browser, relaunched after it goes away', async () => {
    const printer = chromiumPrinter(chromiumPath());
    printers.push(printer);
    const pdf = pdfQueue(printer.render).pdf;
    const docs = await Promise.all(Array.from({ length: 4 }, (_, i) => pdf(`<p>document ${i}</p>`)));
    expect(docs.every((d) => Buffer.from(d.subarray(0, 5)).toString() === '%PDF-')).toBe(true);
    expect(printer.launches()).toBe(1);
    await printer.close(); // as if it had died
    expect(pages(await pdf('<p>again</p>'))).toBe(1);
    expect(printer.launches()).toBe(2);
  }, 60_000);

  it('runs no script in the page it prints', async () => {
    const printer = chromiumPrinter(chromiumPath());
    printers.push(printer);
    const more = `document.write('<p style="break-before: page">x</p>'.repeat(3))`;
    const pdf = await pdfQueue(printer.render).pdf(`<p>one page</p><script>${more}</script>`);
    expect(pages(pdf)).toBe(1); // with scripts on, four
  }, 60_000);
});
