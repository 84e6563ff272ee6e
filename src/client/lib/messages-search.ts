import type { LocalizedText } from '@/domain/plan';

/** UI strings of keyword search (issue 18, decision record 016). */
export const SEARCH_MESSAGES = {
  searchButton: { ja: '検索', en: 'Search' },
  searchResultsFor: { ja: '「{q}」の検索結果（関連の高い順）', en: 'Results for “{q}”, most relevant first' },
  /** A search sorted by a column: the words say the order, and the way back to relevance. */
  searchResultsSorted: { ja: '「{q}」の検索結果（列の順）', en: 'Results for “{q}”, in the column’s order' },
  searchByRelevance: { ja: '関連順に戻す', en: 'Back to most relevant first' },
  searchNothingFor: { ja: '「{q}」に一致する施策はありません。', en: 'No measures match “{q}”.' },
  searchUnmatched: { ja: '見つからなかった語: {terms}', en: 'Words found nowhere: {terms}' },
  searchTry: { ja: '「{q}」なら {n}件 見つかります。', en: '“{q}” finds {n}.' },
  searchTryWithoutFilters: {
    ja: '他の絞り込み条件を外すと {n}件 見つかります。',
    en: 'Without the other filters it finds {n}.',
  },
  searchClearFilters: { ja: '条件を外して検索', en: 'Search without the filters' },
  searchTips: {
    ja: 'ヒント: 語を減らす、短い語にする、略称（独法・オリパラ）や英語（consolidation）でも探せます。',
    en: 'Tip: use fewer or shorter words; abbreviations (独法, オリパラ) and English (consolidation) work too.',
  },
} satisfies Record<string, LocalizedText>;
