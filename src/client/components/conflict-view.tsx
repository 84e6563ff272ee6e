import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import './conflict-view.css';

export type ConflictRow = {
  field: string;
  label: string;
  /** What the user started from, what is stored now, and what the user wants. */
  base: ReactNode;
  theirs: ReactNode;
  mine: ReactNode;
  /** The user changed this field (it will be written if they reapply). */
  mineChanged: boolean;
  /** Someone else changed this field since the user read it. */
  theirsChanged: boolean;
};

/** What the user can do with a refused change. */
export type ConflictActions = { pending: boolean; onReapply: () => void; onDiscard: () => void };

/** A row from the three values of one field and how to show them; "changed" is "differs from the base". */
export function conflictRow<V>(
  field: string,
  label: string,
  values: { base: V; theirs: V; mine: V },
  show: (v: V) => ReactNode,
  mineChanged = !same(values.mine, values.base),
): ConflictRow {
  return {
    field,
    label,
    base: show(values.base),
    theirs: show(values.theirs),
    mine: show(values.mine),
    mineChanged,
    theirsChanged: !same(values.theirs, values.base),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A refused write (412/409) shown side by side: the version the user started from, the change
 * someone else made since, and the user's own change. Nothing is overwritten silently: the user
 * either reapplies their change on top of the current version or discards it.
 */
export function ConflictView({
  rows,
  versions,
  who,
  onReapply,
  onDiscard,
  pending,
  reapplyLabel,
  children,
}: {
  rows: ConflictRow[];
  /** The version the user started from and the one stored now. */
  versions?: { base: number; current: number };
  who?: ReactNode;
  onReapply?: () => void;
  onDiscard: () => void;
  pending?: boolean;
  reapplyLabel?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <div className="conflict__head" role="alert">
        <h3 id="conflict-title">{t('conflictTitle')}</h3>
        <p>{t('conflictLead')}</p>
        {(versions || who) && (
          <p className="sub">
            {versions &&
              t('conflictVersions')
                .replace('{base}', String(versions.base))
                .replace('{current}', String(versions.current))}
            {who}
          </p>
        )}
      </div>
      <div className="table-wrap">
        <table className="conflict__table">
          <caption className="visually-hidden">{t('conflictTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('conflictField')}</th>
              <th scope="col">{t('conflictBase')}</th>
              <th scope="col">{t('conflictTheirs')}</th>
              <th scope="col">{t('conflictMine')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field}>
                <th scope="row">{r.label}</th>
                <td className="conflict__base">{r.base}</td>
                <td className={r.theirsChanged ? 'conflict__changed' : undefined}>
                  {r.theirs}
                  {r.theirsChanged && <span className="chip chip--changed">{t('conflictChangedByThem')}</span>}
                </td>
                <td className={r.mineChanged ? 'conflict__changed' : undefined}>
                  {r.mineChanged ? (
                    <>
                      {r.mine}
                      <span className="chip chip--mine">{t('conflictChangedByMe')}</span>
                    </>
                  ) : (
                    <span className="sub">{t('conflictUnchanged')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {children}
      <div className="form-actions">
        {onReapply && (
          <button type="button" onClick={onReapply} disabled={pending}>
            {reapplyLabel ?? t('conflictReapply')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={onDiscard} disabled={pending}>
          {t('conflictDiscard')}
        </button>
      </div>
    </section>
  );
}
