import { useEffect, useRef, useState } from 'react';
import { can } from '@/domain/auth';
import type { FyStartReport } from '@/domain/contract';
import { fiscalYearLabel, inPlanYears } from '@/domain/plan';
import { STATUS_LABELS } from '@/domain/plan';
import { planYearsLabel } from '@/client/components/data-date-notice';
import { Dialog } from '@/client/components/dialog';
import { FormError } from '@/client/components/form-field';
import type { Lang } from '@/domain/plan';
import { ApiError } from '@/client/lib/api-client';
import { fill, useI18n } from '@/client/lib/i18n';
import { useDefaultDates } from '@/client/features/strategy/api/get-meta';
import { serverText } from '@/client/lib/server-text';
import { useSession } from '@/client/features/auth/api/get-session';
import { tokyoTime } from '@/client/features/updates/components/submission-state';
import { usePlanYear, useStartFiscalYear } from '../api/plan-year';

/** The server's refusal in the reader's language. */
const errorText = (error: unknown, lang: Lang) =>
  error instanceof ApiError ? serverText(error.message, lang) : error instanceof Error ? error.message : String(error);

/**
 * Starting a fiscal year's plan (POST /api/plans/:fy/start), for those who edit plans (NISC staff
 * and administrators): whether the year has been started, and a button that explains what starting
 * does before it does it, then shows what was added, retired and renumbered.
 */
export function PlanYearPanel({ fy }: { fy: number }) {
  const session = useSession().data;
  const allowed = session ? can(session.user.role, 'measure.update') : false;
  return allowed ? <PlanYearStatus fy={fy} /> : null;
}

function PlanYearStatus({ fy }: { fy: number }) {
  const { t, lang } = useI18n();
  const query = usePlanYear(fy);
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<FyStartReport | null>(null);
  const label = fiscalYearLabel(fy, lang);
  const started = query.data?.started;
  const state = useRef<HTMLParagraphElement>(null);
  // A year outside the strategy's period is not the obvious next step: no primary button for it.
  const outside = useOutsidePlan(fy);
  const wasOpen = useRef(false);
  // Once the year has started (here, or by someone else meanwhile) its button is gone: closing the
  // dialog brings focus to the new state rather than losing it.
  useEffect(() => {
    if (wasOpen.current && !open && started) state.current?.focus();
    wasOpen.current = open;
  }, [open, started]);
  return (
    <section aria-labelledby="plan-year-title" className="card plan-year">
      <h2 id="plan-year-title">{t('planYearTitle')}</h2>
      <div className="plan-year__row">
        <p className="plan-year__state" ref={state} tabIndex={-1}>
          {query.isPending
            ? t('loading')
            : started
              ? fill(t('planYearStarted'), { fy: label, at: tokyoTime(started.at), by: started.by })
              : query.isError
                ? t('loadFailed')
                : fill(t('planYearNotStarted'), { fy: label })}
        </p>
        {query.isSuccess && !started && (
          <button type="button" className={outside ? 'button-secondary' : undefined} onClick={() => setOpen(true)}>
            {fill(t('startYear'), { fy: label })}
          </button>
        )}
      </div>
      <p aria-live="polite" className="notice-slot">
        {done?.fy === fy && (
          <span className="notice notice--success">
            {fill(t('startYearDone'), { fy: label, total: done.total, carried: done.carried })}
          </span>
        )}
      </p>
      {open && <StartYearDialog fy={fy} onClose={() => setOpen(false)} onStarted={setDone} />}
    </section>
  );
}

