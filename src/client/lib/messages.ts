import type { LocalizedText } from '@/domain/plan';
import { ANNUAL_MESSAGES } from './messages-annual';
import { AUTH_MESSAGES } from './messages-auth';
import { DASHBOARD_MESSAGES } from './messages-dashboard';
import { FIRST_HOUR_MESSAGES } from './messages-first-hour';
import { STRATEGY_TEXT_MESSAGES } from './messages-strategy-text';
import { UPDATE_MESSAGES } from './messages-updates';
import { SEARCH_MESSAGES } from './messages-search';
import { ROUND_MESSAGES } from './messages-rounds';
import { RESULT_REVIEW_MESSAGES } from './messages-result-review';

/** UI strings. Domain vocabularies (status, health, …) keep their labels in src/domain. */
export const MESSAGES = {
  ...DASHBOARD_MESSAGES,
  ...AUTH_MESSAGES,
  ...UPDATE_MESSAGES,
  ...ROUND_MESSAGES,
  ...ANNUAL_MESSAGES,
  ...STRATEGY_TEXT_MESSAGES,
  ...SEARCH_MESSAGES,
  ...FIRST_HOUR_MESSAGES,
  ...RESULT_REVIEW_MESSAGES,
  appTitle: { ja: 'サイバーセキュリティ戦略 実施状況トラッカー', en: 'Cybersecurity Strategy Implementation Tracker' },
  appShort: { ja: '戦略トラッカー', en: 'Strategy tracker' },
  skipToContent: { ja: '本文へ移動', en: 'Skip to content' },
  navMeasures: { ja: '施策一覧', en: 'Measures' },
  navOverview: { ja: '概要', en: 'Overview' },
  language: { ja: '表示言語', en: 'Language' },
  sampleBanner: {
    ja: 'サンプルデータ表示中：進捗はデモ用の架空の値で、実際の実施状況ではありません',
    en: 'Sample data: progress shown is fictitious demo data, not the real state of implementation',
  },
  measuresTitle: { ja: '施策一覧', en: 'Measures' },
  asOf: { ja: '基準日', en: 'As of' },
  filters: { ja: '絞り込み', en: 'Filters' },
  search: { ja: 'キーワード', en: 'Keyword' },
  searchHint: {
    ja: 'コード・施策名・本文・英語名・府省庁・タグで検索。語順や助詞は問いません',
    en: 'Searches code, title, source text, English title, ministries and tags, in any word order',
  },
  area: { ja: '政策領域', en: 'Policy area' },
  section: { ja: '項目', en: 'Section' },
  ministry: { ja: '府省庁', en: 'Ministry' },
  status: { ja: '状況', en: 'Status' },
  health: { ja: '健全性', en: 'Health' },
  dueFy: { ja: '期限年度', en: 'Due fiscal year' },
  tag: { ja: 'タグ', en: 'Tag' },
  all: { ja: 'すべて', en: 'All' },
  clearFilters: { ja: '条件をクリア', en: 'Clear filters' },
  resultCount: { ja: '件', en: 'measures' },
  code: { ja: 'コード', en: 'Code' },
  title: { ja: '施策', en: 'Measure' },
  lead: { ja: '主担当', en: 'Lead' },
  due: { ja: '期限', en: 'Due' },
  progress: { ja: '進捗', en: 'Progress' },
  noMatches: { ja: '条件に合う施策はありません。', en: 'No measures match these filters.' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  retry: { ja: '再試行', en: 'Retry' },
  loadFailed: { ja: '読み込めませんでした', en: 'Could not load' },
  previous: { ja: '前へ', en: 'Previous' },
  next: { ja: '次へ', en: 'Next' },
  pageOf: { ja: 'ページ', en: 'Page' },
  proposed: { ja: '担当案', en: 'proposed' },
  crossListed: { ja: '再掲', en: 'Cross-listed' },
  crossListedBy: { ja: '再掲先', en: 'Repeated as' },
  source: { ja: '出典（本文）', en: 'Source text' },
  sourceNote: {
    ja: 'サイバーセキュリティ戦略（案）資料2-3 より引用',
    en: 'Quoted from the draft Cybersecurity Strategy, document 2-3 (Japanese original)',
  },
  assignments: { ja: '担当府省庁', en: 'Responsible ministries' },
  role: { ja: '役割', en: 'Role' },
  provenance: { ja: '根拠', en: 'Basis' },
  lastUpdate: { ja: '最終更新', en: 'Last update' },
  narrative: { ja: '成果・進捗状況', en: 'Results and progress' },
  history: { ja: '更新履歴', en: 'History' },
  publicCommentsTitle: { ja: 'この節へのパブリックコメント', en: 'Public comments on this section' },
  publicCommentsLead: {
    ja: '戦略案への意見募集（{period}）に寄せられた意見のうち、この節に関するものと政府の考え方です（資料2-5）。',
    en: 'Comments on this section from the public consultation on the draft ({period}), with the government’s answers (document 2-5, in Japanese).',
  },
  publicCommentsNone: { ja: 'この節への意見はありません。', en: 'No comments were made on this section.' },
  publicCommentAnswer: { ja: '意見に対する考え方', en: 'Answer' },
  publicCommentRevised: { ja: '修正あり', en: 'Text revised' },
  publicCommentTarget: { ja: '該当箇所', en: 'On' },
  noHistory: { ja: 'この基準日までの更新はありません。', en: 'No updates up to this date.' },
  package: { ja: '資料2-1（抜本的強化）との対応', en: 'Strengthening package (document 2-1)' },
  milestones: { ja: '関連マイルストーン', en: 'Milestones' },
  deadlineWording: { ja: '本文の表現', en: 'Wording in the text' },
  deadlineDate: { ja: '判定に用いる期日', en: 'Date used for health' },
  deadlineKind: { ja: '期限の種類', en: 'Kind of deadline' },
  noDeadline: {
    ja: '本文に期限の記載なし（計画期間末まで）',
    en: 'No deadline in the text (runs to the end of the plan period)',
  },
  backToList: { ja: '施策一覧へ戻る', en: 'Back to measures' },
  notFound: { ja: 'ページが見つかりません', en: 'Page not found' },
  notFoundMeasure: { ja: 'この施策は見つかりません。', en: 'This measure does not exist.' },
  ragOverride: { ja: '職員による評価', en: 'Staff rating' },
  computedHealth: { ja: '自動判定', en: 'Computed' },
  tags: { ja: 'タグ', en: 'Tags' },
  actor: { ja: '更新者', en: 'By' },
  effectiveOn: { ja: '時点', en: 'Effective' },
  today: { ja: '今日', en: 'Today' },
} satisfies Record<string, LocalizedText>;

export type MessageKey = keyof typeof MESSAGES;
