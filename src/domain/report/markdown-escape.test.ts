import { describe, expect, it } from 'vitest';
import { mdCell, mdInline } from './markdown-escape';

/** Hostile text as a plan, result or narrative might hold it (issue 17). */
const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '&lt;script&gt; &#x3C;b&#x3E; &amp;',
  '<http://evil.example/>',
  '<javascript:alert(1)>',
  'see https://evil.example/login now',
  'www.evil.example',
  '[x](javascript:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![](https://evil.example/pixel.png)',
  '![x][ref]\n\n[ref]: javascript:alert(1)',
  '\\[x\\](javascript:alert(1))',
  'a | b || c',
  'row\n| --- | --- |\n| forged | row |',
  'CR only\rCRLF\r\nend',
  '`code` **bold** _em_ ~~del~~',
  '施策<b>太字</b>［全角］（括弧）',
];

/** What a reader sees: escapes and entities undone, <br> back to a line break. */
const visible = (md: string) =>
  md
    .replace(/<br>/g, '\n')
    .replace(/\\(.)/g, '$1')
    .replace(/&(lt|gt|quot|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[e]!);

/** The output with every backslash-escaped character and our own <br> removed: what is left is live. */
const live = (md: string) => md.replace(/\\./g, '').replace(/<br>/g, '');

describe('Markdown escaping of text from the data', () => {
  it.each(PAYLOADS)('leaves nothing live in a table cell: %j', (payload) => {
    const out = mdCell(payload);
    expect(live(out)).not.toMatch(/[<>[\]|`*_~\\\n\r]/); // no tag, link, image, emphasis, code, cell or row end
    expect(live(out)).not.toMatch(/[A-Za-z]:\S/); // no scheme a linker could pick up
    expect(live(out)).not.toMatch(/www\./i);
    expect(live(out)).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/); // no entity of the author's
    expect(visible(out)).toBe(payload.trim().replace(/\r\n?/g, '\n')); // and the reader sees what was typed
  });

  it.each(PAYLOADS)('keeps a heading or paragraph on one line: %j', (payload) => {
    const out = mdInline(payload);
    expect(out).not.toMatch(/[\r\n]/);
    expect(live(out)).not.toMatch(/[<>[\]|`*_~]/);
  });

  it('leaves ordinary text alone, and an empty cell non-empty', () => {
    expect(mdCell('GSOCによる検知・解析機能の強化（2016年度）')).toBe('GSOCによる検知・解析機能の強化（2016年度）');
    expect(mdInline('As of: 2016-03-31')).toBe('As of: 2016-03-31');
    expect(mdCell('  ')).toBe(' ');
  });
});
