import type { MeasureDetail } from '@/domain/contract';
import type { MeasurePatchBody } from '@/domain/contract';
import { DUE_KIND_LABELS } from '@/domain/plan';
import { RAG_LABELS } from '@/domain/plan';
import { ConflictView, type ConflictActions } from '@/client/components/conflict-view';
import { useI18n } from '@/client/lib/i18n';

/** A measure-level update refused as stale: RAG override and deadline, theirs beside the user's. */
export function MeasureConflict({
  base,
  current,
  patch,
  ...actions
}: ConflictActions & {
  base: MeasureDetail;
  current: MeasureDetail;
  patch: Omit<MeasurePatchBody, 'comment'>;
}) {
  const { t, l } = useI18n();
  const rag = (r: MeasureDetail['rag'] | undefined) => (r ? `${l(RAG_LABELS[r.rating])} — ${r.reason}` : t('ragNone'));
  const due = (d: Pick<MeasureDetail['due'], 'wording' | 'kind' | 'date'>) =>
    `${d.wording ?? '—'} (${l(DUE_KIND_LABELS[d.kind])}${d.date ? `, ${d.date}` : ''})`;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    <ConflictView
      {...actions}
      versions={{ base: base.version, current: current.version }}
      rows={[
        {
          field: 'rag',
          label: t('ragOverride'),
          base: rag(base.rag),
          theirs: rag(current.rag),
          mine: rag(patch.rag),
          mineChanged: patch.rag !== undefined,
          theirsChanged: !same(base.rag, current.rag),
        },
        {
          field: 'due',
          label: t('due'),
          base: due(base.due),
          theirs: due(current.due),
          mine: patch.due ? due(patch.due) : '',
          mineChanged: patch.due !== undefined,
          theirsChanged: !same(base.due, current.due),
        },
      ]}
    />
  );
}
