import { useState, type ReactNode } from 'react';
import type { PlanItem } from '@/domain/contract';
import { fiscalYearLabel, fiscalYearOf } from '@/domain/plan';
import { QueryState } from '@/client/components/query-state';
import { ApiError } from '@/client/lib/api-client';
import { clampFiscalYear, fiscalYearChoices } from '@/client/lib/fiscal-years';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useSession } from '@/client/features/auth/api/get-session';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { useMeasurePlan, useSavePlan } from '../api/annual-plan';

/** 年次計画 / 成果 / 翌年度計画 for one measure and fiscal year: NISC edits all, a liaison their results. */
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
  const [plan, setPlan] = useState(item.plan.planText);
  const [next, setNext] = useState(item.plan.nextPlanText);
  const staff = user?.role === 'nisc_staff' || user?.role === 'nisc_admin';
  const error = save.error instanceof ApiError ? save.error.message : null;
  return (
    <div>
      <p>
        {t('itemNumber')}: {item.number || t('notInPlan')}
      </p>
      <div className="field field--wide">
        <label htmlFor="a-plan">
          {fiscalYearLabel(fy, lang)} {t('planText')}
        </label>
        <textarea id="a-plan" rows={3} value={plan} readOnly={!staff} onChange={(e) => setPlan(e.target.value)} />
      </div>
      <div className="field field--wide">
        <label htmlFor="a-next">
          {t('nextPlanText')}（{fiscalYearLabel(fy + 1, lang)}）
        </label>
        <textarea id="a-next" rows={3} value={next} readOnly={!staff} onChange={(e) => setNext(e.target.value)} />
      </div>
      {staff && (
        <button
          type="button"
          disabled={save.isPending}
          onClick={() => save.mutate({ kind: 'plan', planText: plan, nextPlanText: next, version: item.plan.version })}
        >
          {t('save')}
        </button>
      )}
      <h3>{t('resultsFor')}</h3>
      {item.results.map((r) => (
        <ResultEditor
          key={`${r.ministryId}-${r.version}`}
          label={orgName(orgs.get(r.ministryId), lang)}
          text={r.text}
          editable={staff || (user?.role === 'liaison' && user.ministryId === r.ministryId)}
          onSave={(text) => save.mutate({ kind: 'result', ministryId: r.ministryId, text, version: r.version })}
          busy={save.isPending}
          id={`a-result-${r.ministryId}`}
        />
      ))}
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {save.isSuccess && <p role="status">{t('saved')}</p>}
    </div>
  );
}

function ResultEditor(p: {
  id: string;
  label: string;
  text: string;
  editable: boolean;
  busy: boolean;
  onSave: (text: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(p.text);
  return (
    <div className="field field--wide">
      <label htmlFor={p.id}>{p.label}</label>
      <textarea id={p.id} rows={3} value={text} readOnly={!p.editable} onChange={(e) => setText(e.target.value)} />
      {p.editable && (
        <button type="button" disabled={p.busy} onClick={() => p.onSave(text)}>
          {t('save')}
        </button>
      )}
    </div>
  );
}
