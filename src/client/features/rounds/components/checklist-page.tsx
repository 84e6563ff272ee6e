import { Link, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { can } from '@/domain/auth';
import { STATUS_LABELS, type Status } from '@/domain/plan';
import type { Checklist, ChecklistRow } from '@/domain/rounds';
import { FormError } from '@/client/components/form-field';
import { QueryState } from '@/client/components/query-state';
import { useSession } from '@/client/features/auth/api/get-session';
import { useI18n } from '@/client/lib/i18n';
import { useAnswer, useChecklist, useReviewMinistry, useReviewRow } from '../api/rounds';
import { RoundUpload } from './round-upload';
import { useMinistryName } from './use-ministry-name';
import './rounds.css';

/** /rounds/$roundId/ministries/$ministryId: the liaison answers here; NISC staff review here. */
export function ChecklistPage() {
  const { roundId, ministryId } = useParams({ from: '/rounds/$roundId/ministries/$ministryId' });
  const checklist = useChecklist(roundId, ministryId);
  return <QueryState query={checklist}>{(data) => <ChecklistView data={data} />}</QueryState>;
}

function ChecklistView({ data }: { data: Checklist }) {
  const { t } = useI18n();
  const name = useMinistryName();
  const user = useSession().data?.user;
  const { round, progress } = data;
  const open = round.state === 'open';
  const answering =
    open &&
    !!user &&
    can(user.role, 'progress.report') &&
    (user.role !== 'liaison' || user.ministryId === data.ministryId);
  const reviewing = open && !!user && can(user.role, 'round.manage');
  const bulk = useReviewMinistry();
  const answered = data.rows.filter((r) => r.state === 'answered' && !r.conflict);
  return (
    <div className="rounds-page">
      <p>
        <Link to="/rounds/$roundId" params={{ roundId: round.id }}>
          {round.title}
        </Link>
      </p>
      <h1>
        {t('checklistTitle')}: {name(data.ministryId)}
      </h1>
      <p>
        {t('dueDate')} <strong>{round.dueOn}</strong> · {progress.percent}% ({progress.answered} / {progress.owed}){' '}
        {progress.overdue && <span className="flag flag--overdue">{t('roundOverdue')}</span>}
        {progress.finished && <span className="flag flag--done">{t('finished')}</span>}
      </p>
      {answering && <RoundUpload roundId={round.id} ministryId={data.ministryId} />}
      {reviewing && answered.length > 0 && (
        <p>
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              bulk.mutate({
                roundId: round.id,
                ministryId: data.ministryId,
                decision: 'accept',
                rows: answered.map((r) => ({ id: r.id, version: r.version })),
              })
            }
          >
            {t('acceptAll')} ({answered.length})
          </button>
        </p>
      )}
      <FormError error={bulk.error} />
      {bulk.data && (
        <p role="status">
          {t('reviewOutcome')}:{' '}
          {Object.entries(
            bulk.data.results.reduce<Record<string, number>>(
              (n, r) => ({ ...n, [r.outcome]: (n[r.outcome] ?? 0) + 1 }),
              {},
            ),
          )
            .map(([k, v]) => `${k} ${v}`)
            .join(' · ')}
        </p>
      )}
      {data.rows.map((row) => (
        <RowCard key={row.id} row={row} roundId={round.id} answering={answering} reviewing={reviewing} />
      ))}
    </div>
  );
}

const KIND = { assignment: 'rowKindAssignment', result: 'rowKindResult', nextPlan: 'rowKindNextPlan' } as const;
const STATE = { owed: 'rowOwed', answered: 'rowAnswered', returned: 'rowReturned', accepted: 'rowAccepted' } as const;

function values(v: ChecklistRow['current'], lang: 'ja' | 'en'): string {
  if (!v) return '—';
  if ('status' in v) return `${STATUS_LABELS[v.status][lang]} ${v.progress}% ${v.narrative}`;
  return v.text || '—';
}

