import { Link } from '@tanstack/react-router';
import type { AttentionItemView, AttentionListView, Dashboard } from '@/domain/contract';
import { HealthBadge } from '@/client/components/badges';
import { fill, useI18n } from '@/client/lib/i18n';
import type { AttentionKind } from '@/domain/dashboard';
import type { MeasureSort, SortOrder } from '@/domain/contract';
import { ATTENTION_TITLES, orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import './attention-lists.css';

type Kind = AttentionKind;

const TITLES = ATTENTION_TITLES;

/** Where each list's 「ほか N件」 leads: the whole list, in the order the overview shows it. */
const WHOLE_LIST: Record<Kind, { sort: MeasureSort; order?: SortOrder }> = {
  overdue: { sort: 'overdue' },
  dueSoon: { sort: 'due' },
  stale: { sort: 'updated', order: 'asc' },
};

function Detail({ kind, item }: { kind: Kind; item: AttentionItemView }) {
  const { t, lang } = useI18n();
  const ja = lang === 'ja';
  if (kind === 'overdue') return <>{ja ? `${item.days}${t('daysOverdue')}` : `${item.days} ${t('daysOverdue')}`}</>;
  if (kind === 'dueSoon') {
    const pace = ja
      ? `${t('progress')} ${item.progress}%（${t('expected')} ${item.expected}%）`
      : `${item.progress}% done (${item.expected}% ${t('expected')})`;
    return <>{ja ? `${t('daysLeft')}${item.days}日 · ${pace}` : `${item.days} ${t('daysLeft')} · ${pace}`}</>;
  }
  const since = item.lastUpdate ?? t('neverUpdated');
  return (
    <>
      {ja
        ? `${item.days}${t('daysSinceUpdate')}（${t('lastUpdate')}: ${since}）`
        : `${item.days} ${t('daysSinceUpdate')} (${t('lastUpdate')}: ${since})`}
    </>
  );
}

function AttentionList({ kind, list, asOf }: { kind: Kind; list: AttentionListView; asOf: string | undefined }) {
  const { t, l, lang } = useI18n();
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  const id = `attention-${kind}`;
  const rest = list.total - list.items.length;
  return (
    <section className="attention card" aria-labelledby={id}>
      <h3 id={id}>
        {t(TITLES[kind])}{' '}
        <span className="attention__count">{lang === 'ja' ? `${list.total}件` : `(${list.total})`}</span>
      </h3>
      {list.items.length === 0 ? (
        <p className="sub">{t('attentionNone')}</p>
      ) : (
        <ol className="attention__list">
          {list.items.map((item) => (
            <li key={item.id}>
              <Link to="/measures/$measureId" params={{ measureId: item.id }} search={{ asOf }}>
                <span className="code">{item.code}</span> {l(item.title)}
              </Link>
              <span className="sub">
                <HealthBadge health={item.health} /> {orgName(orgs.get(item.leadMinistryId ?? ''), lang)} ·{' '}
                <Detail kind={kind} item={item} />
              </span>
            </li>
          ))}
        </ol>
      )}
      {rest > 0 && (
        <p className="attention__more">
          <Link to="/measures" search={{ attention: kind, ...WHOLE_LIST[kind], asOf }}>
            {fill(t('moreInList'), { n: rest })}
          </Link>
        </p>
      )}
    </section>
  );
}

/** Overdue; due within 90 days and behind the expected pace; silent for more than 180 days. */
export function AttentionLists({ data, asOf }: { data: Dashboard; asOf: string | undefined }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="attention-title" className="attention-lists">
      <h2 id="attention-title">{t('attentionTitle')}</h2>
      <div className="attention-lists__grid">
        {(['overdue', 'dueSoon', 'stale'] as const).map((kind) => (
          <AttentionList key={kind} kind={kind} list={data.attention[kind]} asOf={asOf} />
        ))}
      </div>
    </section>
  );
}
