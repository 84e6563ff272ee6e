import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '@/domain/plan';
import { loadSeedBundle } from './index';

/** docs/glossary.md: one English term per term of the strategy (issue 19). */
const table = readFileSync(new URL('../docs/glossary.md', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| 日本語') && !line.startsWith('| ---'))
  .map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
const forms = (cell: string) =>
  cell === '—'
    ? []
    : cell
        .split(',')
        .map((f) => normalise(f.trim()))
        .filter(Boolean);
/** Case and dash style are not a second translation. */
const normalise = (s: string) => s.toLowerCase().replace(/[–—]/g, '-');

const bundle = loadSeedBundle();
/** The strategy's own English: headings, measure titles, package entries, milestones, section goals. */
const texts: { where: string; text: LocalizedText }[] = [
  ...bundle.structure.areas.map((a) => ({ where: `area ${a.code}`, text: a.title })),
  ...bundle.structure.sections.map((s) => ({ where: `section ${s.code}`, text: s.title })),
  ...bundle.strategy.flatMap((f) => f.items).map((i) => ({ where: `item ${i.code}`, text: i.title })),
  ...bundle.strategy.flatMap((f) => f.measures).map((m) => ({ where: `measure ${m.code}`, text: m.title })),
  ...bundle.strengtheningPackage.entries.map((p) => ({ where: `package ${p.id}`, text: p.title })),
  ...bundle.milestones.milestones.map((m) => ({ where: `milestone ${m.id}`, text: m.title })),
  ...bundle.strategyText.steps.map((s) => ({ where: `step of ${s.measureCode}`, text: s.title })),
];

describe('the glossary (docs/glossary.md)', () => {
  it('has the terms an official would check first', () => {
    expect(table.map((row) => row[0])).toEqual(
      expect.arrayContaining(['年度', '重要インフラ', '独立行政法人', '再掲']),
    );
  });

  it.each(table)('%s is translated one way: %s', (ja, en, avoid) => {
    const accepted = forms(en);
    const avoided = forms(avoid);
    expect(accepted.length).toBeGreaterThan(0);
    const otherwise = texts.filter(
      (x) => x.text.ja.includes(ja) && !accepted.some((f) => normalise(x.text.en).includes(f)),
    );
    const avoidedUsed = texts.filter((x) => avoided.some((f) => normalise(x.text.en).includes(f)));
    expect(otherwise.map((x) => `${x.where}: ${x.text.en}`)).toEqual([]);
    expect(avoidedUsed.map((x) => `${x.where}: ${x.text.en}`)).toEqual([]);
  });

  it('measure titles are imperatives, not gerunds or noun phrases', () => {
    const notImperative = bundle.strategy
      .flatMap((f) => f.measures)
      .filter((m) => /^\S+ing\b/.test(m.title.en) && !/^Bring\b/.test(m.title.en))
      .map((m) => `${m.code}: ${m.title.en}`);
    expect(notImperative).toEqual([]);
  });
});
