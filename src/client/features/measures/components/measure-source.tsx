import type { MeasureDetail } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import { SourceText } from '@/client/components/source-text';
import './measure-source.css';

export function MeasureSource({ measure: m }: { measure: MeasureDetail }) {
  const { t, l } = useI18n();
  return (
    <section aria-labelledby="source-title" className="card">
      <h2 id="source-title">{t('source')}</h2>
      <figure className="quote">
        <blockquote lang="ja">
          <SourceText text={m.quote} />
        </blockquote>
        <figcaption>
          {t('sourceNote')} — {m.source.section}
        </figcaption>
      </figure>
      {m.packageEntries.length > 0 && (
        <>
          <h3>{t('package')}</h3>
          <ul>
            {m.packageEntries.map((p) => (
              <li key={p.id}>
                <span className="code">{p.id}</span> {l(p.title)}
                {p.wording && (
                  <span className="sub" lang="ja">
                    「{p.wording}」
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
