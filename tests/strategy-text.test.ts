import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { StrategySchema, type MeasureDetail } from '@/domain/contract';
import { createWorld, json, measurePath, type World } from './support/world';

/** Lead-ins, section targets and dated steps reach the API and the report (issue 19). */
let w: World;
beforeAll(async () => {
  w = await createWorld({ scenario: true });
});

describe('the strategy’s own structure', () => {
  it('/api/strategy serves the lead-ins, the section target of 5.1.1 and the step of 5.2.2(3)-6', async () => {
    const s = StrategySchema.parse(await json(await (await w.as('viewer')).get('/api/strategy')));
    expect(s.sectionTargets).toEqual([
      expect.objectContaining({ sectionCode: '5.1.1', wording: '2020 年までに', date: '2020-12-31' }),
    ]);
    expect(s.leadIns.find((l) => l.code === '5.2.3(1)-L1')?.quote).toContain(
      '攻撃に直面することを前提とした多層的な対策を講ずる',
    );
    expect(s.steps).toEqual([expect.objectContaining({ measureCode: '5.2.2(3)-6', date: '2015-12-31' })]);
  });

  it('a 5.1.1 measure is judged against the section’s target, marked as the section’s, not its own', async () => {
    const viewer = await w.as('viewer');
    const m = await json<MeasureDetail>(await viewer.get(measurePath('5.1.1(1)-1')));
    expect(m.due).toEqual({ wording: '2020 年までに', kind: 'calendar_year', date: '2020-12-31', source: 'section' });
    expect(m.milestoneIds).toEqual(['tokyo2020-olympics', 'tokyo2020-paralympics']);
    const step = await json<MeasureDetail>(await viewer.get(measurePath('5.2.2(3)-6')));
    expect(step.due.kind).toBe('plan_period');
  });

  it('the report shows the section target and the lead-ins under their section, and marks inherited targets', async () => {
    const md = await (await (await w.as('viewer')).get('/api/reports/annual?fy=2015&asOf=2016-03-31&format=md')).text();
    const iot = md.slice(md.indexOf('### 5.1.1 '), md.indexOf('### 5.1.2 '));
    expect(iot).toContain('> 節の目標：「2020 年までに」（2020-12-31）');
    expect(iot).toContain('> 本文の方針（リード文） 5.1.1-L1: このため、2020 年までに');
    expect(iot).toContain('> 本文の方針（リード文） 5.1-');
    expect(md).toContain('（節の目標：2020 年までに）');
    const html = await (
      await (await w.as('viewer')).get('/api/reports/annual?fy=2015&asOf=2016-03-31&format=html')
    ).text();
    expect(html).toContain('<p class="section-text">本文の方針（リード文） 5.2.3(1)-L1:');
    const docx = await (
      await (await w.as('viewer')).get('/api/reports/annual?fy=2015&asOf=2016-03-31&format=docx')
    ).arrayBuffer();
    const doc = new TextDecoder().decode(unzipSync(new Uint8Array(docx))['word/document.xml']);
    expect(doc).toContain('節の目標：「2020 年までに」');
  });
});
