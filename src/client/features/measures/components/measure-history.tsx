import { format, parseISO } from 'date-fns';
import type { HistoryEntry, MeasureChange, MeasureDetail } from '@/domain/contract';
import { tokyoDayOf } from '@/domain/plan';
import type { RagOverride } from '@/domain/plan';
import { STATUS_LABELS } from '@/domain/plan';
import { RagBadge } from '@/client/components/badges';
import { useI18n } from '@/client/lib/i18n';
import { orgName } from '@/client/lib/labels';
import { useMinistries } from '@/client/features/strategy/api/get-ministries';
import { DueText } from './due-text';

type Entry =
  | { kind: 'progress'; day: string; at: string; key: string; h: HistoryEntry }
  | { kind: 'measure'; day: string; at: string; key: string; c: MeasureChange };

/** Progress updates per ministry and measure-level changes (rating, deadline), newest first. */
export function timelineEntries(m: Pick<MeasureDetail, 'history' | 'changes'>): Entry[] {
  const entries: Entry[] = [
    ...m.history.map((h) => ({ kind: 'progress' as const, day: h.effectiveOn, at: h.recordedAt, key: `p${h.id}`, h })),
    ...m.changes.map((c) => ({ kind: 'measure' as const, day: tokyoDayOf(c.at), at: c.at, key: `m${c.id}`, c })),
  ];
  // Stable: entries of one kind keep the server's newest-first order when their dates tie.
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.day.localeCompare(a.e.day) || b.e.at.localeCompare(a.e.at) || a.i - b.i)
    .map(({ e }) => e);
}

const sameRag = (a: RagOverride | null, b: RagOverride | null) => a?.rating === b?.rating && a?.reason === b?.reason;

function Recorded({
  actor,
  at,
  comment,
  submittedBy,
}: {
  actor: string;
  at: string;
  comment: string;
  submittedBy?: string | null;
}) {
  const { t } = useI18n();
  return (
    <p className="sub">
      {t('actor')}: {actor}
      {/* An approved submission applies under both names: the reviewer and the ministry's submitter. */}
      {submittedBy && ` (${t('submittedBy')}: ${submittedBy})`} ·{' '}
      <time dateTime={at}>{format(parseISO(at), 'yyyy-MM-dd HH:mm')}</time>
      {comment && ` · ${t('comment')}: ${comment}`}
    </p>
  );
}

function RagText({ rag }: { rag: RagOverride | null }) {
  const { t } = useI18n();
  if (!rag) return <span>{t('ragNone')}</span>;
  return (
    <span>
      <RagBadge rag={rag.rating} /> <span className="sub">{rag.reason}</span>
    </span>
  );
}

export function MeasureHistory({ measure: m }: { measure: MeasureDetail }) {
  const { t, l, lang } = useI18n();
  const ministries = useMinistries();
  const orgs = new Map((ministries.data?.items ?? []).map((o) => [o.id, o]));
  const entries = timelineEntries(m);
  return (
    <section aria-labelledby="history-title" className="card">
      <h2 id="history-title">{t('history')}</h2>
      {entries.length === 0 ? (
        <p className="empty">{t('noHistory')}</p>
      ) : (
        <ol className="timeline">
          {entries.map((e) =>
            e.kind === 'progress' ? (
              <li key={e.key}>
                <p className="timeline__head">
                  <time dateTime={e.day}>{e.day}</time> · {orgName(orgs.get(e.h.ministryId), lang)} ·{' '}
                  {l(STATUS_LABELS[e.h.status])} {e.h.progress}%
                </p>
                {e.h.narrative && <p>{e.h.narrative}</p>}
                <Recorded actor={e.h.actor} at={e.h.recordedAt} comment={e.h.comment} submittedBy={e.h.submittedBy} />
              </li>
            ) : (
              <li key={e.key} className="timeline__measure">
                <p className="timeline__head">
                  <time dateTime={e.day}>{e.day}</time> · {t('wholeMeasure')}
                </p>
                {!sameRag(e.c.before.rag, e.c.after.rag) && (
                  <p>
                    {t('ragOverride')}: <RagText rag={e.c.before.rag} /> → <RagText rag={e.c.after.rag} />
                  </p>
                )}
                {JSON.stringify(e.c.before.due) !== JSON.stringify(e.c.after.due) && (
                  <p>
                    {t('due')}: <DueText due={e.c.before.due} /> → <DueText due={e.c.after.due} />
                  </p>
                )}
                <Recorded actor={e.c.actor} at={e.c.at} comment={e.c.comment} />
              </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
