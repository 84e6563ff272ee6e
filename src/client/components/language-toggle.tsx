import { LANGS } from '@/domain/plan';
import { useI18n } from '../lib/i18n';
import './language-toggle.css';

const NAMES = { ja: '日本語', en: 'English' } as const;

/** Two buttons, the current one pressed: works with keyboard and screen readers alike. */
export function LanguageToggle() {
  const { lang, setLang, t } = useI18n();
  return (
    <div role="group" aria-label={t('language')} className="lang-toggle">
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
