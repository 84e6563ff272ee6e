import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '@/client/lib/i18n';
import './save-notice.css';

type Notice = { text: string; seq: number };

const SaveNoticeContext = createContext<(text: string) => void>(() => undefined);

/** How long a confirmation stays in view; screen readers have read it long before. */
const SHOW_MS = 8000;

/**
 * One polite live region for every save in the app (issue 18, item 7): a dialog or editor that has
 * saved calls `useSaveNotice()(text)`. The region is always in the page, so the change is announced
 * (a region that appears with its text often is not); the notice is visible too, and closable.
 */
export function SaveNoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  const announce = useCallback((text: string) => setNotice((n) => ({ text, seq: (n?.seq ?? 0) + 1 })), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <SaveNoticeContext.Provider value={announce}>
      {children}
      <div className="save-notice" aria-live="polite" aria-atomic="true" data-testid="save-notice">
        {notice && (
          <p key={notice.seq} className="save-notice__text">
            <span>{notice.text}</span>
            <button type="button" className="button-small button-secondary" onClick={() => setNotice(null)}>
              {t('close')}
            </button>
          </p>
        )}
      </div>
    </SaveNoticeContext.Provider>
  );
}

/** Shows and announces that something was saved. */
export function useSaveNotice(): (text: string) => void {
  return useContext(SaveNoticeContext);
}
