/**
 * The source packet's inline markup, which the seeds keep verbatim in quotes and titles:
 * ruby readings written `漢字^{よみ}` and footnote references written as superscript digits
 * (`ガイドライン⁹`). Data stays faithful; every display goes through these functions, so no
 * reader ever sees a caret, braces or a digit glued to a word.
 */

import type { LocalizedText } from './i18n';

export type SourceTextPart =
  | { kind: 'text'; text: string }
  | { kind: 'ruby'; base: string; reading: string }
  | { kind: 'footnote'; number: number };

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A ruby reading `^{…}` or a run of superscript digits. */
const MARKUP = /\^\{([^{}]*)\}|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)/gu;
/** The kanji a reading belongs to: ideographs and the iteration mark 々. */
const KANJI_RUN_END = /[\p{Script=Han}々]+$/u;
const KANJI_RUN_START = /^[\p{Script=Han}々]+/u;

function superscriptNumber(digits: string): number {
  return Number([...digits].map((d) => SUPERSCRIPT_DIGITS.indexOf(d)).join(''));
}

/**
 * Split text into plain runs, ruby and footnote markers. A reading belongs to the run of kanji
 * just before it; where the source puts it before its kanji instead (国全体の^{きょうじん}強靱性),
 * to the run just after.
 */
export function parseSourceText(text: string): SourceTextPart[] {
  const parts: SourceTextPart[] = [];
  let rest = '';
  let last = 0;
  const flush = (s: string) => {
    if (s) parts.push({ kind: 'text', text: s });
  };
  let pendingReading: string | null = null;
  const pushText = (s: string) => {
    if (pendingReading !== null) {
      const base = KANJI_RUN_START.exec(s)?.[0] ?? '';
      if (base) parts.push({ kind: 'ruby', base, reading: pendingReading });
      else flush(pendingReading);
      pendingReading = null;
      s = s.slice(base.length);
    }
    rest += s;
  };
  for (const m of text.matchAll(MARKUP)) {
    pushText(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== undefined) {
      flush(rest);
      rest = '';
      parts.push({ kind: 'footnote', number: superscriptNumber(m[2]) });
      continue;
    }
    const reading = m[1] ?? '';
    const base = KANJI_RUN_END.exec(rest)?.[0] ?? '';
    if (!base) {
      flush(rest);
      rest = '';
      pendingReading = reading;
      continue;
    }
    flush(rest.slice(0, rest.length - base.length));
    rest = '';
    parts.push({ kind: 'ruby', base, reading });
  }
  pushText(text.slice(last));
  if (pendingReading !== null) flush(pendingReading);
  flush(rest);
  return parts;
}

export type PlainTextStyle = 'base' | 'reading-in-parentheses';

/**
 * The text as plain characters, for Markdown, CSV, XLSX, Word and search: readings dropped
 * (`国際場裡`) or given in parentheses (`国際場裡（こくさいじょうり）`), footnote markers dropped
 * (the exports carry no footnotes to point at).
 */
export function plainSourceText(text: string, style: PlainTextStyle = 'base'): string {
  if (!text.includes('^{') && !/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(text)) return text;
  return parseSourceText(text)
    .map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.kind === 'footnote') return '';
      return style === 'base' ? p.base : `${p.base}（${p.reading}）`;
    })
    .join('');
}

/** True if the text still carries source markup: what no rendered output may contain. */
export function hasSourceMarkup(text: string): boolean {
  return /\^\{|[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(text);
}

/** `plainSourceText` on both languages of a title. */
export function plainLocalized(text: LocalizedText, style: PlainTextStyle = 'base'): LocalizedText {
  return { ja: plainSourceText(text.ja, style), en: plainSourceText(text.en, style) };
}
