import { useMeta } from '../features/strategy/api/get-meta';
import { useI18n } from '../lib/i18n';
import './sample-data-banner.css';

/** Shown whenever a sample scenario is loaded, so demo figures are never mistaken for real ones. */
export function SampleDataBanner() {
  const { t, l, lang } = useI18n();
  const meta = useMeta();
  const scenarios = meta.data?.scenarios ?? [];
  if (scenarios.length === 0) return null;
  return (
    <div className="sample-banner" role="note">
      <strong>{t('sampleBanner')}</strong>
      <span className="sample-banner__names">
        {lang === 'ja'
          ? `（${scenarios.map((s) => l(s.label)).join('、')}）`
          : ` (${scenarios.map((s) => l(s.label)).join(', ')})`}
      </span>
    </div>
  );
}
