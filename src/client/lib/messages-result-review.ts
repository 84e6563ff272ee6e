import type { LocalizedText } from '@/domain/plan';

/** UI strings of results under review (issue 18, item 6; decision record 020). */
export const RESULT_REVIEW_MESSAGES = {
  submitForReview: { ja: '審査に提出', en: 'Submit for review' },
  liaisonResultHint: {
    ja: '入力した成果はNISCの審査を経て記録になります。',
    en: 'What you enter becomes the record once NISC has reviewed it.',
  },
  staffResultHint: {
    ja: 'NISCによる直接の編集です（監査記録に残ります）。',
    en: 'NISC edits directly (recorded in the audit log).',
  },
  recordedResults: { ja: '記録中の成果', en: 'Recorded results' },
  submittedResults: { ja: '提出された成果', en: 'Submitted results' },
  noTextYet: { ja: '（未記入）', en: '(none yet)' },
  resultPending: {
    ja: '{at} に提出した内容がNISCの審査待ちです。承認されると記録になります。',
    en: 'Submitted {at}; waiting for NISC review. It becomes the record once approved.',
  },
  resultReturned: {
    ja: 'NISCが差し戻しました（{by}、{at}）。修正して再提出してください。',
    en: 'Returned by NISC ({by}, {at}). Revise it and submit again.',
  },
  resultPendingForStaff: {
    ja: 'この府省庁の提出が審査待ちです。',
    en: 'A submission from this ministry is waiting for review.',
  },
  reviewIt: { ja: '審査する', en: 'Review it' },
  resultsReviewTitle: { ja: '年度実績（成果）の提出', en: 'Submitted results for the year' },
  resultsQueueEmpty: { ja: '審査待ちの年度実績はありません。', en: 'No results are waiting for review.' },
  noResultSubmissions: { ja: '年度実績の提出はありません。', en: 'No submitted results.' },
  resultCompareCaption: { ja: '記録中の成果と提出された成果', en: 'Recorded results against the submitted ones' },
  submitterNote: { ja: '提出者のメモ', en: 'Note from the submitter' },
  approveResultChanged: {
    ja: '提出後に成果の記録が更新されたため承認できません。現在の記録を確認し、必要なら差し戻して再提出を依頼してください。',
    en: 'The recorded results changed after this was submitted, so it cannot be approved. Check the current record and, if needed, return it for resubmission.',
  },
} satisfies Record<string, LocalizedText>;
