/**
 * Text from the data (plan, results, narratives, titles, names) made inert for Markdown: wherever the
 * file is previewed — Git hosting, wikis, editors — it shows as the text that was typed, never as
 * markup (issue 17). HTML's own characters become entities (tags, entities, `<http://…>` autolinks);
 * Markdown's brackets, emphasis and code punctuation are backslash-escaped, so `[x](javascript:…)`
 * and `![](data:…)` are plain text (without a live `]`, no parenthesis or `!` can make a link or image); a scheme's colon and `www.` are escaped so a bare URL is not
 * linked by GitHub's autolinker; a pipe cannot end a table cell, nor a newline a row.
 */

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function mdEscape(s: string): string {
  return s
    .replace(/[&<>"]/g, (c) => ENTITY[c]!)
    .replace(/[\\`*_[\]|~]/g, '\\$&') // brackets escaped: no `(…)` or `!` can become a link or image
    .replace(/(?<=[A-Za-z]):(?=\S)/g, '\\:') // javascript:…, data:…, http://… (not "As of: …")
    .replace(/\b(w{3})\./gi, '$1\\.');
}

/** One line of text (a heading, a paragraph): escaped, line breaks as spaces. */
export const mdInline = (s: string) => mdEscape(s).replace(/\r\n?|\n/g, ' ');

/** A table cell: escaped, line breaks as <br> (the one tag this renderer writes itself). */
export const mdCell = (s: string) => mdEscape(s.trim()).replace(/\r\n?|\n/g, '<br>') || ' ';
