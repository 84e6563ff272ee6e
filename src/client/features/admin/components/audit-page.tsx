import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { QueryState } from '@/client/components/query-state';
import { useI18n } from '@/client/lib/i18n';
import { auditCsvHref, useAudit, type AuditFilters } from '../api/get-audit';
import { AUDIT_PAGE_SIZE, type AuditSearch } from '../search';
import { AdminNav } from './admin-nav';
import { RequirePermission } from './admin-only';
import { AuditTable } from './audit-table';

const route = getRouteApi('/admin/audit');
const ENTITIES = ['user', 'measure', 'assignment', 'submission', 'milestone', 'scenario', 'plan'] as const;

/** The append-only audit trail: filter, page through, download as CSV. Nothing here can change it. */
export function AuditPage() {
  return (
    <RequirePermission permission="audit.read">
      <Audit />
    </RequirePermission>
  );
}

function Audit() {
  const { t } = useI18n();
  const search = route.useSearch();
  const page = search.page ?? 1;
  const filters: AuditFilters = {
    actor: search.actor,
    entity: search.entity,
    action: search.action,
    from: search.from,
    to: search.to,
  };
  const query = useAudit({ ...filters, limit: AUDIT_PAGE_SIZE, offset: (page - 1) * AUDIT_PAGE_SIZE });
  const navigate = useNavigate({ from: '/admin/audit' });
  const go = (next: AuditSearch) => void navigate({ search: next });
  return (
    <section aria-labelledby="audit-title">
      <AdminNav />
      <div className="page-head">
        <h1 id="audit-title">{t('auditTitle')}</h1>
        <a className="button-link" href={auditCsvHref(filters)} download>
          {t('downloadCsv')}
        </a>
      </div>
      <AuditFiltersForm key={JSON.stringify(filters)} initial={search} onApply={(f) => go({ ...f, page: undefined })} />
      <QueryState query={query} skeletonRows={8}>
        {({ items, total }) => {
          const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
          return (
            <>
              <p role="status" className="result-count">
                {total} {t('entriesCount')}
                {total > 0 && ` · ${t('pageOf')} ${page} / ${pages}`}
              </p>
              {items.length === 0 ? <p className="empty">{t('auditEmpty')}</p> : <AuditTable items={items} />}
              <nav className="pagination" aria-label={t('pagination')}>
                <button type="button" disabled={page <= 1} onClick={() => go({ ...search, page: page - 1 })}>
                  {t('previous')}
                </button>
                <span>
                  {page} / {pages}
                </span>
                <button type="button" disabled={page >= pages} onClick={() => go({ ...search, page: page + 1 })}>
                  {t('next')}
                </button>
              </nav>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function AuditFiltersForm({ initial, onApply }: { initial: AuditSearch; onApply: (f: AuditSearch) => void }) {
  const { t } = useI18n();
  const [f, setF] = useState<AuditSearch>(initial);
  const set = (patch: Partial<AuditSearch>) => setF({ ...f, ...patch });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const clean = (v: string | undefined) => v?.trim() || undefined;
    onApply({
      actor: clean(f.actor),
      entity: clean(f.entity),
      action: clean(f.action),
      from: f.from || undefined,
      to: f.to || undefined,
    });
  };
  return (
    <form className="filters" onSubmit={onSubmit} aria-label={t('filters')}>
      <div className="field">
        <label htmlFor="audit-actor">{t('auditActor')}</label>
        <input id="audit-actor" value={f.actor ?? ''} onChange={(e) => set({ actor: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="audit-entity">{t('auditEntity')}</label>
        <select id="audit-entity" value={f.entity ?? ''} onChange={(e) => set({ entity: e.target.value || undefined })}>
          <option value="">{t('all')}</option>
          {ENTITIES.map((e) => (
            <option key={e} value={e}>
              {e}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-action">{t('auditAction')}</label>
        <input
          id="audit-action"
          aria-describedby="audit-action-hint"
          value={f.action ?? ''}
          onChange={(e) => set({ action: e.target.value })}
        />
        <span id="audit-action-hint" className="hint">
          {t('auditActionHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('auditFrom')}</label>
        <input id="audit-from" type="date" value={f.from ?? ''} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('auditTo')}</label>
        <input id="audit-to" type="date" value={f.to ?? ''} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <div className="field field--actions">
        <button type="submit">{t('applyFilters')}</button>
      </div>
    </form>
  );
}
