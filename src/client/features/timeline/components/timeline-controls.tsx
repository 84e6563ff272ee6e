import { getRouteApi } from '@tanstack/react-router';
import { fiscalYearLabel } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import { ZOOM_YEARS, type TimelineSearch } from '../search';
import './timeline-controls.css';

const route = getRouteApi('/timeline');

/** Grouping and zoom write to the URL, like every other view's state. */
export function TimelineControls() {
  const { t, lang } = useI18n();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const set = (patch: Partial<TimelineSearch>) =>
    void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  return (
    <form className="filters tl-controls" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="tl-group-by">{t('groupBy')}</label>
        <select
          id="tl-group-by"
          value={search.groupBy ?? 'area'}
          onChange={(e) => set({ groupBy: e.target.value === 'ministry' ? 'ministry' : undefined })}
        >
          <option value="area">{t('groupByArea')}</option>
          <option value="ministry">{t('groupByMinistry')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="tl-zoom">{t('zoom')}</label>
        <select
          id="tl-zoom"
          value={search.fy?.toString() ?? ''}
          onChange={(e) => set({ fy: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">{t('allYears')}</option>
          {ZOOM_YEARS.map((fy) => (
            <option key={fy} value={fy}>
              {fiscalYearLabel(fy, lang)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
