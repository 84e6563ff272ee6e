import { describe, expect, it } from 'vitest';
import { hasSourceMarkup, parseSourceText, plainSourceText } from './source-text';

describe('parseSourceText', () => {
  it.each([
    {
      text: '各国の国際場裡^{こくさいじょうり}で活躍',
      parts: [
        { kind: 'text', text: '各国の' },
        { kind: 'ruby', base: '国際場裡', reading: 'こくさいじょうり' },
        { kind: 'text', text: 'で活躍' },
      ],
    },
    {
      // The source puts this reading before its kanji: it goes over the run of kanji after it.
      text: '国全体の^{きょうじん}強靱性と',
      parts: [
        { kind: 'text', text: '国全体の' },
        { kind: 'ruby', base: '強靱性', reading: 'きょうじん' },
        { kind: 'text', text: 'と' },
      ],
    },
    {
      text: 'ガイドライン⁹」の解説、推進する¹²。',
      parts: [
        { kind: 'text', text: 'ガイドライン' },
        { kind: 'footnote', number: 9 },
        { kind: 'text', text: '」の解説、推進する' },
        { kind: 'footnote', number: 12 },
        { kind: 'text', text: '。' },
      ],
    },
    { text: 'M2M 2020年', parts: [{ kind: 'text', text: 'M2M 2020年' }] },
    { text: '', parts: [] },
  ])('$text', ({ text, parts }) => {
    expect(parseSourceText(text)).toEqual(parts);
  });
});

describe('plainSourceText', () => {
  it.each([
    ['国際場裡^{こくさいじょうり}で', 'base', '国際場裡で'],
    ['国際場裡^{こくさいじょうり}で', 'reading-in-parentheses', '国際場裡（こくさいじょうり）で'],
    ['推進する¹²。', 'base', '推進する。'],
    ['plain', 'base', 'plain'],
  ] as const)('%s (%s) → %s', (text, style, plain) => {
    expect(plainSourceText(text, style)).toBe(plain);
    expect(hasSourceMarkup(plainSourceText(text, style))).toBe(false);
  });
});
