import { MeasureChangeSchema, type MeasureChange, type MeasureDetail } from '@/domain/contract';
import { tokyoDayOf, type IsoDate } from '@/domain/plan';
import { measureDetail } from '@/domain/contract';
import type { PlanIndex } from '@/domain/plan';
import type { Store } from '../store/port';

/** How many measure-level changes a measure page shows; older ones stay in the audit log. */
const CHANGES_SHOWN = 200;

/**
 * Measure-level updates (RAG override, deadline) are not progress events: they live in the audit trail,
 * which records the fields before and after with the comment. The measure's timeline reads them there,
 * so the timeline and the audit cannot disagree.
 */
export async function measureChanges(store: Store, id: string, asOf: IsoDate): Promise<MeasureChange[]> {
  const { items } = await store.listAudit({
    entity: 'measure',
    entityId: id,
    action: 'measure.update',
    limit: CHANGES_SHOWN,
    offset: 0,
  });
  const out: MeasureChange[] = [];
  for (const a of items) {
    if (tokyoDayOf(a.at) > asOf) continue;
    const after = a.after as { comment?: unknown } | null;
    const parsed = MeasureChangeSchema.safeParse({
      id: a.id,
      at: a.at,
      actor: a.actor,
      comment: typeof after?.comment === 'string' ? after.comment : '',
      before: a.before,
      after: a.after,
    });
    if (parsed.success) out.push(parsed.data);
  }
  return out.sort((x, y) => y.id - x.id);
}

/** The measure as the API answers it: the index's view plus its audited measure-level changes. */
export async function fullMeasureDetail(
  store: Store,
  index: PlanIndex,
  id: string,
  asOf: IsoDate,
): Promise<MeasureDetail | null> {
  const core = measureDetail(index, id, asOf);
  return core && { ...core, changes: await measureChanges(store, id, asOf) };
}
