import { stem } from './stemmer';

/**
 * The text both sides of a search are compared in (decision record 016). Documents and needles go
 * through the same `indexText`, so a needle is found exactly when it is a substring of a field's
 * indexed text — which is all a store has to answer (SQLite FTS5 trigram, pg_trgm, or `includes`).
 *
 * - NFKC: full-width Latin and digits, half-width katakana (ｼｰｻｰﾄ) and circled signs become plain.
 * - Latin is lower-cased and cut into words; each word is Porter-stemmed and written with a space
 *   before and after it, so the needle " consolid" finds a word that *starts* with the stem.
 *   Codes (5.2.3(1)ii-3) are one word and not stemmed.
 * - Japanese: hiragana become katakana, and the long vowel mark, middle dots and spaces go, so
 *   しーさーと, ｼｰｻｰﾄ and シーサート all read シサト, and 東京オリンピック・パラリンピック matches without its dot.
 */

const LATIN_WORD = /[0-9][0-9a-z.()-]*[0-9a-z)]|[0-9]|[a-z][a-z0-9]*/g;
const DASHES = /[‐‑‒–—―−－]/g;
const DROPPED_IN_JAPANESE = /[ー〜~・･\s]/g;

/** NFKC, lower case and one kind of dash: the first step for both documents and queries. */
export function baseFold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(DASHES, '-');
}

/** Hiragana → katakana, one for one (positions are kept). */
export function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/** A Japanese run as compared: katakana, without long vowel marks, dots or spaces; ヶ as ケ. */
export function foldJapanese(text: string): string {
  return toKatakana(text).replace(DROPPED_IN_JAPANESE, '').replace(/ヶ/g, 'ケ').replace(/ヵ/g, 'カ');
}

/** A code keeps its punctuation; anything else that starts with a letter is a word to stem. */
export const stemWord = (word: string): string => (/^[0-9]/.test(word) ? word : stem(word));

/** A piece of text split into Latin words and the runs between them, after `baseFold`. */
export type Run = { kind: 'latin' | 'other'; text: string; start: number };

export function runs(folded: string): Run[] {
  const out: Run[] = [];
  let last = 0;
  for (const match of folded.matchAll(LATIN_WORD)) {
    if (match.index > last) out.push({ kind: 'other', text: folded.slice(last, match.index), start: last });
    out.push({ kind: 'latin', text: match[0], start: match.index });
    last = match.index + match[0].length;
  }
  if (last < folded.length) out.push({ kind: 'other', text: folded.slice(last), start: last });
  return out;
}

/** The form a field is indexed in and a needle is written in (see above). */
export function indexText(text: string): string {
  let out = '';
  for (const run of runs(baseFold(text))) {
    if (run.kind === 'latin') out += ` ${stemWord(run.text)} `;
    else out += foldJapanese(run.text.replace(/[-_/\\|.,;:!?'"()[\]{}<>「」『』（）【】、。]/g, ' '));
  }
  return out.replace(/ {2,}/g, ' ');
}

/** Latin words this short (AI, IT, G7) are matched whole: as prefixes they would find "aimed", "items". */
export const SHORT_WORD = 3;

/**
 * A needle: the indexed form of a query piece, with the trailing space dropped so that its last
 * word matches as a prefix (consolid → consolidation) — unless that word is short, then whole.
 */
export function needleOf(piece: string): string {
  const text = indexText(piece);
  const last = /([a-z0-9][^ ]*) +$/.exec(text)?.[1];
  return last !== undefined && last.length <= SHORT_WORD ? text.replace(/ +$/, ' ') : text.replace(/ +$/, '');
}
