import { getRouteApi, Link } from '@tanstack/react-router';
import type { MeasureDetail } from '@/domain/contract';
import { DUE_KIND_LABELS } from '@/domain/plan';
import { dateLabel, fiscalYearLabel, fiscalYearOf } from '@/domain/plan';
import { HealthBadge, ProgressBar, RagBadge, StatusBadge } from '@/client/components/badges';
import { useI18n } from '@/client/lib/i18n';
import { TAG_LABELS } from '@/client/lib/labels';
import { DueText } from './due-text';
import { SourceText } from '@/client/components/source-text';
import './measure-header.css';

const route = getRouteApi('/measures/$measureId');

export function MeasureHeader({ measure: m }: { measure: MeasureDetail }) {
  const { t, l, lang } = useI18n();
  // Links keep the reporting date, so going back to the list does not reset it.
  const { asOf } = route.useSearch();
  return (
    <header className="measure-header">
      <nav aria-label="breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/measures" search={{ asOf }}>
              {t('navMeasures')}
            </Link>
          </li>
          {m.breadcrumb.map((b) => (
            <li key={b.code}>
              {b.level === 'item' ? (
                <span>
                  {b.code} <SourceText text={l(b.title)} />
                </span>
              ) : (
                <Link to="/measures" search={b.level === 'area' ? { area: b.code, asOf } : { section: b.code, asOf }}>
                  {b.code} <SourceText text={l(b.title)} />
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <p className="measure-code">{m.code}</p>
      <h1 id="measure-title">
        <SourceText text={l(m.title)} />
      </h1>
      {lang === 'en' && (
        <p className="original-title" lang="ja">
          <SourceText text={m.title.ja} />
        </p>
      )}
      <div className="measure-badges">
        <StatusBadge status={m.status} />
        <span>
          <span className="label">{t('computedHealth')}: </span>
          <HealthBadge health={m.health} />
        </span>
        {m.rag && (
          <span>
            <span className="label">{t('ragOverride')}: </span>
            <RagBadge rag={m.rag.rating} /> <span className="sub">{m.rag.reason}</span>
          </span>
        )}
        <ProgressBar value={m.progress} label={t('progress')} />
        {m.crossRefCode && (
          <span className="chip">
            {t('crossListed')} {m.crossRefCode}
          </span>
        )}
        {m.tags.map((tag) => (
          <span key={tag} className="chip">
            {l(TAG_LABELS[tag])}
          </span>
        ))}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('deadlineWording')}</dt>
          <dd>
            <DueText due={m.due} />
            {m.due.source === 'section' && <span className="sub"> {t('sectionTargetNote')}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('deadlineKind')}</dt>
          <dd>{l(DUE_KIND_LABELS[m.due.kind])}</dd>
        </div>
        <div>
          <dt>{t('deadlineDate')}</dt>
          <dd>
            {dateLabel(m.dueDate, lang)}
            {lang === 'ja'
              ? `（${fiscalYearLabel(fiscalYearOf(m.dueDate), lang)}）`
              : ` — ${fiscalYearLabel(fiscalYearOf(m.dueDate), lang)}`}
          </dd>
        </div>
        {m.crossListedBy.length > 0 && (
          <div>
            <dt>{t('crossListedBy')}</dt>
            <dd>
              {m.crossListedBy.map((x) => (
                <Link
                  key={x.id}
                  to="/measures/$measureId"
                  params={{ measureId: x.id }}
                  search={{ asOf }}
                  className="code-link"
                >
                  {x.code}
                </Link>
              ))}
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
