import { describe, expect, it } from 'vitest';
import { allStatesAt, buildIndex, measureStateAt } from './snapshot';
import type { Health, Status } from './status';
import { fixtureSnapshot } from './test-fixtures';

const index = buildIndex(fixtureSnapshot());

function stateOf(id: string, asOf: string) {
  const m = index.measureById.get(id);
  if (!m) throw new Error(`no measure ${id}`);
  return measureStateAt(index, m, asOf);
}

describe('buildIndex', () => {
  it('finds measures by id and by code', () => {
    expect(index.measureById.get('m5')?.code).toBe('5.2.2(1)-1');
    expect(index.measureByCode.get('5.2.2(1)-1')?.id).toBe('m5');
    expect(index.measureById.size).toBe(6);
  });

  it('orders each measure’s events by date, ties by recording order, whatever the input order', () => {
    for (const events of index.eventsByMeasure.values()) {
      const keys = events.map((e) => `${e.effectiveOn}#${String(e.id).padStart(4, '0')}`);
      expect(keys).toEqual([...keys].sort());
    }
    expect(index.eventsByMeasure.get('m5')?.map((e) => e.id)).toEqual([9, 10, 11, 12]);
    expect(index.eventsByMeasure.get('m3')?.map((e) => e.id)).toEqual([1]);
  });

  it('does not reorder the snapshot’s own event list', () => {
    const snapshot = fixtureSnapshot();
    const before = snapshot.events.map((e) => e.id);
    buildIndex(snapshot);
    expect(snapshot.events.map((e) => e.id)).toEqual(before);
  });

  it('gives each assignment only its own ministry’s points, lead first', () => {
    const tracks = index.tracksByMeasure.get('m3') ?? [];
    expect(tracks.map((t) => [t.record.ministryId, t.record.role])).toEqual([
      ['nisc', 'lead'],
      ['mic', 'contributing'],
    ]);
    expect(tracks[0]?.points.map((p) => p.effectiveOn)).toEqual(['2015-05-01']);
    expect(tracks[1]?.points).toEqual([]);
    const m5 = index.tracksByMeasure.get('m5') ?? [];
    expect(m5.map((t) => [t.record.ministryId, t.points.map((p) => p.effectiveOn)])).toEqual([
      ['mic', ['2016-04-01', '2016-04-01', '2017-02-28']],
      ['meti', ['2017-01-31']],
    ]);
  });
});

