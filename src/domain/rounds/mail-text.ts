import type { Notification, NotificationParams } from './notifications-contract';

/** What notifications say, in the app and in mails, in Japanese and English. */

type Lang = 'ja' | 'en';

export function notificationText(n: Pick<Notification, 'kind' | 'params'>, lang: Lang): string {
  const p: NotificationParams = n.params;
  const ministry = p.ministryName ? p.ministryName[lang] : '';
  const t = p.roundTitle;
  if (lang === 'ja')
    switch (n.kind) {
      case 'round_opened':
        return `照会「${t}」が開始されました（期限 ${p.dueOn}）`;
      case 'due_soon':
        return `照会「${t}」の期限まであと${p.count ?? 0}日です（期限 ${p.dueOn}）`;
      case 'overdue':
        return `照会「${t}」の期限（${p.dueOn}）を過ぎました。未回答の行があります`;
      case 'row_returned':
        return `照会「${t}」の${p.count ?? 1}行が差し戻されました${p.comment ? `：${p.comment}` : ''}`;
      case 'row_accepted':
        return `照会「${t}」の${p.count ?? 1}行が受理されました`;
      case 'ministry_finished':
        return `${ministry}が照会「${t}」の全行に回答しました`;
    }
  switch (n.kind) {
    case 'round_opened':
      return `Round "${t}" has opened (due ${p.dueOn})`;
    case 'due_soon':
      return `Round "${t}" is due in ${p.count ?? 0} day${p.count === 1 ? '' : 's'} (${p.dueOn})`;
    case 'overdue':
      return `Round "${t}" is past its due date (${p.dueOn}) with rows still unanswered`;
    case 'row_returned':
      return `${p.count ?? 1} row(s) of round "${t}" were returned${p.comment ? `: ${p.comment}` : ''}`;
    case 'row_accepted':
      return `${p.count ?? 1} row(s) of round "${t}" were accepted`;
    case 'ministry_finished':
      return `${ministry} has answered every row of round "${t}"`;
  }
}

export type MailText = { subject: string; text: string };

const FOOTER: Record<Lang, string> = {
  ja: '\n\n通知の設定はトラッカーの「通知」画面で変更できます。\n— サイバーセキュリティ戦略 実施状況トラッカー',
  en: '\n\nChange which mails you receive on the tracker’s Notifications page.\n— Cybersecurity Strategy implementation tracker',
};

/** The "round opened" mail: sent at once, with the instructions. */
export function roundOpenedMail(
  round: { title: string; dueOn: string; instructions: string; id: string },
  lang: Lang,
  baseUrl: string,
): MailText {
  const link = `${baseUrl}/rounds/${encodeURIComponent(round.id)}`;
  return lang === 'ja'
    ? {
        subject: `【照会】${round.title}（期限 ${round.dueOn}）`,
        text: `照会「${round.title}」が開始されました。期限は ${round.dueOn} です。\n\n${round.instructions || '（指示事項なし）'}\n\n回答: ${link}${FOOTER.ja}`,
      }
    : {
        subject: `[Round] ${round.title} (due ${round.dueOn})`,
        text: `Round "${round.title}" has opened. It is due on ${round.dueOn}.\n\n${round.instructions || '(no instructions)'}\n\nAnswer at: ${link}${FOOTER.en}`,
      };
}

/** One digest a day: every notification not mailed yet, oldest first, one line each. */
export function digestMail(
  items: readonly Pick<Notification, 'kind' | 'params'>[],
  day: string,
  lang: Lang,
  baseUrl: string,
): MailText {
  const lines = items.map((n) => `・${notificationText(n, lang)}`).join('\n');
  return lang === 'ja'
    ? {
        subject: `【トラッカー】${day} のお知らせ（${items.length}件）`,
        text: `${day} のお知らせです。\n\n${lines}\n\n${baseUrl}/notifications${FOOTER.ja}`,
      }
    : {
        subject: `[Tracker] ${items.length} notification${items.length === 1 ? '' : 's'} for ${day}`,
        text: `Your notifications for ${day}:\n\n${lines}\n\n${baseUrl}/notifications${FOOTER.en}`,
      };
}
