import type { HistoryEntry } from '@/domain/contract';
import type { AssignmentPatchBody } from '@/domain/contract';
import { STATUS_LABELS, type Status } from '@/domain/plan';
import { ConflictView, type ConflictRow } from '@/client/components/conflict-view';
import { useI18n } from '@/client/lib/i18n';
import type { ProgressValues } from './progress-fields';
import { tokyoTime } from './submission-state';
import './updates.css';

type Values = { status: Status; progress: number; narrative: string; confirmed?: boolean };

/** The assignment someone else changed, beside the user's own change (src/client/components/conflict-view). */
export function AssignmentConflict({
  base,
  current,
  history,
  mine,
  patch,
  pending,
  onReapply,
  onDiscard,
  reapplyLabel,
}: {
  base: Values & { version: number };
  current: Values & { version: number };
  history: HistoryEntry[];
  mine: ProgressValues;
  patch: Omit<AssignmentPatchBody, 'comment'>;
  pending: boolean;
  onReapply: () => void;
  onDiscard: () => void;
  reapplyLabel?: string;
}) {
  const { t, l, lang } = useI18n();
  const latest = [...history].sort((a, b) => b.recordedAt.localeCompare(a.recordedAt))[0];
  const text = (s: string) => (s ? <span className="narrative-cell">{s}</span> : '—');
  const rows: ConflictRow[] = [
    {
      field: 'status',
      label: t('status'),
      base: l(STATUS_LABELS[base.status]),
      theirs: l(STATUS_LABELS[current.status]),
      mine: l(STATUS_LABELS[mine.status]),
      mineChanged: patch.status !== undefined,
      theirsChanged: current.status !== base.status,
    },
    {
      field: 'progress',
      label: t('progress'),
      base: `${base.progress}%`,
      theirs: `${current.progress}%`,
      mine: `${mine.progress}%`,
      mineChanged: patch.progress !== undefined,
      theirsChanged: current.progress !== base.progress,
    },
    {
      field: 'narrative',
      label: t('narrative'),
      base: text(base.narrative),
      theirs: text(current.narrative),
      mine: text(mine.narrative),
      mineChanged: patch.narrative !== undefined,
      theirsChanged: current.narrative !== base.narrative,
    },
  ];
  // Confirmation matters only where it is in play: the user confirmed, or someone else did.
  if (
    base.confirmed !== undefined &&
    current.confirmed !== undefined &&
    (patch.confirmed || current.confirmed !== base.confirmed)
  ) {
    const yesNo = (b: boolean) => (b ? t('confirmedYes') : t('confirmedNo'));
    rows.push({
      field: 'confirmed',
      label: t('confirmedLabel'),
      base: yesNo(base.confirmed),
      theirs: yesNo(current.confirmed),
      mine: yesNo(true),
      mineChanged: patch.confirmed !== undefined,
      theirsChanged: current.confirmed !== base.confirmed,
    });
  }
  return (
    <ConflictView
      rows={rows}
      pending={pending}
      onReapply={onReapply}
      onDiscard={onDiscard}
      reapplyLabel={reapplyLabel}
      versions={{ base: base.version, current: current.version }}
      who={
        <>
          {latest && (
            <>
              {' '}
              {t('conflictLatest')}: {latest.actor} ({tokyoTime(latest.recordedAt)})
              {latest.comment ? ` — ${lang === 'ja' ? `「${latest.comment}」` : `“${latest.comment}”`}` : ''}
            </>
          )}
        </>
      }
    />
  );
}
