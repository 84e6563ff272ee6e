import type { Lang } from '@/domain/plan';
import { ApiError } from './api-client';

/**
 * The server writes every message as "日本語 / English" (several joined by "; "). Shows the part
 * for the reader's language; a message without the separator is shown as it is.
 */
export function serverText(message: string, lang: Lang): string {
  // "; " also occurs inside an English sentence ("… not accepted; paste the values instead"): a
  // piece without its own " / " continues the message before it.
  const parts: string[] = [];
  for (const piece of message.split('; ')) {
    if (parts.length > 0 && !piece.includes(' / ')) parts[parts.length - 1] += `; ${piece}`;
    else parts.push(piece);
  }
  return parts
    .map((part) => {
      const i = part.indexOf(' / ');
      if (i < 0) return part;
      return lang === 'ja' ? part.slice(0, i) : part.slice(i + 3);
    })
    .join(lang === 'ja' ? '。' : '; ');
}

/** The form fields a write's 422 names (issue path → message), and the issues no field claims. */
export function issuesByField(
  error: unknown,
  fields: readonly string[],
  lang: Lang,
): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { byField, other };
  for (const issue of error.issues) {
    // "due.date" belongs to the "due.date" field if there is one, else to "due".
    const field = [...fields]
      .sort((a, b) => b.length - a.length)
      .find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    const text = serverText(issue.message, lang);
    if (field) byField[field] = byField[field] ? `${byField[field]}。${text}` : text;
    else other.push(`${issue.path}: ${text}`);
  }
  return { byField, other };
}