describe('measureStateAt', () => {
  it.each<{ id: string; asOf: string; status: Status; progress: number; health: Health; lastUpdate: string | null }>([
    // m1: lead meti 40 (×2) + mic 20 → 33, exactly on the straight line.
    { id: 'm1', asOf: '2015-07-01', status: 'in_progress', progress: 33, health: 'on_track', lastUpdate: '2015-06-30' },
    // meti done, mic not yet: (200 + 20) / 3; 16 days to due and 21 behind.
    { id: 'm1', asOf: '2015-12-15', status: 'in_progress', progress: 73, health: 'at_risk', lastUpdate: '2015-12-15' },
    { id: 'm1', asOf: '2015-12-20', status: 'completed', progress: 100, health: 'done', lastUpdate: '2015-12-20' },
    // m2: not started after 91 of 365 days: exactly 25 behind, not yet at risk.
    { id: 'm2', asOf: '2015-07-01', status: 'not_started', progress: 0, health: 'on_track', lastUpdate: null },
    { id: 'm2', asOf: '2016-01-15', status: 'in_progress', progress: 50, health: 'at_risk', lastUpdate: '2015-10-01' },
    { id: 'm2', asOf: '2016-04-01', status: 'completed', progress: 100, health: 'done', lastUpdate: '2016-02-01' },
    // Reopened after its due date: overdue again.
    { id: 'm2', asOf: '2016-07-01', status: 'in_progress', progress: 80, health: 'overdue', lastUpdate: '2016-06-01' },
    // m3: continuous; lead nisc 30 (×2) + mic not started.
    { id: 'm3', asOf: '2015-04-30', status: 'not_started', progress: 0, health: 'on_track', lastUpdate: null },
    { id: 'm3', asOf: '2015-05-01', status: 'in_progress', progress: 20, health: 'on_track', lastUpdate: '2015-05-01' },
    { id: 'm3', asOf: '2019-01-01', status: 'in_progress', progress: 20, health: 'on_track', lastUpdate: '2015-05-01' },
    // m4: asap, nothing recorded; judged against the plan end.
    { id: 'm4', asOf: '2015-07-01', status: 'not_started', progress: 0, health: 'on_track', lastUpdate: null },
    { id: 'm4', asOf: '2016-01-15', status: 'not_started', progress: 0, health: 'at_risk', lastUpdate: null },
    { id: 'm4', asOf: '2018-03-31', status: 'not_started', progress: 0, health: 'at_risk', lastUpdate: null },
    { id: 'm4', asOf: '2018-04-01', status: 'not_started', progress: 0, health: 'overdue', lastUpdate: null },
    // m5: the later of two same-day updates wins (35, not 30): (70 + 0) / 3.
    { id: 'm5', asOf: '2016-04-01', status: 'in_progress', progress: 23, health: 'at_risk', lastUpdate: '2016-04-01' },
    // meti suspended: it drops out and mic alone counts.
    { id: 'm5', asOf: '2017-02-01', status: 'in_progress', progress: 35, health: 'at_risk', lastUpdate: '2017-01-31' },
    { id: 'm5', asOf: '2017-03-01', status: 'completed', progress: 100, health: 'done', lastUpdate: '2017-02-28' },
    { id: 'm6', asOf: '2018-04-01', status: 'not_started', progress: 0, health: 'overdue', lastUpdate: null },
  ])('$id at $asOf: $status $progress $health', ({ id, asOf, status, progress, health, lastUpdate }) => {
    const s = stateOf(id, asOf);
    expect({ status: s.status, progress: s.progress, health: s.health, lastUpdate: s.lastUpdate }).toEqual({
      status,
      progress,
      health,
      lastUpdate,
    });
  });

  it.each([
    { id: 'm1', dueDate: '2015-12-31' },
    { id: 'm2', dueDate: '2016-03-31' },
    { id: 'm3', dueDate: '2018-03-31' },
    { id: 'm4', dueDate: '2018-03-31' },
    { id: 'm5', dueDate: '2017-03-31' },
    { id: 'm6', dueDate: '2018-03-31' },
  ])('$id is judged against $dueDate', ({ id, dueDate }) => {
    expect(stateOf(id, '2016-01-01').dueDate).toBe(dueDate);
  });

  it('shows each assignment’s own state, lead first', () => {
    expect(
      stateOf('m5', '2017-02-01').assignments.map((a) => ({
        ministryId: a.ministryId,
        role: a.role,
        status: a.status,
        progress: a.progress,
        lastUpdate: a.lastUpdate,
      })),
    ).toEqual([
      { ministryId: 'mic', role: 'lead', status: 'in_progress', progress: 35, lastUpdate: '2016-04-01' },
      { ministryId: 'meti', role: 'contributing', status: 'suspended', progress: 0, lastUpdate: '2017-01-31' },
    ]);
  });

  it('judges health against the fiscal-year targets NISC set (decision record 018)', () => {
    // m4 (asap, to the plan end) has nothing recorded: 26 points behind the straight line on
    // 2016-01-15, at risk; with 5 % agreed for FY2015, about 4 points behind that line, on track.
    expect(stateOf('m4', '2016-01-15').health).toBe('at_risk');
    const snapshot = fixtureSnapshot();
    snapshot.measures = snapshot.measures.map((m) =>
      m.id === 'm4' ? { ...m, fyTargets: [{ fy: 2015, percent: 5 }] } : m,
    );
    const idx = buildIndex(snapshot);
    expect(measureStateAt(idx, idx.measureById.get('m4')!, '2016-01-15').health).toBe('on_track');
  });

  it('treats a measure with no assignments as not started', () => {
    const snapshot = fixtureSnapshot();
    snapshot.assignments = snapshot.assignments.filter((a) => a.measureId !== 'm4');
    const idx = buildIndex(snapshot);
    const s = measureStateAt(idx, idx.measureById.get('m4')!, '2016-01-01');
    expect([s.status, s.progress, s.assignments]).toEqual(['not_started', 0, []]);
  });
});

describe('allStatesAt', () => {
  it('returns every measure once, in text order', () => {
    expect(allStatesAt(index, '2016-01-01').map((s) => s.measure.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  });
});
