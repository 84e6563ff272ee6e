import type { ParsedQuery } from './query';

/**
 * Queries to offer when a query finds nothing, best first; the caller keeps the first that finds
 * something. 1) Without the words nothing matched (「接続口 集約 ほげ」 → 「接続口 集約」).
 * 2) Each unmatched word shortened from its end (「情報共有体制化」 → 「情報共有体制」), Japanese only,
 * down to two characters.
 */
export function suggestionCandidates(parsed: ParsedQuery, unmatchedTerms: readonly string[]): string[] {
  const unmatched = new Set(unmatchedTerms);
  const kept = parsed.terms.filter((t) => !unmatched.has(t.text)).map((t) => t.text);
  const out: string[] = [];
  if (kept.length > 0 && unmatched.size > 0) out.push(kept.join(' '));
  for (const word of unmatchedTerms) {
    if (/[a-z]/.test(word)) continue;
    const chars = [...word];
    for (let n = chars.length - 1; n >= 2 && out.length < 6; n--)
      out.push([...kept, chars.slice(0, n).join('')].join(' '));
  }
  return [...new Set(out)];
}
