import { format, parseISO } from 'date-fns';
import type { MeasureDetail } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import { usePublicComments } from '@/client/features/strategy/api/get-public-comments';
import './measure-public-comments.css';

/**
 * What the public said about this measure's section in the 2015 consultation, and the government's
 * answer: context a liaison or reviewer needs when judging what the measure was meant to achieve.
 * Each comment is collapsed to its submitter and target; the text is Japanese, as published.
 */
export function MeasurePublicComments({ measure: m }: { measure: MeasureDetail }) {
  const { t, lang } = useI18n();
  const query = usePublicComments(m.sectionCode);
  const list = query.data;
  if (!list) return null; // reference context: the page does not wait or fail for it
  const { start, end, wording } = list.period;
  const period =
    lang === 'ja' ? wording : `${format(parseISO(start), 'd MMMM')} – ${format(parseISO(end), 'd MMMM yyyy')}`;
  return (
    <section aria-labelledby="public-comments-title" className="card">
      <h2 id="public-comments-title">
        {t('publicCommentsTitle')} <span className="chip">{list.total}</span>
      </h2>
      <p className="sub">{t('publicCommentsLead').replace('{period}', period)}</p>
      {list.total === 0 ? (
        <p className="empty">{t('publicCommentsNone')}</p>
      ) : (
        <ul className="public-comments">
          {list.items.map((c) => (
            <li key={c.id}>
              <details>
                <summary>
                  <span className="code">No.{c.id}</span> {c.submitter} · {t('publicCommentTarget')}:{' '}
                  <span lang="ja">{c.target.ja}</span>
                  {c.revised && <span className="chip"> {t('publicCommentRevised')}</span>}
                </summary>
                <div lang="ja" className="public-comment__text">
                  {c.summary}
                </div>
                <p className="label">{t('publicCommentAnswer')}</p>
                <div lang="ja" className="public-comment__text">
                  {c.response}
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
