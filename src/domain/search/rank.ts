import type { SearchField, SearchHit } from './document';
import type { ParsedQuery, Term } from './query';

/**
 * Ranking (decision record 016). A measure matches when every term is satisfied (query.ts). Its
 * score is the sum over terms of the term's best alternative, where an alternative is worth the
 * weight of the weakest of its needles' best fields:
 *   code 12 · title 10 · English title 8 · tags 6 · ministries 5 · quote 3,
 * a split alternative (the word cut where its script changes) ×0.8. Measures whose title alone
 * holds every term get +5. Ties keep the plan's order (the caller's stable sort).
 */
export const FIELD_WEIGHTS: Record<SearchField, number> = {
  code: 12,
  title: 10,
  titleEn: 8,
  tags: 6,
  ministries: 5,
  quote: 3,
};
const SPLIT_FACTOR = 0.8;
const TITLE_BONUS = 5;

export type RankedMatch = { measureId: string; score: number; needles: string[] };
export type SearchOutcome = {
  matches: RankedMatch[];
  /** Terms that no measure satisfies: what a "no results" message names. */
  unmatchedTerms: string[];
};

type Fields = Map<string, Set<SearchField>>; // needle → fields, for one measure

function bestWeight(fields: Set<SearchField> | undefined): number {
  let best = 0;
  for (const f of fields ?? []) best = Math.max(best, FIELD_WEIGHTS[f]);
  return best;
}

/** The term's score for one measure (0: not satisfied), with the needles that satisfied it. */
function scoreTerm(term: Term, fields: Fields): { score: number; needles: string[]; inTitle: boolean } {
  let best = { score: 0, needles: [] as string[], inTitle: false };
  for (const alt of term.alternatives) {
    const weights = alt.needles.map((n) => bestWeight(fields.get(n)));
    const weakest = Math.min(...weights);
    if (weakest <= 0) continue;
    const score = weakest * (alt.kind === 'split' ? SPLIT_FACTOR : 1);
    const inTitle = alt.needles.every((n) => fields.get(n)?.has('title') || fields.get(n)?.has('titleEn'));
    if (score > best.score || (score === best.score && inTitle && !best.inTitle))
      best = { score, needles: alt.needles, inTitle };
  }
  return best;
}

/** Ranks the measures the hits name; `order` (measure ids in plan order) breaks ties. */
export function rankHits(parsed: ParsedQuery, hits: readonly SearchHit[], order: readonly string[]): SearchOutcome {
  const byMeasure = new Map<string, Fields>();
  for (const h of hits) {
    const fields = byMeasure.get(h.measureId) ?? new Map<string, Set<SearchField>>();
    byMeasure.set(h.measureId, fields);
    const set = fields.get(h.needle) ?? new Set<SearchField>();
    set.add(h.field);
    fields.set(h.needle, set);
  }
  const satisfied = new Set<Term>();
  const matches: RankedMatch[] = [];
  for (const measureId of order) {
    const fields = byMeasure.get(measureId);
    if (!fields || parsed.terms.length === 0) continue;
    const scored = parsed.terms.map((t) => ({ term: t, ...scoreTerm(t, fields) }));
    scored.filter((s) => s.score > 0).forEach((s) => satisfied.add(s.term));
    if (scored.some((s) => s.score === 0)) continue;
    const bonus = scored.every((s) => s.inTitle) ? TITLE_BONUS : 0;
    matches.push({
      measureId,
      score: scored.reduce((sum, s) => sum + s.score, bonus),
      needles: [...new Set(scored.flatMap((s) => s.needles))],
    });
  }
  // Array.prototype.sort is stable: equal scores keep the plan's order.
  matches.sort((a, b) => b.score - a.score);
  return { matches, unmatchedTerms: parsed.terms.filter((t) => !satisfied.has(t)).map((t) => t.text) };
}
