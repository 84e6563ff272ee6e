import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { HEALTH_LABELS, HEALTHS, STATUS_LABELS, STATUSES } from '@/domain/plan';
import { TAGS } from '@/domain/plan';
import { fiscalYearLabel } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import { ATTENTION_TITLES, TAG_LABELS, orgName } from '@/client/lib/labels';
import { ATTENTION_KINDS } from '@/domain/dashboard';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useStrategy } from '@/client/features/strategy/api/get-strategy';
import type { MeasuresSearch } from '../search';

const route = getRouteApi('/measures');
const FISCAL_YEARS = [2015, 2016, 2017, 2018, 2019, 2020];

type Option = { value: string; label: string };

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: Option[];
  onChange: (v: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        <option value="">{t('all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The keyword applies on Enter, on the search button, or when the field loses focus — not on every keystroke. */
function KeywordField({ initial, onCommit }: { initial: string; onCommit: (q: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState(initial);
  const commit = () => q.trim() !== initial && onCommit(q.trim());
  return (
    <div className="field field--wide">
      <label htmlFor="f-q">{t('search')}</label>
      <div className="keyword-row">
        <input
          id="f-q"
          type="search"
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          aria-describedby="f-q-hint"
        />
        <button type="button" onClick={commit}>
          {t('searchButton')}
        </button>
      </div>
      <span id="f-q-hint" className="hint">
        {t('searchHint')}
      </span>
    </div>
  );
}

/** Every filter writes to the URL; the list reads only the URL. */
export function MeasureFilters() {
  const { t, l, lang } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const strategy = useStrategy();
  const ministries = useMinistries();

  const set = (patch: Partial<MeasuresSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch, page: undefined }), replace: true });

  const sections = (strategy.data?.sections ?? []).filter((s) => !search.area || s.areaCode === search.area);
  return (
    <form className="filters" role="search" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      {/* Keyed by the URL's value: a back/forward navigation resets what is typed. */}
      <KeywordField key={search.q ?? ''} initial={search.q ?? ''} onCommit={(q) => set({ q: q || undefined })} />
      <Select
        id="f-area"
        label={t('area')}
        value={search.area}
        onChange={(area) => set({ area, section: undefined })}
        options={(strategy.data?.areas ?? []).map((a) => ({ value: a.code, label: `${a.code} ${l(a.title)}` }))}
      />
      <Select
        id="f-section"
        label={t('section')}
        value={search.section}
        onChange={(section) => set({ section })}
        options={sections
          .filter((s) => s.code !== s.areaCode)
          .map((s) => ({ value: s.code, label: `${s.code} ${l(s.title)}` }))}
      />
      <Select
        id="f-ministry"
        label={t('ministry')}
        value={search.ministry}
        onChange={(ministry) => set({ ministry })}
        options={(ministries.data?.items ?? [])
          .filter((o) => o.assignable)
          .map((o) => ({ value: o.id, label: orgName(o, lang) }))}
      />
      <Select
        id="f-status"
        label={t('status')}
        value={search.status}
        onChange={(v) => set({ status: v as MeasuresSearch['status'] })}
        options={STATUSES.map((s) => ({ value: s, label: l(STATUS_LABELS[s]) }))}
      />
      <Select
        id="f-health"
        label={t('health')}
        value={search.health}
        onChange={(v) => set({ health: v as MeasuresSearch['health'] })}
        options={HEALTHS.map((h) => ({ value: h, label: l(HEALTH_LABELS[h]) }))}
      />
      <Select
        id="f-attention"
        label={t('attentionFilter')}
        value={search.attention}
        onChange={(v) => set({ attention: v as MeasuresSearch['attention'] })}
        options={ATTENTION_KINDS.map((k) => ({ value: k, label: t(ATTENTION_TITLES[k]) }))}
      />
      <Select
        id="f-duefy"
        label={t('dueFy')}
        value={search.dueFy?.toString()}
        onChange={(v) => set({ dueFy: v ? Number(v) : undefined })}
        options={FISCAL_YEARS.map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy, lang) }))}
      />
      <Select
        id="f-tag"
        label={t('tag')}
        value={search.tag}
        onChange={(v) => set({ tag: v as MeasuresSearch['tag'] })}
        options={TAGS.map((tag) => ({ value: tag, label: l(TAG_LABELS[tag]) }))}
      />
      <div className="field">
        <label htmlFor="f-asof">{t('asOf')}</label>
        <input
          id="f-asof"
          type="date"
          value={search.asOf ?? ''}
          onChange={(e) => set({ asOf: e.target.value || undefined })}
        />
      </div>
      <div className="field field--actions">
        <button type="button" className="button-secondary" onClick={() => void navigate({ search: {}, replace: true })}>
          {t('clearFilters')}
        </button>
      </div>
    </form>
  );
}
