import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../../tests/support/world';
import { chapterStartPages, FRONT_MATTER_PAGES } from '@/domain/report';
import { createApp } from '../app';
import { chartPng, chromiumPrinter, pdfQueue } from '../annual/node-renderers';
import { pdfPageCount } from '../annual/pdf-pages';
import { nodeHasher } from '../auth/passwords';
import { client, signIn } from '../testing';

/** The annual report as a document to hand in (issue 18, item 2): cover, contents, page numbers. */
const URL = '/api/reports/annual?fy=2015&asOf=2016-03-31';
let w: World;
beforeAll(async () => {
  w = await createWorld({ scenario: true });
});

/** A PDF of `n` pages as Chromium writes its page dictionaries. */
const fakePdf = (n: number): Uint8Array<ArrayBuffer> =>
  new Uint8Array(
    Buffer.from(
      `%PDF-1.4\n1 0 obj << /Type /Pages /Count ${n} >>\n${'2 0 obj << /Type /Page /Parent 1 0 R >>\n'.repeat(n)}%%EOF`,
      'latin1',
    ),
  );

describe('chapterStartPages', () => {
  it.each([
    [[], [3]],
    [
      [1, 1, 1, 1],
      [3, 4, 5, 6, 7],
    ],
    [
      [2, 1, 3],
      [3, 5, 6, 9],
    ],
  ])('%j → %j', (counts, starts) => {
    expect(FRONT_MATTER_PAGES).toBe(2);
    expect(chapterStartPages(counts)).toEqual(starts);
  });
});

describe('pdfPageCount', () => {
  it('counts page objects, not the page tree', () => expect(pdfPageCount(fakePdf(7))).toBe(7));
});

describe('the printed annual report', () => {
  it('prints a cover and a contents list whose page numbers come from each chapter’s printed length', async () => {
    const printed: string[] = [];
    const pdf = (html: string) => {
      printed.push(html);
      // Every chapter printed alone takes two pages.
      return Promise.resolve(fakePdf(2));
    };
    const app = createApp({ store: w.store, clock: w.clock, hasher: nodeHasher, reports: { pdf } });
    const res = await client(app, await signIn(app, w.clock, 'viewer')).get(`${URL}&format=pdf`);
    expect(res.status).toBe(200);
    // The four front chapters together (8 pages, not 4: some is longer than a page), each alone, then the whole.
    expect(printed).toHaveLength(6);
    const whole = printed.at(-1)!;
    expect(whole).toContain('<header class="report-cover">');
    expect(whole).toContain('内閣サイバーセキュリティセンター');
    expect(whole).toContain('対象年度: 2015年度（平成27年度）');
    expect(whole).toContain('基準日: 2016年3月31日');
    const pages = [...whole.matchAll(/<span class="page">(\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(pages).toEqual([3, 5, 7, 9, 11]);
    expect([...whole.matchAll(/<li><a href="#([a-z0-9-]+)">/g)].map((m) => m[1])).toEqual([
      'summary',
      'planned-vs-actual',
      'by-area',
      'tokyo2020',
      'annex',
    ]);
    for (const id of ['summary', 'planned-vs-actual', 'by-area', 'tokyo2020', 'annex'])
      expect(whole).toContain(`<section id="${id}" class="`);
  });

  it('prints the front chapters once when each takes one page', async () => {
    const printed: string[] = [];
    const pdf = (html: string) => {
      printed.push(html);
      return Promise.resolve(fakePdf(printed.length === 1 ? 4 : 90));
    };
    const app = createApp({ store: w.store, clock: w.clock, hasher: nodeHasher, reports: { pdf } });
    expect((await client(app, await signIn(app, w.clock, 'viewer')).get(`${URL}&format=pdf`)).status).toBe(200);
    expect(printed).toHaveLength(2);
    const pages = [...printed[1]!.matchAll(/<span class="page">(\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(pages).toEqual([3, 4, 5, 6, 7]);
  });

  it('puts Word’s cover, contents field, page-number footer and kept-with-next headings in the docx', async () => {
    const res = await (await w.as('viewer')).get(`${URL}&format=docx`);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const doc = new TextDecoder().decode(files['word/document.xml']);
    expect(doc).toContain('内閣サイバーセキュリティセンター');
    expect(doc).toContain('TOC \\h \\o &quot;2-2&quot;');
    expect(doc).toContain('<w:keepNext/>');
    const footers = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footer = footers.map((f) => new TextDecoder().decode(files[f])).join('');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
    expect(new TextDecoder().decode(files['word/settings.xml'])).toContain('updateFields');
  });
});

describe('the printed annual report, through Chromium', () => {
  const printer = chromiumPrinter(process.env.CHROMIUM_PATH || '/usr/bin/chromium');
  afterAll(() => printer.close());

  it('prints every chapter, the contents and the cover, with page numbers in each page’s footer', async () => {
    const app = createApp({
      store: w.store,
      clock: w.clock,
      hasher: nodeHasher,
      reports: { chartPng, pdf: pdfQueue(printer.render, { timeoutMs: 120_000 }).pdf },
    });
    const res = await client(app, await signIn(app, w.clock, 'viewer')).get(`${URL}&format=pdf`);
    expect(res.status).toBe(200);
    const pdf = new Uint8Array(await res.arrayBuffer());
    const pages = pdfPageCount(pdf);
    // Cover, contents, four one-page chapters at least, and the 258-measure annex.
    expect(pages).toBeGreaterThan(20);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(new RegExp(`/Type /Pages[^>]*/Count ${pages}\\b`));
  }, 180_000);
});
