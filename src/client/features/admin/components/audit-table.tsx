import type { z } from 'zod';
import type { AuditEntrySchema } from '@/domain/contract';
import { useI18n } from '@/client/lib/i18n';
import { tokyoTime } from '@/client/features/updates/components/submission-state';
import './audit-table.css';

type Entry = z.infer<typeof AuditEntrySchema>;

/** One row per event: who, when, what, and the before → after it recorded. */
export function AuditTable({ items }: { items: Entry[] }) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="audit-table">
        <caption className="visually-hidden">{t('auditTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('auditAt')}</th>
            <th scope="col">{t('auditActor')}</th>
            <th scope="col">{t('auditAction')}</th>
            <th scope="col">{t('auditTarget')}</th>
            <th scope="col">{t('auditChange')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td className="nowrap">
                <time dateTime={e.at}>{tokyoTime(e.at)}</time>
              </td>
              <td>{e.actor}</td>
              <td className="code">{e.action}</td>
              <td>
                <span className="code">{e.entity}</span>
                <span className="sub">{e.entityId}</span>
              </td>
              <td>
                <Change before={e.before} after={e.after} />
                {e.requestId && (
                  <span className="sub">
                    {t('requestId')}: {e.requestId}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  if (before === undefined && after === undefined) return <>—</>;
  const show = (v: unknown) => (v === undefined || v === null ? '—' : JSON.stringify(v, null, 1));
  return (
    <details className="audit-change">
      <summary>{t('auditShowChange')}</summary>
      <div className="audit-change__pair">
        <div>
          <span className="label">{t('auditBefore')}</span>
          <pre>{show(before)}</pre>
        </div>
        <div>
          <span className="label">{t('auditAfter')}</span>
          <pre>{show(after)}</pre>
        </div>
      </div>
    </details>
  );
}
