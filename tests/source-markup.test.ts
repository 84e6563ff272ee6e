import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedBundle } from '../seeds';
import type { MeasureList } from '@/domain/contract';
import { hasSourceMarkup } from '@/domain/plan';
import { seedIfEmpty } from '../src/server/bootstrap';
import { fixedClock } from '../src/server/clock';
import { createMemoryStore } from '../src/server/store/memory';
import { createWorld, json, type World } from './support/world';

/**
 * The source's ruby (`漢字^{よみ}`) and footnote superscripts stay in the data and never reach a
 * reader raw (issue 15). The real quote of 5.3.2(5)-1 carries a reading; for the exports, which
 * show titles, this world's copy of that measure also carries both kinds of markup in its titles.
 */
const CODE = '5.3.2(5)-1';
let w: World;
beforeAll(async () => {
  const bundle = loadSeedBundle();
  const m = bundle.strategy.flatMap((f) => f.measures).find((x) => x.code === CODE)!;
  m.title = {
    ja: `国際場裡^{こくさいじょうり}で活躍する人材⁷の育成`,
    en: `Develop people for the international arena⁷`,
  };
  const store = createMemoryStore();
  const clock = fixedClock('2016-03-31');
  await seedIfEmpty(store, clock, bundle);
  w = await createWorld({ store, clock, scenario: true });
});

describe('source markup in what readers get', () => {
  it('the measure keeps its quote verbatim, and search finds it by the base text', async () => {
    const viewer = await w.as('viewer');
    const detail = await json<{ quote: string }>(await viewer.get(`/api/measures/${encodeURIComponent(CODE)}`));
    expect(detail.quote).toContain('国際場裡^{こくさいじょうり}で');
    for (const q of ['国際場裡で十分に', 'こくさいじょうり']) {
      const list = await json<MeasureList>(await viewer.get(`/api/measures?q=${encodeURIComponent(q)}`));
      expect(
        list.items.map((i) => i.code),
        q,
      ).toContain(CODE);
    }
  });

  const REPORT = '/api/reports/annual?fy=2015&asOf=2016-03-31';
  const JA = '国際場裡で活躍する人材の育成';
  it.each([
    ['Markdown', `${REPORT}&format=md`, JA],
    ['Markdown (English)', `${REPORT}&format=md&lang=en`, 'Develop people for the international arena'],
    ['HTML report (the PDF’s source)', `${REPORT}&format=html`, JA],
    ['CSV', '/api/export/measures?section=5.3.2', JA],
  ])('%s shows the base text, never ^{…} or a glued footnote digit', async (_, path, shown) => {
    const res = await (await w.as('viewer')).get(path);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(shown);
    expect(hasSourceMarkup(text)).toBe(false);
  });

  it('Word shows the base text', async () => {
    const res = await (await w.as('viewer')).get(`${REPORT}&format=docx`);
    const files = (await import('fflate')).unzipSync(new Uint8Array(await res.arrayBuffer()));
    const doc = new TextDecoder().decode(files['word/document.xml']);
    expect(doc).toContain(JA);
    expect(hasSourceMarkup(doc)).toBe(false);
  });

  it('XLSX shows the base text', async () => {
    const res = await (await w.as('viewer')).get('/api/export/measures?format=xlsx&section=5.3.2');
    const files = (await import('fflate')).unzipSync(new Uint8Array(await res.arrayBuffer()));
    const xml = Object.values(files)
      .map((f) => new TextDecoder().decode(f))
      .join('\n');
    expect(xml).toContain('国際場裡で活躍する人材の育成');
    expect(hasSourceMarkup(xml)).toBe(false);
  });
});
