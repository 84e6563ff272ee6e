import { getRouteApi } from '@tanstack/react-router';
import { toSearch } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';

const route = getRouteApi('/measures');

/** Export the list exactly as filtered (issue 5): CSV in either encoding, or Excel. */
export function MeasureExport() {
  const { t } = useI18n();
  const search = route.useSearch();
  const filters = { ...search, page: undefined };
  const url = (format: 'csv' | 'xlsx', encoding?: 'sjis') =>
    `/api/export/measures${toSearch({ ...filters, format, encoding })}`;
  return (
    <div className="report-downloads" role="group" aria-label={t('exportList')}>
      <span>{t('exportList')}:</span>
      <a href={url('csv')} download>
        {t('exportCsv')}
      </a>
      <a href={url('csv', 'sjis')} download>
        {t('exportCsvSjis')}
      </a>
      <a href={url('xlsx')} download>
        {t('exportXlsx')}
      </a>
    </div>
  );
}
