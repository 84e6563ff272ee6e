import { daysBetween, type IsoDate } from '@/domain/plan';
import type { DueKind } from '@/domain/plan';
import { expectedProgress } from '@/domain/plan';
import type { LocalizedText } from '@/domain/plan';
import type { MeasureState } from '@/domain/plan';
import type { Health, Status } from '@/domain/plan';

/** "Needs attention" on the overview: late, soon due and behind, or silent for too long. */

/** A measure due within this many days and behind its expected pace needs attention. */
export const ATTENTION_DUE_SOON_DAYS = 90;
/** A measure not updated for more than this many days (since its start if never) needs attention. */
export const ATTENTION_STALE_DAYS = 180;

export type AttentionItem = {
  id: string;
  code: string;
  title: LocalizedText;
  leadMinistryId: string | null;
  status: Status;
  health: Health;
  progress: number;
  /** Progress on the straight line from start to due at the as-of date. */
  expected: number;
  dueDate: IsoDate;
  dueKind: DueKind;
  lastUpdate: IsoDate | null;
  /** Overdue: days past the due date; due soon: days left; stale: days since the last update. */
  days: number;
};

export type AttentionList = { total: number; items: AttentionItem[] };
export type Attention = { overdue: AttentionList; dueSoon: AttentionList; stale: AttentionList };

const isOpen = (s: MeasureState) => s.status !== 'completed' && s.status !== 'suspended';

function item(s: MeasureState, asOf: IsoDate, days: number): AttentionItem {
  const m = s.measure;
  return {
    id: m.id,
    code: m.code,
    title: m.title,
    leadMinistryId: s.assignments.find((a) => a.role === 'lead')?.ministryId ?? null,
    status: s.status,
    health: s.health,
    progress: s.progress,
    expected: m.due.kind === 'continuous' ? 0 : expectedProgress(m.start, s.dueDate, asOf, m.fyTargets),
    dueDate: s.dueDate,
    dueKind: m.due.kind,
    lastUpdate: s.lastUpdate,
    days,
  };
}

function list(items: AttentionItem[], order: (a: AttentionItem, b: AttentionItem) => number, limit: number) {
  const sorted = items.sort((a, b) => order(a, b) || a.code.localeCompare(b.code));
  return { total: sorted.length, items: sorted.slice(0, limit) };
}

export function overdueItems(states: readonly MeasureState[], asOf: IsoDate): AttentionItem[] {
  return states.filter((s) => s.health === 'overdue').map((s) => item(s, asOf, daysBetween(s.dueDate, asOf)));
}

/** Due in 0–90 days (continuous measures never fall due) with progress below the expected pace. */
export function dueSoonItems(states: readonly MeasureState[], asOf: IsoDate): AttentionItem[] {
  // Cheap date checks first: with thousands of measures only a few are near their deadline.
  const near = (s: MeasureState) => s.dueDate >= asOf && daysBetween(asOf, s.dueDate) <= ATTENTION_DUE_SOON_DAYS;
  return states
    .filter((s) => isOpen(s) && s.measure.due.kind !== 'continuous' && near(s))
    .map((s) => item(s, asOf, daysBetween(asOf, s.dueDate)))
    .filter((i) => i.progress < i.expected);
}

/** Open measures whose last update (or start, if never updated) is more than 180 days old. */
export function staleItems(states: readonly MeasureState[], asOf: IsoDate): AttentionItem[] {
  const silentFor = (s: MeasureState) => daysBetween(s.lastUpdate ?? s.measure.start, asOf);
  return states
    .filter((s) => isOpen(s) && s.measure.start <= asOf && silentFor(s) > ATTENTION_STALE_DAYS)
    .map((s) => item(s, asOf, silentFor(s)));
}

/** The three lists, most urgent first, each cut to `limit` items with the full count beside it. */
export const ATTENTION_KINDS = ['overdue', 'dueSoon', 'stale'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

/** The states in one "needs attention" list, whole (the overview shows the first few, the list page all). */
export function attentionStates(states: readonly MeasureState[], kind: AttentionKind, asOf: IsoDate): MeasureState[] {
  const pick = { overdue: overdueItems, dueSoon: dueSoonItems, stale: staleItems }[kind];
  const ids = new Set(pick(states, asOf).map((i) => i.id));
  return states.filter((s) => ids.has(s.measure.id));
}

export function needsAttention(states: readonly MeasureState[], asOf: IsoDate, limit = 10): Attention {
  return {
    overdue: list(overdueItems(states, asOf), (a, b) => b.days - a.days, limit),
    dueSoon: list(dueSoonItems(states, asOf), (a, b) => a.days - b.days, limit),
    stale: list(staleItems(states, asOf), (a, b) => b.days - a.days, limit),
  };
}
