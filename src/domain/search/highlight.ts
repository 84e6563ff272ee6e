import { baseFold, foldJapanese, runs, SHORT_WORD, stemWord } from './normalise';

export type Segment = { text: string; hit: boolean };

/** Folds `text` one character at a time, remembering where each folded character came from. */
function foldWithOrigins(text: string): { folded: string; from: number[] } {
  let folded = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    let f = baseFold(ch);
    // A half-width voicing mark (ｶﾞ) folds to a combining mark: join it to the character before.
    if (/^[\u3099\u309a]$/.test(f) && folded) {
      const joined = (folded.slice(-1) + f).normalize('NFC');
      folded = folded.slice(0, -1);
      from.pop();
      f = joined;
      from.push(i - 1);
    } else {
      for (let k = 0; k < f.length; k++) from.push(i);
    }
    folded += f;
    i += ch.length;
  }
  return { folded, from };
}

/** The Latin words and the Japanese stretches of the needles, in their folded forms. */
function needleParts(needles: readonly string[]): { words: string[]; japanese: string[] } {
  const words: string[] = [];
  const japanese: string[] = [];
  for (const n of needles)
    for (const part of n.split(' ')) {
      if (!part) continue;
      if (/^[a-z0-9]/.test(part)) words.push(part);
      else japanese.push(part);
    }
  return { words, japanese };
}

/**
 * Cuts `text` into segments, marking where a needle of the query was found: Latin words whose stem
 * starts with a needle's word, and Japanese stretches that fold to a needle.
 */
export function highlight(text: string, needles: readonly string[]): Segment[] {
  const { folded, from } = foldWithOrigins(text);
  const mark = new Array<boolean>(text.length + 1).fill(false);
  const markFolded = (start: number, end: number) => {
    const a = from[start] ?? text.length;
    const b = end < from.length ? (from[end] ?? text.length) : text.length;
    for (let k = a; k < Math.max(b, a + 1); k++) mark[k] = true;
  };
  const { words, japanese } = needleParts(needles);
  for (const run of runs(folded)) {
    if (run.kind === 'latin') {
      const s = stemWord(run.text);
      const hit = (w: string) =>
        w.length <= SHORT_WORD ? s === w || run.text === w : s.startsWith(w) || run.text.startsWith(w);
      if (words.some(hit)) markFolded(run.start, run.start + run.text.length);
      continue;
    }
    // The Japanese fold drops characters (ー, ・): keep where each kept one was.
    let jp = '';
    const at: number[] = [];
    let offset = run.start;
    for (const ch of run.text) {
      const f = foldJapanese(ch);
      for (let c = 0; c < f.length; c++) at.push(offset);
      jp += f;
      offset += ch.length;
    }
    for (const needle of japanese)
      for (let p = jp.indexOf(needle); p >= 0; p = jp.indexOf(needle, p + 1))
        markFolded(at[p] ?? 0, (at[p + needle.length - 1] ?? 0) + 1);
  }
  const segments: Segment[] = [];
  let k = 0;
  while (k < text.length) {
    const hit = mark[k] ?? false;
    let end = k;
    while (end < text.length && (mark[end] ?? false) === hit) end++;
    segments.push({ text: text.slice(k, end), hit });
    k = end;
  }
  return segments;
}
