import { Fragment } from 'react';
import { parseSourceText } from '@/domain/plan';
import { useI18n } from '../lib/i18n';
import './source-text.css';

/**
 * Text quoted from the strategy, as a reader of the printed text sees it: readings
 * (`国際場裡^{こくさいじょうり}`) as ruby, footnote references (`ガイドライン⁹`) as footnote
 * markers. The data keeps the source's markup; use this wherever a quote or a title is shown.
 */
export function SourceText({ text }: { text: string }) {
  const { lang } = useI18n();
  return (
    <>
      {parseSourceText(text).map((p, i) => {
        if (p.kind === 'text') return <Fragment key={i}>{p.text}</Fragment>;
        if (p.kind === 'ruby')
          return (
            <ruby key={i}>
              {p.base}
              <rp>（</rp>
              <rt>{p.reading}</rt>
              <rp>）</rp>
            </ruby>
          );
        const label = lang === 'ja' ? `脚注${p.number}` : `footnote ${p.number}`;
        return (
          // No aria-label: naming a <sup> is prohibited in ARIA; its text (注9) is what is read.
          <sup key={i} className="source-footnote" title={label}>
            {lang === 'ja' ? `注${p.number}` : `n.${p.number}`}
          </sup>
        );
      })}
    </>
  );
}
