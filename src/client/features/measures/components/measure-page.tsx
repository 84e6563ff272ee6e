import { getRouteApi, Link } from '@tanstack/react-router';
import { AsOfControl } from '@/client/components/as-of-control';
import { QueryState } from '@/client/components/query-state';
import { ApiError } from '@/client/lib/api-client';
import { useI18n } from '@/client/lib/i18n';
import { useSession } from '@/client/features/auth/api/get-session';
import { useMeta } from '@/client/features/strategy/api/get-meta';
import { assignmentActions } from '@/client/features/updates/components/assignment-actions';
import { FyTargetEditor } from '@/client/features/updates/components/fy-target-editor';
import { MeasureStaffActions } from '@/client/features/updates/components/measure-staff-actions';
import { MeasureSubmissions } from '@/client/features/updates/components/measure-submissions';
import { useMeasure } from '../api/get-measure';
import { MeasureAnnualPlan } from './measure-annual-plan';
import { MeasureAssignments } from './measure-assignments';
import { MeasureHeader } from './measure-header';
import { MeasureHistory } from './measure-history';
import { MeasureLeadIns } from './lead-ins';
import { MeasureMilestones } from './measure-milestones';
import { MeasurePlanActual } from './measure-plan-actual';
import { MeasureProgress } from './measure-progress';
import { MeasurePublicComments } from './measure-public-comments';
import { MeasureSource } from './measure-source';

const route = getRouteApi('/measures/$measureId');

export function MeasurePage() {
  const { t } = useI18n();
  const { measureId } = route.useParams();
  const { asOf } = route.useSearch();
  const query = useMeasure(measureId, asOf);
  const today = useMeta().data?.defaults.asOf;
  const session = useSession().data;
  if (query.error instanceof ApiError && query.error.status === 404) {
    return (
      <section>
        <h1>{t('notFoundMeasure')}</h1>
        <Link to="/measures">{t('backToList')}</Link>
      </section>
    );
  }
  return (
    <QueryState query={query} skeletonRows={8}>
      {(m) => (
        <article aria-labelledby="measure-title" className="measure">
          <MeasureHeader measure={m} />
          <MeasureStaffActions measureId={m.id} session={session} />
          <AsOfControl />
          <MeasureSource measure={m} />
          <MeasureLeadIns measure={m} />
          <MeasureAssignments measure={m} actions={assignmentActions(m, session, asOf)} />
          <MeasureSubmissions measureId={m.id} session={session} />
          <MeasurePlanActual measure={m} asOf={asOf ?? today ?? m.start} />
          <MeasureProgress measure={m} asOf={asOf ?? today ?? m.history[0]?.effectiveOn ?? m.start} />
          <MeasureMilestones measure={m} asOf={asOf ?? today ?? m.start} />
          <MeasureAnnualPlan
            measureId={m.id}
            asOf={asOf ?? today ?? m.start}
            fyTarget={(fy) => <FyTargetEditor measure={m} fy={fy} />}
          />
          <MeasureHistory measure={m} />
          <MeasurePublicComments measure={m} />
        </article>
      )}
    </QueryState>
  );
}
