import { baseFold, needleOf, toKatakana } from './normalise';
import type { SynonymList } from './synonyms';

/**
 * A query is a list of terms, every one required. A term is satisfied when all the needles of any
 * one of its alternatives are found, each in some field:
 * - the word as typed (インターネット接続口 → one needle);
 * - the word cut where its script changes (インターネット + 接続口, GSOC + 拡充), because officials
 *   drop the particle the text has (インターネット**の**接続口);
 * - each member of a synonym group the query contains (シーサート → CSIRT too).
 * Particles between words (の, を, における …) and English stop words split and are dropped.
 */
export type Term = {
  /** The words as the official typed them (after NFKC). */
  text: string;
  alternatives: { needles: string[]; kind: 'whole' | 'split' | 'synonym' }[];
};
export type ParsedQuery = { terms: Term[] };

const PARTICLES = [
  'における',
  'に関する',
  'について',
  'による',
  'のための',
  'および',
  'ならびに',
  'または',
  'として',
  'ための',
  'から',
  'まで',
  'より',
  'など',
  'の',
  'を',
  'に',
  'へ',
  'と',
  'で',
  'が',
  'は',
  'や',
  'も',
];
const PARTICLE_RE = new RegExp(`(?<=[^\\u3041-\\u309f])(?:${PARTICLES.join('|')})(?=[^\\u3041-\\u309f]|$)`, 'g');
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'for',
  'in',
  'on',
  'to',
  'by',
  'with',
  'at',
  'from',
  'as',
  'its',
]);

/** Splits a word where Latin/digits, katakana and kanji(+okurigana) meet. */
function scriptRuns(word: string): string[] {
  const cls = (ch: string) =>
    /[a-z0-9]/.test(ch)
      ? 'l'
      : /[\u30a0-\u30ff]/.test(ch)
        ? 'k'
        : /[\u3041-\u309f\u3400-\u9fff々〆]/.test(ch)
          ? 'h'
          : 'o';
  const out: string[] = [];
  let current = '';
  let prev = '';
  for (const ch of word) {
    const c = cls(ch);
    if (current && c !== prev && c !== 'o' && prev !== 'o') {
      out.push(current);
      current = '';
    }
    current += ch;
    prev = c;
  }
  if (current) out.push(current);
  return out;
}

/**
 * A compound of four or six kanji is most often two or three two-kanji words (情報収集 = 情報 + 収集),
 * which the text may join with a particle (情報を収集): cut it into pairs as a further alternative.
 */
function kanjiPairs(run: string): string[] {
  const chars = [...run];
  if (!/^[\u3400-\u9fff々]+$/.test(run) || (chars.length !== 4 && chars.length !== 6)) return [run];
  return chars.flatMap((_, i) => (i % 2 === 0 ? [chars.slice(i, i + 2).join('')] : []));
}

function termOf(word: string): Term | null {
  const whole = needleOf(word);
  if (!whole.trim()) return null;
  const alternatives: Term['alternatives'] = [{ needles: [whole], kind: 'whole' }];
  const runs = scriptRuns(word);
  const parts = runs.map(needleOf).filter((n) => n.trim());
  if (parts.length > 1) alternatives.push({ needles: parts, kind: 'split' });
  const pairs = runs.flatMap(kanjiPairs).map(needleOf);
  if (pairs.length > parts.length) alternatives.push({ needles: pairs, kind: 'split' });
  return { text: word, alternatives };
}

/** Words of a stretch of query without synonyms: whitespace, hyphens and particles split; stop words go. */
function plainWords(text: string): string[] {
  return text
    .split(/\s+/)
    .flatMap((token) => (CODE.test(token) ? [token] : token.replace(PARTICLE_RE, ' ').split(/[\s\-/,、。・]+/)))
    .filter((w) => w && !STOP_WORDS.has(w));
}

/** A measure's code as the strategy numbers it (5.2.3(1)ii-7, 6-18): one word, never split at its hyphen. */
const CODE = /^[0-9]+(\.[0-9]+)*(\([0-9]+\))?[ivx]*(-[0-9]+)?$/;

/** A synonym member's needles: all its plain words, each found somewhere. */
function memberNeedles(member: string): string[] {
  return plainWords(baseFold(member))
    .map(needleOf)
    .filter((n) => n.trim());
}

const isLatin = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/.test(ch);

type Found = { start: number; end: number; group: number };

/** Synonym members in the query, longest first, not overlapping; Latin members only as whole words. */
function findSynonyms(folded: string, synonyms: SynonymList): Found[] {
  const kana = toKatakana(folded).replace(/-/g, ' ');
  const members = synonyms.groups
    .flatMap((g, group) => g.words.map((w) => ({ key: toKatakana(baseFold(w)).replace(/-/g, ' '), group })))
    .sort((a, b) => b.key.length - a.key.length);
  const found: Found[] = [];
  for (const { key, group } of members) {
    for (let at = kana.indexOf(key); at >= 0; at = kana.indexOf(key, at + 1)) {
      const end = at + key.length;
      if (isLatin(key[0]) && isLatin(kana[at - 1])) continue;
      if (isLatin(key[key.length - 1]) && isLatin(kana[end])) continue;
      if (found.some((f) => at < f.end && end > f.start)) continue;
      found.push({ start: at, end, group });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function parseQuery(query: string, synonyms: SynonymList): ParsedQuery {
  const folded = baseFold(query).trim().slice(0, 200);
  const terms: Term[] = [];
  let last = 0;
  const addPlain = (text: string) => {
    for (const word of plainWords(text)) {
      const term = termOf(word);
      if (term) terms.push(term);
    }
  };
  for (const f of findSynonyms(folded, synonyms)) {
    addPlain(folded.slice(last, f.start));
    const words = synonyms.groups[f.group]?.words ?? [];
    const seen = new Set<string>();
    const alternatives = words
      .map((w) => ({ needles: memberNeedles(w), kind: 'synonym' as const }))
      .filter((a) => a.needles.length > 0 && !seen.has(a.needles.join('\u0000')) && seen.add(a.needles.join('\u0000')));
    terms.push({ text: folded.slice(f.start, f.end), alternatives });
    last = f.end;
  }
  addPlain(folded.slice(last));
  return { terms };
}

/** Every distinct needle of a query: what the store is asked for. */
export function queryNeedles(parsed: ParsedQuery): string[] {
  return [...new Set(parsed.terms.flatMap((t) => t.alternatives.flatMap((a) => a.needles)))];
}
