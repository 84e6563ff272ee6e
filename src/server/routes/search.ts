import type { IsoDate, PlanIndex } from '@/domain/plan';
import type { MeasureFilters, SearchInfo, SearchRanking } from '@/domain/contract';
import { listMeasures } from '@/domain/contract';
import { parseQuery, queryNeedles, rankHits, suggestionCandidates, type SynonymList } from '@/domain/search';
import type { Store } from '../store/port';

/** How many alternative queries a search that found nothing tries before giving up. */
const MAX_SUGGESTION_TRIES = 4;

/**
 * A keyword search (decision record 016): the domain parses the query and ranks; the store finds
 * which measures' fields hold which needles.
 */
export async function rankQuery(
  store: Store,
  index: PlanIndex,
  q: string,
  synonyms: SynonymList,
): Promise<SearchRanking & { terms: string[]; unmatchedTerms: string[] }> {
  const parsed = parseQuery(q, synonyms);
  const hits = await store.searchMeasureText(queryNeedles(parsed));
  const order = index.snapshot.measures.map((m) => m.id);
  const outcome = rankHits(parsed, hits, order);
  return { ...outcome, terms: parsed.terms.map((t) => t.text) };
}

/** What the list says about its keyword, with a query to try when this one (with these filters) finds nothing. */
export async function searchInfo(
  store: Store,
  index: PlanIndex,
  filters: MeasureFilters & { q: string },
  total: number,
  asOf: IsoDate,
  synonyms: SynonymList,
  ranking: SearchRanking & { terms: string[]; unmatchedTerms: string[] },
): Promise<SearchInfo> {
  const info = { terms: ranking.terms, unmatchedTerms: ranking.unmatchedTerms, suggestion: null };
  if (total > 0) return info;
  const count = async (q: string, f: MeasureFilters) =>
    listMeasures(index, f, { limit: 0, offset: 0 }, asOf, {}, await rankQuery(store, index, q, synonyms)).total;
  // The words found measures, but the other filters excluded them.
  if (ranking.matches.length > 0) {
    return { ...info, suggestion: { q: filters.q, total: ranking.matches.length, withoutFilters: true } };
  }
  const parsed = parseQuery(filters.q, synonyms);
  for (const candidate of suggestionCandidates(parsed, ranking.unmatchedTerms).slice(0, MAX_SUGGESTION_TRIES)) {
    const found = await count(candidate, filters);
    if (found > 0) return { ...info, suggestion: { q: candidate, total: found, withoutFilters: false } };
  }
  return info;
}
