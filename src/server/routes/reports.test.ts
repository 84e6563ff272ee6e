import { existsSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, json, type World } from '../../../tests/support/world';
import { reportCharts } from '@/domain/report';
import { AnnualReportSchema } from '@/domain/report';
import { createApp } from '../app';
import { chartPng, chromiumPath, chromiumPrinter, pdfQueue } from '../annual/node-renderers';
import { client, signIn } from '../testing';
import { nodeHasher } from '../auth/passwords';

const URL = '/api/reports/annual?fy=2015&asOf=2016-03-31';
let w: World;
let measures: number;
beforeAll(async () => {
  w = await createWorld({ scenario: true });
  measures = (await w.store.snapshot()).measures.length;
});

const printers: ReturnType<typeof chromiumPrinter>[] = [];
/** A shared-browser printer behind the PDF queue, as main.ts sets it up; closed after the suite. */
function printer(path = chromiumPath()) {
  const p = chromiumPrinter(path);
  printers.push(p);
  return pdfQueue(p.render).pdf;
}
afterAll(async () => {
  await Promise.all(printers.map((p) => p.close()));
});

/** The same world with the Node renderers (charts as PNG, PDF through Chromium). */
async function withRenderers(pdf = printer()) {
  const app = createApp({ store: w.store, clock: w.clock, hasher: nodeHasher, reports: { chartPng, pdf } });
  return client(app, await signIn(app, w.clock, 'viewer'));
}

