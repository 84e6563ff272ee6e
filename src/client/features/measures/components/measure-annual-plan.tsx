import { useState, type ReactNode } from 'react';
import type { PlanItem, ResultSubmission } from '@/domain/contract';
import { fiscalYearLabel, fiscalYearOf } from '@/domain/plan';
import { QueryState } from '@/client/components/query-state';
import { ApiError } from '@/client/lib/api-client';
import { clampFiscalYear, fiscalYearChoices } from '@/client/lib/fiscal-years';
import { fill, useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useSession } from '@/client/features/auth/api/get-session';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { can } from '@/domain/auth';
import { ReadOnlyField } from '@/client/components/read-only-field';
import { useSaveNotice } from '@/client/components/save-notice';
import { useResultSubmissions } from '@/client/features/updates/api/result-submissions';
import { useMeasurePlan, useSavePlan } from '../api/annual-plan';
import { AnnualResult } from './annual-result';

/**
 * 年次計画 / 成果 / 翌年度計画 for one measure and fiscal year: NISC edit all directly; a liaison
 * submits their ministry's results for review (decision record 020); everyone else reads plain text.
 */
export function MeasureAnnualPlan({
  measureId,
  asOf,
  fyTarget,
}: {
  measureId: string;
  asOf: string;
  /** The fiscal year's 年度末目標 editor, shown for the year chosen here. */
  fyTarget?: (fy: number) => ReactNode;
}) {
  const { t, lang } = useI18n();
  const [fy, setFy] = useState(clampFiscalYear(fiscalYearOf(asOf)));
  const query = useMeasurePlan(fy, measureId);
  return (
    <section aria-labelledby="annual-title" className="card">
      <h2 id="annual-title">{t('annualPlan')}</h2>
      <div className="field">
        <label htmlFor="a-fy">{t('fiscalYear')}</label>
        <select id="a-fy" value={fy} onChange={(e) => setFy(Number(e.target.value))}>
          {fiscalYearChoices(fy).map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y, lang)}
            </option>
          ))}
        </select>
      </div>
      {fyTarget?.(fy)}
      <QueryState query={query}>
        {(item) => (item ? <PlanEditor key={`${fy}-${item.plan.version}`} fy={fy} item={item} /> : null)}
      </QueryState>
    </section>
  );
}

function PlanEditor({ fy, item }: { fy: number; item: PlanItem }) {
  const { t, lang } = useI18n();
  const user = useSession().data?.user;
  const orgs = new Map((useMinistries().data?.items ?? []).map((o) => [o.id, o]));
  const save = useSavePlan(fy, item.measureId);
  const notify = useSaveNotice();
  const [plan, setPlan] = useState(item.plan.planText);
  const [next, setNext] = useState(item.plan.nextPlanText);
  const staff = user?.role === 'nisc_staff' || user?.role === 'nisc_admin';
  // Who may see submissions (liaisons their own ministry's, NISC all): the panel shows their state.
  const submissions = useResultSubmissions(
    { fy: String(fy), measure: item.measureId },
    { enabled: !!user && can(user.role, 'submission.read') },
  );
  const error = save.error instanceof ApiError ? save.error.message : null;
  const planLabel = `${fiscalYearLabel(fy, lang)} ${t('planText')}`;
  const nextLabel = `${t('nextPlanText')}（${fiscalYearLabel(fy + 1, lang)}）`;
  return (
    <div>
      <p>
        {t('itemNumber')}: {item.number || t('notInPlan')}
      </p>
      {staff ? (
        <>
          <div className="field field--wide">
            <label htmlFor="a-plan">{planLabel}</label>
            <textarea id="a-plan" rows={3} value={plan} onChange={(e) => setPlan(e.target.value)} />
          </div>
          <div className="field field--wide">
            <label htmlFor="a-next">{nextLabel}</label>
            <textarea id="a-next" rows={3} value={next} onChange={(e) => setNext(e.target.value)} />
          </div>
          <button
            type="button"
            disabled={save.isPending}
            onClick={() =>
              save.mutate(
                { kind: 'plan', planText: plan, nextPlanText: next, version: item.plan.version },
                { onSuccess: () => notify(fill(t('planTextSaved'), { fy: fiscalYearLabel(fy, lang) })) },
              )
            }
          >
            {t('save')}
          </button>
        </>
      ) : (
        <>
          <ReadOnlyField label={planLabel} text={item.plan.planText} empty={t('noTextYet')} />
          <ReadOnlyField label={nextLabel} text={item.plan.nextPlanText} empty={t('noTextYet')} />
        </>
      )}
      <h3>{t('resultsFor')}</h3>
      {item.results.map((r) => (
        <AnnualResult
          key={`${r.ministryId}-${r.version}`}
          fy={fy}
          measureId={item.measureId}
          result={r}
          label={orgName(orgs.get(r.ministryId), lang)}
          mode={staff ? 'direct' : user?.role === 'liaison' && user.ministryId === r.ministryId ? 'submit' : 'read'}
          latest={latestOf(submissions.data?.items ?? [], r.ministryId)}
        />
      ))}
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The submission that speaks for a ministry's results: one awaiting review, else the newest. */
function latestOf(items: readonly ResultSubmission[], ministryId: string): ResultSubmission | undefined {
  const own = items.filter((s) => s.ministryId === ministryId);
  return own.find((s) => s.state === 'pending') ?? own[0];
}