/** Explains what starting the year does; once confirmed, shows what changed against last year. */
export function StartYearDialog({
  fy,
  onClose,
  onStarted,
}: {
  fy: number;
  onClose: () => void;
  onStarted?: (report: FyStartReport) => void;
}) {
  const { t, lang } = useI18n();
  const start = useStartFiscalYear();
  const label = fiscalYearLabel(fy, lang);
  const report = start.data;
  const outside = useOutsidePlan(fy);
  const [understood, setUnderstood] = useState(false);
  return (
    <Dialog title={fill(t('startYearTitle'), { fy: label })} onClose={onClose} wide>
      {report ? (
        <StartYearResult report={report} onClose={onClose} />
      ) : (
        <div className="dialog-form">
          <p>{t('startYearLead')}</p>
          <ul className="start-year__steps">
            <li>{t('startYearRoster')}</li>
            <li>{t('startYearCarry')}</li>
            <li>{t('startYearReport')}</li>
          </ul>
          <p className="notice notice--warning">{t('startYearOnce')}</p>
          {outside && (
            <div className="notice notice--warning start-year__outside" role="group" aria-labelledby="sy-outside">
              <p>
                <strong id="sy-outside">{t('outsidePlanTitle')}</strong>
              </p>
              <p>{fill(t('outsidePlanReason'), { fy: label, period: outside })}</p>
              <div className="field field--check">
                <input
                  id="sy-understood"
                  type="checkbox"
                  checked={understood}
                  onChange={(e) => setUnderstood(e.target.checked)}
                />
                <label htmlFor="sy-understood">{t('outsidePlanConfirm')}</label>
              </div>
            </div>
          )}
          {start.isError && (
            <FormError error={start.error}>
              <p>
                <strong>{t('startFailed')}</strong>
              </p>
              <p>{errorText(start.error, lang)}</p>
            </FormError>
          )}
          <div className="form-actions">
            <button
              type="button"
              disabled={start.isPending || (!!outside && !understood)}
              onClick={() => start.mutate({ fy, outsidePlanPeriod: !!outside }, { onSuccess: (r) => onStarted?.(r) })}
            >
              {start.isPending ? t('starting') : t('startYearConfirm')}
            </button>
            <button type="button" className="button-secondary" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

function StartYearResult({ report, onClose }: { report: FyStartReport; onClose: () => void }) {
  const { t, lang } = useI18n();
  const label = fiscalYearLabel(report.fy, lang);
  const ref = useRef<HTMLParagraphElement>(null);
  // The button that was pressed is gone: keep focus inside the dialog, on what happened.
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="start-year__result">
      <p ref={ref} tabIndex={-1} role="status" className="notice notice--success">
        {fill(t('startYearDone'), { fy: label, total: report.total, carried: report.carried })}
      </p>
      <ResultTable
        title={t('startAdded')}
        rows={report.added.map((a) => [a.code, a.number])}
        header={[t('code'), t('itemNumber')]}
      />
      <ResultTable
        title={t('startRetired')}
        rows={report.retired.map((r) => [r.code, r.previousNumber, STATUS_LABELS[r.status][lang]])}
        header={[t('code'), t('previousNumber'), t('status')]}
      />
      <ResultTable
        title={t('startRenumbered')}
        rows={report.renumbered.map((r) => [r.code, r.from, r.to])}
        header={[t('code'), t('previousNumber'), t('newNumber')]}
      />
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}

function ResultTable({ title, header, rows }: { title: string; header: string[]; rows: string[][] }) {
  const { t } = useI18n();
  return (
    <section className="start-year__list">
      <h3>{fill(t('countOf'), { label: title, n: rows.length })}</h3>
      {rows.length === 0 ? (
        <p>{t('startNone')}</p>
      ) : (
        <div className="table-wrap start-year__table">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {header.map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r[0]}>
                  {r.map((c, i) =>
                    i === 0 ? (
                      <th key={i} scope="row" className="code">
                        {c}
                      </th>
                    ) : (
                      <td key={i}>{c}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The plan period's label when `fy` lies outside it (starting such a year takes a deliberate step), else null. */
function useOutsidePlan(fy: number): string | null {
  const { lang } = useI18n();
  const defaults = useDefaultDates();
  if (!defaults || inPlanYears(fy, defaults.planYears)) return null;
  return planYearsLabel(defaults.planYears, lang);
}