describe('GET /api/reports/annual (FY2015 as of 2016-03-31, sample scenario)', () => {
  it('builds the report model: summary, change from last year, charts data, Tokyo 2020, the annex', async () => {
    const r = AnnualReportSchema.parse(await json(await (await w.as('viewer')).get(URL)));
    expect(r.labels.fy.ja).toBe('2015年度（平成27年度）');
    expect(r.labels.asOf.ja).toBe('2016年3月31日（平成28年3月31日）');
    expect(r.sample?.ja).toMatch(/^【サンプル】/);
    expect(r.summary.counts.total).toBe(measures);
    expect(r.summary.previous.byStatus.not_started).toBe(measures); // nothing had started by 2015-03-31
    expect(r.summary.overdue.every((m) => m.health === 'overdue')).toBe(true);
    // Expected against actual progress (issue 11): the same figures as the overview on that date.
    expect(r.plannedVsActual.at(-1)).toEqual({
      date: '2016-03-31',
      expectedProgress: 33.2,
      actualProgress: 17.9,
      expectedCompleted: 3,
      completed: 0,
    });
    expect(r.continuous.total).toBe(21);
    // Its chart draws both lines on a 0–100 % axis, the expected one dashed.
    const svg = reportCharts(r, 'ja').plannedVsActual.svg;
    expect(svg).toContain('計画上の進捗');
    expect(svg).toContain('100%');
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(r.byArea.map((a) => a.code)).toEqual(['5.1', '5.2', '5.3', '5.4', '6', '7']);
    expect(r.tokyo2020.measures.length).toBeGreaterThan(0);
    expect(r.tokyo2020.daysToGames).toBe(1576);
    const rows = r.annex.flatMap((s) => s.rows);
    expect(rows).toHaveLength(measures);
    const cross = rows.filter((x) => x.crossRef);
    expect(cross.length).toBeGreaterThan(0);
    expect(cross[0]!.crossRef!.number).toMatch(/（.）$/);
    expect(rows[0]!.results[0]).toMatchObject({ source: 'annual' });
  });

  it('renders Markdown with the annex in NISC’s columns and cross-listed measures marked (再掲)', async () => {
    const res = await (await w.as('viewer')).get(`${URL}&format=md`);
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    const md = await res.text();
    expect(md).toMatch(/^# サイバーセキュリティ戦略 年次報告（2015年度（平成27年度））/);
    expect(md).toContain(
      '| 項番 | 施策 | 担当府省庁 | 2015年度（平成27年度） 年次計画 | 成果・進捗状況 | 2016年度（平成28年度） 年次計画 |',
    );
    expect(md).toContain('（再掲）');
    const en = await (await (await w.as('viewer')).get(`${URL}&format=md&lang=en`)).text();
    expect(en).toContain('# Cybersecurity Strategy annual report, FY2015 (Heisei 27)');
  });

  it('renders Word: A4, 明朝 body and ゴシック headings, a header row marked to repeat, a row per measure, the charts', async () => {
    const res = await (await withRenderers()).get(`${URL}&format=docx`);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const doc = new TextDecoder().decode(files['word/document.xml']);
    const styles = new TextDecoder().decode(files['word/styles.xml']);
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(styles).toMatch(/<w:rFonts w:ascii="Yu Mincho"[^>]*w:eastAsia="Yu Mincho"/);
    expect(styles).toMatch(/<w:rFonts w:ascii="Yu Gothic"[^>]*w:eastAsia="Yu Gothic"/);
    const tables = doc.split('<w:tbl>').slice(1);
    const annex = tables.filter((t) => t.includes('翌年度') || t.includes('2016年度（平成28年度） 年次計画'));
    expect(annex.length).toBe(13); // one per section
    for (const t of [...annex, ...tables])
      expect(t.split('<w:tr>')[1] ?? t.split('<w:tr ')[1]).toContain('<w:tblHeader/>');
    const annexRows = annex.reduce((n, t) => n + (t.match(/<w:tr[ >]/g)?.length ?? 0) - 1, 0);
    expect(annexRows).toBe(measures);
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'))).toHaveLength(2);
  });

  it('without a PNG renderer, Word carries the charts as data tables', async () => {
    const files = unzipSync(
      new Uint8Array(await (await (await w.as('viewer')).get(`${URL}&format=docx`)).arrayBuffer()),
    );
    expect(Object.keys(files).some((f) => f.startsWith('word/media/'))).toBe(false);
    expect(new TextDecoder().decode(files['word/document.xml'])).toContain('実績');
  });

  it('answers PDF with a clear 503 in Japanese and English where Chromium is absent', async () => {
    const res = await (await withRenderers(printer('/nonexistent/chromium'))).get(`${URL}&format=pdf`);
    expect(res.status).toBe(503);
    const body = await json<{ error: { code: string; message: string } }>(res);
    expect(body.error.code).toBe('pdf_unavailable');
    expect(body.error.message).toMatch(/Chromium.*Word.*\/.*Chromium/);
    expect((await (await w.as('viewer')).get(`${URL}&format=pdf`)).status).toBe(503);
  });

  it.skipIf(!existsSync(chromiumPath()))(
    'prints the same HTML to an A4 PDF with headless Chromium',
    async () => {
      const res = await (await withRenderers()).get(`${URL}&format=pdf`);
      expect(res.status).toBe(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]/);
    },
    60_000,
  );

  it('escapes text from the data in HTML, and refuses an as-of date outside the year', async () => {
    const staff = await w.as('staff');
    const id = encodeURIComponent('5.1.1(1)-1');
    const plan = (await w.store.annual(2015)).plans.find((p) => p.measureId === '5.1.1(1)-1')!;
    await staff.patch(`/api/plans/2015/measures/${id}`, { planText: '<script>alert(1)</script>' }, plan.version);
    const html = await (await staff.get(`${URL}&format=html`)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect((await staff.get('/api/reports/annual?fy=2015&asOf=2016-04-01')).status).toBe(422);
  });

  it('writes text from the data into Markdown as text: no live HTML, links, images or forged table rows', async () => {
    const staff = await w.as('staff');
    const id = '5.1.1(1)-2';
    const plan = (await w.store.annual(2015)).plans.find((p) => p.measureId === id)!;
    const planText = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) <http://evil.example>';
    const nextPlanText = '![](data:image/png;base64,AAAA) a | b\n| forged | row |';
    const res = await staff.patch(
      `/api/plans/2015/measures/${encodeURIComponent(id)}`,
      { planText, nextPlanText },
      plan.version,
    );
    expect(res.status).toBe(200);
    const md = await (await staff.get(`${URL}&format=md`)).text();
    const row = md.split('\n').find((l) => l.includes('onerror'))!;
    expect(row).toContain(
      '&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript\\:alert(1)) &lt;http\\://evil.example&gt;',
    );
    expect(row).toContain('!\\[\\](data\\:image/png;base64,AAAA) a \\| b<br>\\| forged \\| row \\|');
    for (const live of ['<img', '](javascript:', '<http:', '![](', '\n| forged']) expect(md).not.toContain(live);
  });
});
