import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSeeds, integrityProblems, type SeedBundle } from '@/domain/seeds';
import { hasSourceMarkup, plainSourceText } from '@/domain/plan';
import { loadPublicConsultation, loadSeedBundle } from './index';

const bundle = loadSeedBundle();
const measures = bundle.strategy.flatMap((f) => f.measures);

describe('seed files', () => {
  it('pass every integrity check', () => {
    expect(integrityProblems(bundle)).toEqual([]);
  });

  it('hold the whole strategy: at least 200 measures', () => {
    expect(measures.length).toBeGreaterThanOrEqual(200);
  });

  it('have the five policy areas, chapters 6 and 7, and their thirteen sections', () => {
    expect(bundle.structure.areas.map((a) => a.code)).toEqual(['5.1', '5.2', '5.3', '5.4', '6', '7']);
    expect(bundle.structure.sections.map((s) => s.code)).toEqual([
      '5.1.1',
      '5.1.2',
      '5.1.3',
      '5.2.1',
      '5.2.2',
      '5.2.3',
      '5.3.1',
      '5.3.2',
      '5.3.3',
      '5.4.1',
      '5.4.2',
      '6',
      '7',
    ]);
  });

  it('run the plan period FY2015–FY2017', () => {
    expect(bundle.structure.planPeriod).toMatchObject({ start: '2015-04-01', end: '2018-03-31' });
  });

  it('list 13 critical-infrastructure sectors with distinct ids', () => {
    const ids = bundle.ciSectors.sectors.map((s) => s.id);
    expect(ids).toHaveLength(13);
    expect(new Set(ids).size).toBe(13);
  });

  it.each([
    { id: 'ise-shima-2016', start: '2016-05-26', end: '2016-05-27' },
    { id: 'rwc-2019', start: '2019-09-20', end: '2019-11-02' },
    { id: 'tokyo2020-olympics', start: '2020-07-24', end: '2020-08-09' },
    { id: 'tokyo2020-paralympics', start: '2020-08-25', end: '2020-09-06' },
  ])('have milestone $id ($start … $end)', ({ id, start, end }) => {
    expect(bundle.milestones.milestones.find((m) => m.id === id)).toMatchObject({ start, end });
  });

  it('have the chair’s instructions ① to ⑦, all issued in 2015, in order', () => {
    const list = bundle.instructions.instructions;
    expect([...new Set(list.map((i) => i.number))]).toEqual(['①', '②', '③', '④', '⑤', '⑥', '⑦']);
    for (const i of list) expect(i.issuedOn).toMatch(/^2015-/);
    const dates = list.map((i) => i.issuedOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('give every measure exactly one lead and a non-empty quote', () => {
    const badLead = measures.filter((m) => m.assignments.filter((a) => a.role === 'lead').length !== 1);
    const noQuote = measures.filter((m) => m.quote.trim() === '');
    expect(badLead.map((m) => m.code)).toEqual([]);
    expect(noQuote.map((m) => m.code)).toEqual([]);
  });

  it('carry every package entry that has text in some measure', () => {
    const carried = new Set(measures.flatMap((m) => m.packageIds ?? []));
    const entries = bundle.strengtheningPackage.entries.filter((p) => p.text);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((p) => !carried.has(p.id)).map((p) => p.id)).toEqual([]);
  });

  it('include the GSOC measure of 5.2.3(1)ii', () => {
    const gsoc = measures.filter((m) => m.itemCode === '5.2.3(1)ii' && m.title.ja.includes('GSOC'));
    expect(gsoc.length).toBeGreaterThanOrEqual(1);
    expect(gsoc[0]?.assignments.find((a) => a.role === 'lead')?.orgId).toBe('nisc');
  });

  it('compile into measures that all sit in a known area and section', () => {
    const compiled = compileSeeds(bundle);
    const areas = new Set(compiled.areas.map((a) => a.code));
    const sections = new Set(compiled.sections.map((s) => s.code));
    expect(compiled.measures).toHaveLength(measures.length);
    expect(compiled.measures.filter((m) => !areas.has(m.areaCode) || !sections.has(m.sectionCode))).toEqual([]);
    expect(compiled.assignments.every((a) => a.status === 'not_started' && a.progress === 0)).toBe(true);
  });
});

describe('quotes are verbatim (issue 19)', () => {
  // The project's own copy of the source packet, as received (seeds/source/README.md).
  const source = readFileSync(new URL('./source/strategy-2015.txt', import.meta.url), 'utf8');
  // The one change a quote may make: join a sentence that a page break (with the footnotes printed
  // at the page's foot) cuts in two.
  const joined = source.replace(/\n\n\d{1,2} [^\n]*(?=\n\n)/g, '').replace(/([^。\n])\n\n(?=[^\n])/g, '$1');
  const notVerbatim = (quotes: { code: string; quote: string }[]) =>
    quotes.filter((q) => !joined.includes(q.quote)).map((q) => q.code);

  it('every measure quotes the source, character for character', () => {
    expect(notVerbatim(measures)).toEqual([]);
  });

  it('every lead-in does too, and a changed character fails', () => {
    expect(notVerbatim(bundle.strategyText.leadIns)).toEqual([]);
    const lead = bundle.strategyText.leadIns.find((l) => l.code === '5.1.1-L1')!;
    expect(notVerbatim([{ ...lead, quote: lead.quote.replace('2020', '2021') }])).toEqual([lead.code]);
  });

  it('every 資料2-1 entry quotes the package', () => {
    const entries = bundle.strengtheningPackage.entries.filter((p) => p.text);
    expect(notVerbatim(entries.map((p) => ({ code: p.id, quote: p.text! })))).toEqual([]);
  });
});

describe('commitments without a measure of their own (issue 19)', () => {
  it.each([
    ['5.2.3(1)i-6', '電子署名・認証技術の活用といった予防的な対策を確実に実施する'],
    ['6-26', '所管する組織や事業者との情報共有や必要な助言を適切に行う責務を有する'],
    ['7-1', '期間内各年度の年次計画を作成する'],
    ['7-2', '年次報告として取りまとめる'],
    ['7-3', '経費見積り方針を定める'],
    ['7-4', '3年という計画期間に縛られることなく、機動的な見直しを行う'],
  ])('%s is a measure quoting 「…%s…」', (code, words) => {
    expect(measures.find((m) => m.code === code)?.quote).toContain(words);
  });

  it.each([
    ['5.2.3(1)-L1', '攻撃に直面することを前提とした多層的な対策を講ずる'],
    ['5.2.3(4)-L1', '特殊法人等における対策の総合的な強化を図る'],
    ['5.1.1(2)-L1', '各主体の任務を明確化する'],
    ['6-L1', '司令塔機能を果たす'],
  ])('%s is a lead-in quoting 「…%s…」', (code, words) => {
    expect(bundle.strategyText.leadIns.find((l) => l.code === code)?.quote).toContain(words);
  });
});

describe('seeds/README.md', () => {
  it('states the measures and lead-ins by chapter as the data holds them', () => {
    const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
    const chapter = (code: string) => (code.startsWith('5.') ? code.slice(0, 3) : code.split(/[-.(]/)[0]!);
    for (const area of bundle.structure.areas) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${area.code} `));
      const cells = row?.split('|').map((c) => c.trim());
      expect(Number(cells?.[2]), area.code).toBe(measures.filter((m) => chapter(m.code) === area.code).length);
      expect(Number(cells?.[4]), area.code).toBe(
        bundle.strategyText.leadIns.filter((l) => chapter(l.nodeCode) === area.code).length,
      );
    }
  });
});

describe('section targets (issue 19)', () => {
  const iot = (b: SeedBundle) => b.strategy[0]!.measures.find((m) => m.code === '5.1.1(1)-1')!;

  it('5.1.1 「2020 年までに」 is the section’s target, set by its lead-in, not its measures’ deadline', () => {
    const target = bundle.strategyText.sectionTargets.find((t) => t.sectionCode === '5.1.1');
    expect(target).toMatchObject({ wording: '2020 年までに', date: '2020-12-31', leadInCode: '5.1.1-L1' });
    expect(measures.filter((m) => m.due?.wording === '2020 年までに')).toEqual([]);
    const compiled = compileSeeds(bundle).measures.find((m) => m.code === '5.1.1(1)-1');
    expect(compiled?.due).toEqual({
      wording: '2020 年までに',
      kind: 'calendar_year',
      date: '2020-12-31',
      source: 'section',
    });
  });

  it('fails when a section’s target is stored as a measure’s deadline', () => {
    const broken = structuredClone(bundle);
    iot(broken).due = { wording: '2020 年までに', kind: 'calendar_year', date: '2020-12-31', source: '2-3' };
    expect(integrityProblems(broken)).toEqual([
      'measure 5.1.1(1)-1: the section’s target 「2020 年までに」 is stored as the measure’s deadline',
      'measure 5.1.1(1)-1: deadline 「2020 年までに」 is not in its own text (2-3)',
    ]);
  });

  it('dates the step of 5.2.2(3)-6 (取組方針を策定, 本年中を目途), not the whole measure', () => {
    expect(measures.find((m) => m.code === '5.2.2(3)-6')?.due).toBeNull();
    expect(bundle.strategyText.steps).toContainEqual(
      expect.objectContaining({ measureCode: '5.2.2(3)-6', wording: '本年中を目途', date: '2015-12-31' }),
    );
  });
});

describe('public comments (資料2-4/2-5)', () => {
  const doc = loadPublicConsultation();
  const stated = doc.summary;

  it('hold every comment the packet says it received: 27者から83件', () => {
    // The totals are the packet's own words, not counted from the table, so a dropped row fails here.
    expect(stated.totalWording).toContain(`${stated.submitters}者から${stated.comments}件`);
    expect(doc.comments).toHaveLength(stated.comments);
    expect(new Set(doc.comments.map((c) => c.submitter)).size).toBe(stated.submitters);
  });

  it('match the stated breakdowns: individuals and organisations, and by topic', () => {
    const individuals = doc.comments.filter((c) => c.submitterKind === 'individual').length;
    expect({ individuals, organisations: doc.comments.length - individuals }).toEqual(stated.commentsBreakdown);
    expect(stated.byTopic.reduce((n, t) => n + t.count, 0)).toBe(stated.comments);
  });

  it('end with 27-5 on chapter 6, after the header row the last page repeats', () => {
    expect(doc.comments.at(-1)).toMatchObject({ id: '27-5', submitter: '個人(11)', sectionCodes: ['6'] });
    expect(new Set(doc.comments.map((c) => c.id)).size).toBe(doc.comments.length);
  });
});

describe('the source’s inline markup (ruby 漢字^{よみ}, footnote superscripts)', () => {
  /** Every string in a seed file, with where it sits. */
  function strings(value: unknown, path: string): [string, string][] {
    if (typeof value === 'string') return [[path, value]];
    if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
    if (value && typeof value === 'object')
      return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
    return [];
  }
  const all = [...strings(bundle, 'bundle'), ...strings(loadPublicConsultation(), 'comments')];

  it('appears only in verbatim quotes, which keep it; titles and every other field are plain', () => {
    const marked = all.filter(([, s]) => hasSourceMarkup(s)).map(([path]) => path);
    expect(marked.filter((path) => !/\.measures\[\d+\]\.quote$/.test(path))).toEqual([]);
    expect(measures.find((m) => m.code === '5.3.2(5)-1')?.quote).toContain('国際場裡^{こくさいじょうり}');
  });

  it('reads as plain text once displayed: no caret, brace or superscript digit left', () => {
    const left = all.filter(([, s]) => hasSourceMarkup(plainSourceText(s)) || /[{}]/.test(plainSourceText(s)));
    expect(left.map(([path]) => path)).toEqual([]);
  });
});

/** A copy of the real bundle with one thing broken: the check must say exactly what. */
describe('integrityProblems catches', () => {
  const first = (b: SeedBundle) => b.strategy[1]!.measures[0]!;
  const code = first(bundle).code;

  it.each<{ name: string; breakIt: (b: SeedBundle) => void; problem: string }>([
    {
      name: 'a duplicated measure code',
      breakIt: (b) => b.strategy[1]!.measures.push(structuredClone(first(b))),
      problem: `duplicate measure: ${code}`,
    },
    {
      name: 'a dangling ministry id',
      breakIt: (b) =>
        first(b).assignments.push({ orgId: 'no_such_ministry', role: 'contributing', provenance: 'proposed' }),
      problem: `measure ${code}: unknown ministry no_such_ministry`,
    },
    {
      name: 'a fiscal-year deadline without a date',
      breakIt: (b) => {
        // worded as in its own sentence, so only the missing date is wrong
        first(b).due = { wording: first(b).quote.slice(0, 4), kind: 'fiscal_year', date: null, source: '2-3' };
      },
      problem: `measure ${code}: deadline kind fiscal_year needs a date`,
    },
    {
      name: 'a body that cannot be assigned work',
      breakIt: (b) => first(b).assignments.push({ orgId: 'gsoc', role: 'contributing', provenance: 'implied' }),
      problem: `measure ${code}: gsoc cannot be assigned work`,
    },
    {
      name: 'a second lead',
      breakIt: (b) => first(b).assignments.push({ orgId: 'moj', role: 'lead', provenance: 'proposed' }),
      problem: `measure ${code}: 2 lead ministries (need exactly one)`,
    },
    {
      name: 'an unknown milestone',
      breakIt: (b) => {
        first(b).milestoneIds = ['expo-2025'];
      },
      problem: `measure ${code}: unknown milestone expo-2025`,
    },
    {
      name: 'a deadline the measure does not state itself',
      breakIt: (b) => {
        first(b).due = { wording: '2018年度中', kind: 'fiscal_year', date: '2019-03-31', source: '2-3' };
      },
      problem: `measure ${code}: deadline 「2018年度中」 is not in its own text (2-3)`,
    },
    {
      name: 'the Olympics without the Paralympics',
      breakIt: (b) => {
        first(b).milestoneIds = ['tokyo2020-olympics'];
      },
      problem: `measure ${code}: linked to the Olympics without the Paralympics`,
    },
    {
      name: 'a lead-in of an unknown section',
      breakIt: (b) => {
        b.strategyText.leadIns.push({ code: '5.9.9-L1', nodeCode: '5.9.9', quote: '以下の取組を実施する。' });
      },
      problem: 'lead-in 5.9.9-L1: unknown area, section or item 5.9.9',
    },
  ])('$name', ({ breakIt, problem }) => {
    const broken = structuredClone(bundle);
    breakIt(broken);
    expect(integrityProblems(broken)).toEqual([problem]);
  });
});
