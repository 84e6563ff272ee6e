import type { ScenarioPlan } from '@/domain/seeds';
import type { Clock } from '../clock';
import type { Change, Store } from '../store/port';

/**
 * A scenario's sample plan texts and results (seeds/scenarios/*.json `plans`) as annual records,
 * checked against the plan before anything is written: an unknown measure or assignment refuses
 * the scenario before its events are loaded.
 */
export async function scenarioPlanChanges(
  store: Store,
  clock: Clock,
  plans: readonly ScenarioPlan[],
  actor: string,
): Promise<Change[]> {
  const snapshot = await store.snapshot();
  const measures = new Set(snapshot.measures.map((m) => m.id));
  const assignments = new Set(snapshot.assignments.map((a) => `${a.measureId}\u0000${a.ministryId}`));
  const now = clock.now();
  const changes: Change[] = [];
  for (const p of plans) {
    if (!measures.has(p.measureCode)) throw new Error(`scenario plan: unknown measure ${p.measureCode}`);
    if (p.planText !== undefined || p.nextPlanText !== undefined)
      changes.push({
        kind: 'annualPlan',
        expectVersion: null,
        next: {
          fy: p.fy,
          measureId: p.measureCode,
          planText: p.planText ?? '',
          nextPlanText: p.nextPlanText ?? '',
          updatedBy: actor,
          updatedAt: now,
          version: 1,
        },
      });
    for (const r of p.results ?? []) {
      if (!assignments.has(`${p.measureCode}\u0000${r.ministryId}`))
        throw new Error(`scenario plan: no assignment ${p.measureCode} × ${r.ministryId}`);
      changes.push({
        kind: 'annualResult',
        expectVersion: null,
        next: {
          fy: p.fy,
          measureId: p.measureCode,
          ministryId: r.ministryId,
          text: r.text,
          updatedBy: actor,
          updatedAt: now,
          version: 1,
        },
      });
    }
  }
  return changes;
}
