import { HEALTHS, STATUSES, type Health, type Status } from '@/domain/plan';
import type { MeasureState } from '@/domain/plan';

export type Counts = {
  total: number;
  byStatus: Record<Status, number>;
  byHealth: Record<Health, number>;
  /** Mean progress of the measures, 0–100, rounded; 0 when there are none. */
  progress: number;
};

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function countStates(states: readonly { status: Status; health: Health; progress: number }[]): Counts {
  const byStatus = zeroed(STATUSES);
  const byHealth = zeroed(HEALTHS);
  let sum = 0;
  for (const s of states) {
    byStatus[s.status]++;
    byHealth[s.health]++;
    sum += s.progress;
  }
  return { total: states.length, byStatus, byHealth, progress: states.length ? Math.round(sum / states.length) : 0 };
}

export type GroupCounts = { key: string; counts: Counts };

/** Roll measures up into groups (sections, areas …) in the order of `keys`; empty groups stay. */
export function groupCounts(
  states: readonly MeasureState[],
  keys: readonly string[],
  keyOf: (s: MeasureState) => string,
): GroupCounts[] {
  const groups = new Map<string, MeasureState[]>(keys.map((k) => [k, []]));
  for (const s of states) groups.get(keyOf(s))?.push(s);
  return keys.map((key) => ({ key, counts: countStates(groups.get(key) ?? []) }));
}

export type MinistryCounts = {
  ministryId: string;
  lead: number;
  contributing: number;
  /** Counted over the ministry's own assignments (their status and progress), with the measure's health. */
  counts: Counts;
  lastUpdate: string | null;
};

/**
 * Per ministry: the measures it leads and contributes to, counted by its own assignment's status
 * and progress, and by the health of the measure it belongs to.
 */
export function ministryCounts(states: readonly MeasureState[], ministryIds: readonly string[]): MinistryCounts[] {
  const rows = new Map<
    string,
    {
      lead: number;
      contributing: number;
      parts: { status: Status; health: Health; progress: number }[];
      last: string | null;
    }
  >(ministryIds.map((id) => [id, { lead: 0, contributing: 0, parts: [], last: null }]));
  for (const s of states) {
    for (const a of s.assignments) {
      const row = rows.get(a.ministryId);
      if (!row) continue;
      row[a.role === 'lead' ? 'lead' : 'contributing']++;
      row.parts.push({ status: a.status, progress: a.progress, health: assignmentHealth(a.status, s.health) });
      if (a.lastUpdate && (!row.last || a.lastUpdate > row.last)) row.last = a.lastUpdate;
    }
  }
  return ministryIds.map((ministryId) => {
    const r = rows.get(ministryId)!;
    return { ministryId, lead: r.lead, contributing: r.contributing, counts: countStates(r.parts), lastUpdate: r.last };
  });
}

/** A ministry's finished share is done even while the measure as a whole is late. */
export function assignmentHealth(status: Status, measureHealth: Health): Health {
  if (status === 'completed') return 'done';
  if (status === 'suspended') return 'suspended';
  return measureHealth === 'done' || measureHealth === 'suspended' ? 'on_track' : measureHealth;
}
