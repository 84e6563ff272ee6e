import { Link } from '@tanstack/react-router';
import type { CountdownView, Dashboard } from '@/domain/contract';
import { dateLabelShort } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import './countdown-cards.css';

function Days({ c }: { c: CountdownView }) {
  const { t, lang } = useI18n();
  if (c.phase === 'under_way') return <p className="countdown__days">{t('underWay')}</p>;
  if (c.phase === 'past') return <p className="countdown__days">{t('past')}</p>;
  const n = c.days.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB');
  return (
    <p className="countdown__days">
      {lang === 'ja' ? (
        <>
          あと <strong>{n}</strong> 日
        </>
      ) : (
        <>
          <strong>{n}</strong> {t('daysToGo')}
        </>
      )}
    </p>
  );
}

function CountdownCard({
  heading,
  c,
  asOf,
  tag,
}: {
  heading: string;
  c: CountdownView | null;
  asOf?: string;
  tag?: 'tokyo2020';
}) {
  const { t, l, lang } = useI18n();
  const id = `countdown-${tag ?? 'next'}`;
  return (
    <section className="countdown card" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {!c ? (
        <p>{t('noNextMilestone')}</p>
      ) : (
        <>
          <p className="countdown__what">
            {l(c.milestone.title)}
            <span className="sub">
              <time dateTime={c.milestone.start}>{dateLabelShort(c.milestone.start, lang)}</time>
              {c.milestone.end !== c.milestone.start && (
                <>
                  {' – '}
                  <time dateTime={c.milestone.end}>{dateLabelShort(c.milestone.end, lang)}</time>
                </>
              )}
            </span>
          </p>
          <Days c={c} />
          <p className="countdown__tagged">
            {lang === 'ja'
              ? `${t('taggedMeasures')} ${c.tagged}件のうち${t('notComplete')} ${c.notComplete}件（${t('ofWhichLate')} ${c.atRiskOrOverdue}件）`
              : `${c.notComplete} of ${c.tagged} measures tagged for it ${t('notComplete')} (${c.atRiskOrOverdue} ${t('ofWhichLate')})`}
          </p>
          {tag && c.tagged > 0 && (
            <Link to="/measures" search={{ tag, asOf }}>
              {t('showTagged')}
            </Link>
          )}
        </>
      )}
    </section>
  );
}

/** From the as-of date to the next milestone and to the Tokyo 2020 opening. */
export function CountdownCards({ data, asOf }: { data: Dashboard; asOf: string | undefined }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="countdowns-title" className="countdowns">
      <h2 id="countdowns-title">{t('countdownTitle')}</h2>
      <div className="countdowns__cards">
        <CountdownCard heading={t('nextMilestone')} c={data.countdowns.next} />
        <CountdownCard heading={t('tokyo2020')} c={data.countdowns.tokyo2020} asOf={asOf} tag="tokyo2020" />
      </div>
    </section>
  );
}
