import { HEALTH_LABELS, RAG_LABELS, STATUS_LABELS, type Health, type Rag, type Status } from '@/domain/plan';
import { useI18n } from '../lib/i18n';
import './badges.css';

// Each state has its own symbol as well as its colour: never colour alone.
const STATUS_ICON: Record<Status, string> = { not_started: '○', in_progress: '◐', completed: '●', suspended: '×' };
const HEALTH_ICON: Record<Health, string> = { on_track: '✓', at_risk: '!', overdue: '‼', done: '✓', suspended: '–' };
const RAG_ICON: Record<Rag, string> = { green: '●', amber: '▲', red: '■' };

export function StatusBadge({ status }: { status: Status }) {
  const { l } = useI18n();
  return (
    <span className={`badge badge--status-${status}`}>
      <span aria-hidden="true">{STATUS_ICON[status]} </span>
      {l(STATUS_LABELS[status])}
    </span>
  );
}

export function HealthBadge({ health }: { health: Health }) {
  const { l } = useI18n();
  return (
    <span className={`badge badge--health-${health}`}>
      <span aria-hidden="true">{HEALTH_ICON[health]} </span>
      {l(HEALTH_LABELS[health])}
    </span>
  );
}

export function RagBadge({ rag }: { rag: Rag }) {
  const { l } = useI18n();
  return (
    <span className={`badge badge--rag-${rag}`}>
      <span aria-hidden="true">{RAG_ICON[rag]} </span>
      {l(RAG_LABELS[rag])}
    </span>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <span className="progress">
      <span
        className="progress__track"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={label}
      >
        <span className="progress__fill" style={{ width: `${value}%` }} />
      </span>
      <span className="progress__value">{value}%</span>
    </span>
  );
}
