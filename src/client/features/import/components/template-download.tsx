import { fiscalYearLabel } from '@/domain/plan';
import { useI18n } from '@/client/lib/i18n';
import { templateUrl } from '../api/import-file';

/** Links to the ministry's collection template in each format. */
export function TemplateDownload({ ministry, fy }: { ministry?: string; fy: number }) {
  const { t, lang } = useI18n();
  return (
    <section aria-labelledby="template-title" className="card">
      <h2 id="template-title">{t('templateTitle').replace('{fy}', fiscalYearLabel(fy, lang))}</h2>
      <p>{t('templateLead')}</p>
      <div className="report-downloads">
        <a className="button-link" href={templateUrl({ ministry, fy, format: 'xlsx' })} download>
          {t('exportXlsx')}
        </a>
        <a className="button-link" href={templateUrl({ ministry, fy, format: 'csv' })} download>
          {t('exportCsv')}
        </a>
        <a className="button-link" href={templateUrl({ ministry, fy, format: 'csv', encoding: 'sjis' })} download>
          {t('exportCsvSjis')}
        </a>
      </div>
    </section>
  );
}
