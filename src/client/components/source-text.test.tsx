// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../lib/i18n';
import { SourceText } from './source-text';

function shown(text: string, lang: 'ja' | 'en' = 'ja') {
  return render(
    <I18nProvider lang={lang}>
      <p>
        <SourceText text={text} />
      </p>
    </I18nProvider>,
  ).container.querySelector('p')!;
}

describe('SourceText', () => {
  it('shows a reading as ruby over its kanji, never the caret and braces', () => {
    const p = shown('各国の国際場裡^{こくさいじょうり}で十分に活躍');
    const ruby = p.querySelector('ruby')!;
    expect(ruby.firstChild?.textContent).toBe('国際場裡');
    expect(ruby.querySelector('rt')?.textContent).toBe('こくさいじょうり');
    expect(p.innerHTML).not.toContain('^{');
    expect(p.textContent).toMatch(/^各国の国際場裡（こくさいじょうり）で十分に活躍$/);
  });

  it('shows a footnote superscript as a labelled footnote marker', () => {
    const p = shown('に関するガイドライン⁹」の解説');
    const sup = p.querySelector('sup.source-footnote')!;
    expect(sup.textContent).toBe('注9');
    expect(sup.getAttribute('title')).toBe('脚注9');
    expect(p.textContent).not.toMatch(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u);
    expect(shown('推進する¹²。', 'en').querySelector('sup')?.getAttribute('title')).toBe('footnote 12');
  });

  it('leaves text without markup as it is', () => {
    expect(shown('M2M (Machine to Machine) 2020年').innerHTML).toBe('M2M (Machine to Machine) 2020年');
  });
});
