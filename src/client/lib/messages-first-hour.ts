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
} satisfies Record<string, LocalizedText>;
