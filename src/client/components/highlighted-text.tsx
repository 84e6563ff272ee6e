import { plainSourceText } from '@/domain/plan';
import { highlight } from '@/domain/search';
import { SourceText } from './source-text';
import './highlighted-text.css';

/**
 * Strategy text with the words a search found marked (<mark>), as decision record 016 matches them:
 * the same folding, stems and synonyms. Without needles it is the plain SourceText (ruby and footnotes).
 */
export function HighlightedText({ text, needles }: { text: string; needles: readonly string[] | undefined }) {
  if (!needles?.length) return <SourceText text={text} />;
  return (
    <>
      {highlight(plainSourceText(text), needles).map((s, i) =>
        s.hit ? (
          <mark key={i} className="search-hit">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