function RowCard({
  row,
  roundId,
  answering,
  reviewing,
}: {
  row: ChecklistRow;
  roundId: string;
  answering: boolean;
  reviewing: boolean;
}) {
  const { t, l, lang } = useI18n();
  const answer = useAnswer();
  const review = useReviewRow();
  const [editing, setEditing] = useState(false);
  const canAnswer = answering && row.state !== 'accepted';
  const send = (extra: Record<string, unknown>, unchanged = false) =>
    answer.mutate(
      {
        roundId,
        answers: [{ rowId: row.id, version: row.version, baseVersion: row.currentVersion, unchanged, ...extra }],
      },
      { onSuccess: () => setEditing(false) },
    );
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = form.get(k);
      return typeof v === 'string' ? v : '';
    };
    if (row.kind === 'assignment')
      send({
        status: text('status'),
        progress: Number(text('progress')),
        narrative: text('narrative'),
      });
    else send({ text: text('text') });
  };
  const current = row.current;
  return (
    <article className="checklist-row" data-row={row.id} aria-label={`${row.code} ${t(KIND[row.kind])}`}>
      <header>
        <span>
          <Link to="/measures/$measureId" params={{ measureId: row.measureId }}>
            {row.code}
          </Link>{' '}
          {l(row.title)} — {t(KIND[row.kind])}
        </span>
        <span className={`state state--${row.state}`}>{t(STATE[row.state])}</span>
      </header>
      <p className="hint">
        {t('current')}: {values(current, lang)}
      </p>
      {row.answer && (
        <p>
          {t('answerText')}: {row.unchanged ? `${t('unchanged')} — ` : ''}
          {values(row.answer, lang)}
        </p>
      )}
      {row.reviewComment && row.state === 'returned' && <p className="flag flag--conflict">{row.reviewComment}</p>}
      {row.conflict && <p className="flag flag--conflict">{t('conflict')}</p>}
      {canAnswer && (
        <p>
          <button type="button" className="button" onClick={() => send({}, true)} disabled={answer.isPending}>
            {t('unchanged')}
          </button>{' '}
          <button type="button" className="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
            {t('answer')}
          </button>
        </p>
      )}
      {canAnswer && editing && (
        <form onSubmit={submit}>
          {row.kind === 'assignment' && current && 'status' in current ? (
            <>
              <label>
                {STATUS_LABELS.in_progress[lang] && (lang === 'ja' ? '状況' : 'Status')}
                <select name="status" defaultValue={current.status}>
                  {(Object.keys(STATUS_LABELS) as Status[]).map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s][lang]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {lang === 'ja' ? '進捗（%）' : 'Progress (%)'}
                <input name="progress" type="number" min={0} max={100} defaultValue={current.progress} required />
              </label>
              <label>
                {lang === 'ja' ? '成果・進捗状況' : 'Results and progress'}
                <textarea name="narrative" rows={3} defaultValue={current.narrative} />
              </label>
            </>
          ) : (
            <label>
              {t('answerText')}
              <textarea name="text" rows={3} defaultValue={current && 'text' in current ? current.text : ''} required />
            </label>
          )}
          <button type="submit" className="button button--primary" disabled={answer.isPending}>
            {t('save')}
          </button>
        </form>
      )}
      <FormError error={answer.error} />
      {reviewing && row.state === 'answered' && <ReviewButtons row={row} roundId={roundId} review={review} />}
      <FormError error={review.error} />
    </article>
  );
}

function ReviewButtons({
  row,
  roundId,
  review,
}: {
  row: ChecklistRow;
  roundId: string;
  review: ReturnType<typeof useReviewRow>;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  return (
    <p>
      <button
        type="button"
        className="button button--primary"
        disabled={row.conflict || review.isPending}
        onClick={() => review.mutate({ roundId, rowId: row.id, version: row.version, decision: 'accept' })}
      >
        {t('accept')}
      </button>{' '}
      <label>
        {t('returnReason')} <input value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>{' '}
      <button
        type="button"
        className="button"
        disabled={!comment.trim() || review.isPending}
        onClick={() => review.mutate({ roundId, rowId: row.id, version: row.version, decision: 'return', comment })}
      >
        {t('returnRow')}
      </button>
    </p>
  );
}
