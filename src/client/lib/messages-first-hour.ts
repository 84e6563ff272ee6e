import type { LocalizedText } from '@/domain/plan';

/** UI strings of issue 18: dates from the data, the as-of dialog, sorting, save confirmations. */
export const FIRST_HOUR_MESSAGES = {
  // Dates from the data (docs/decisions/017-dates-from-the-data.md)
  dataDateNotice: {
    ja: '表示日はデータの最終更新日（{date}）です。本日（{today}）は計画期間（{period}）を過ぎているため、最新のデータがある日を表示しています。',
    en: 'Showing the date of the data’s last update ({date}). Today ({today}) is past the plan period ({period}), so pages open on the latest date the data has.',
  },
  planEndNotice: {
    ja: '表示日は計画期間の末日（{date}）です。本日（{today}）は計画期間を過ぎており、進捗の記録がまだありません。',
    en: 'Showing the end of the plan period ({date}). Today ({today}) is past the plan period and no progress has been recorded.',
  },
  dataFyNotice: {
    ja: '年度はデータの最終更新日（{date}）の年度（{fy}）を表示しています。',
    en: 'The fiscal year is that of the data’s last update ({date}): {fy}.',
  },
  asOfDefaultData: { ja: '最新データの日にする', en: 'Use the latest data' },
  asOfUseToday: { ja: '今日（{today}）', en: 'Today ({today})' },
  outsidePlanTitle: { ja: '計画期間外の年度です', en: 'This year is outside the plan period' },
  outsidePlanReason: {
    ja: '{fy}は本戦略の計画期間（{period}）の外です。計画期間外の年度を開始すると、年次計画・年次報告の対象に加わります。意図した操作の場合のみ続けてください。',
    en: '{fy} lies outside the strategy’s plan period ({period}). Starting it adds it to the annual plans and reports. Continue only if that is what you intend.',
  },
  outsidePlanConfirm: {
    ja: '計画期間外の年度であることを確認し、開始します',
    en: 'I understand this year is outside the plan period and want to start it',
  },
  // Save confirmations (one polite live region: components/save-notice.tsx)
  assignmentSaved: { ja: '{ministry}の進捗を保存しました。', en: 'Saved the progress of {ministry}.' },
  submissionSentFor: {
    ja: '{ministry}の進捗を提出しました。NISCの審査をお待ちください。',
    en: 'Submitted the progress of {ministry}. It now waits for NISC review.',
  },
  planTextSaved: { ja: '{fy}の年次計画を保存しました。', en: 'Saved the annual plan for {fy}.' },
  resultSaved: { ja: '{ministry}の成果・進捗状況を保存しました。', en: 'Saved the results of {ministry}.' },
  resultSubmitted: {
    ja: '{ministry}の成果・進捗状況を提出しました。NISCの審査をお待ちください。',
    en: 'Submitted the results of {ministry}. They now wait for NISC review.',
  },
  submissionApproved: { ja: '提出を承認しました。', en: 'Approved the submission.' },
  submissionReturned: { ja: '提出を差し戻しました。', en: 'Returned the submission.' },
  fyTargetsSaved: { ja: '年度末目標を保存しました。', en: 'Saved the fiscal-year targets.' },
  // The update dialog on the values of the date the page shows
  asOfLead: {
    ja: '{date}時点の内容です（この担当の最終更新: {last}）。保存した内容は本日（{today}）付けで記録されます。',
    en: 'These are the values as of {date} (last updated {last}). What you save is recorded as of today ({today}).',
  },
  asOfLeadToday: {
    ja: '現在の内容です（この担当の最終更新: {last}）。',
    en: 'These are the current values (last updated {last}).',
  },
  noUpdateYet: { ja: '更新なし', en: 'never' },
  newerTitle: { ja: '{date}より後に更新されています', en: 'Updated after {date}' },
  newerCurrent: {
    ja: '最新の内容（{last} 更新）: {status}・{progress}%',
    en: 'Latest values (updated {last}): {status}, {progress}%',
  },
  newerReplace: {
    ja: '保存すると、最新の内容がこのフォームの内容に置き換わります。',
    en: 'Saving replaces the latest values with the ones in this form.',
  },
  newerConfirm: {
    ja: '最新の内容を確認し、置き換えます',
    en: 'I have seen the latest values and want to replace them',
  },
  newerConfirmRequired: {
    ja: '最新の内容を置き換える場合は、確認欄にチェックしてください',
    en: 'Tick the box to replace the latest values',
  },
  // Sorting and days overdue
  daysOverdueColumn: { ja: '超過日数', en: 'Days overdue' },
  attentionFilter: { ja: '要対応', en: 'Needs attention' },
  daysCount: { ja: '{n}日', en: '{n} days' },
  sortAscending: { ja: '昇順に並べ替え', en: 'sort ascending' },
  sortDescending: { ja: '降順に並べ替え', en: 'sort descending' },
  moreInList: { ja: 'ほか {n}件を一覧で見る', en: '{n} more in the list' },
} satisfies Record<string, LocalizedText>;
