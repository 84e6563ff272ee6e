import { compileSeeds, type CompiledSeeds } from '@/domain/seeds';
import { addDays, monthEnds, type IsoDate } from '@/domain/plan';
import { fiscalYearEnd } from '@/domain/plan';
import type { AssignmentRecord, MeasureRecord, Organisation } from '@/domain/plan';
import type { Status } from '@/domain/plan';
import { loadSeedBundle } from '../../seeds';
import { nodeHasher } from './auth/passwords';
import { newUserRecord } from './auth/users';
import type { Clock } from './clock';
import type { Change, NewAuditEntry, NewProgressEvent, Store } from './store/port';

/**
 * A plausible plan of any size for benchmarks and load tests — never mixed into the real seeds.
 * It keeps the strategy's real structure (areas, sections, items, milestones) and fills it with
 * generated measures, ministries, progress history over the years, pending submissions and the
 * audit entries those writes would have left.
 */
export type SyntheticOptions = { measures: number; ministries: number; years: number; seed?: number };

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticPlan({ measures, ministries, years, seed = 42 }: SyntheticOptions): {
  plan: CompiledSeeds;
  events: NewProgressEvent[];
} {
  const random = mulberry32(seed);
  const real = compileSeeds(loadSeedBundle());
  const assignable = real.organisations.filter((o) => o.assignable);
  const extra: Organisation[] = Array.from({ length: Math.max(0, ministries - assignable.length) }, (_, i) => ({
    id: `syn_${i + 1}`,
    kind: 'ministry',
    assignable: true,
    name: { ja: `合成府省${i + 1}`, en: `Synthetic ministry ${i + 1}` },
  }));
  const orgs = [...assignable.slice(0, ministries), ...extra];
  const lastDay = fiscalYearEnd(2015 + years - 1);
  const dueDates = monthEnds('2015-09-01', lastDay).filter((d) => d.endsWith('-03-31') || d.endsWith('-12-31'));
  const records: MeasureRecord[] = [];
  const assignments: AssignmentRecord[] = [];
  for (let i = 0; i < measures; i++) {
    const template = real.measures[i % real.measures.length]!;
    const r = random();
    const due: MeasureRecord['due'] =
      r < 0.55
        ? { wording: null, kind: 'plan_period', date: null, source: null }
        : r < 0.7
          ? { wording: '継続', kind: 'continuous', date: null, source: '2-3' }
          : {
              wording: '（合成）年度内',
              kind: 'fiscal_year',
              date: dueDates[Math.floor(random() * dueDates.length)]!,
              source: '2-3',
            };
    const id = `${template.itemCode}-s${i + 1}`;
    records.push({
      ...template,
      id,
      code: id,
      title: { ja: `${template.title.ja}（合成${i + 1}）`, en: `${template.title.en} (synthetic ${i + 1})` },
      due,
      crossRefId: null,
      position: i,
      packageIds: [],
      version: 1,
    });
    const count = 1 + Math.floor(random() * 3);
    const picked = new Set<string>();
    while (picked.size < Math.min(count, orgs.length)) picked.add(orgs[Math.floor(random() * orgs.length)]!.id);
    [...picked].forEach((ministryId, k) =>
      assignments.push({
        measureId: id,
        ministryId,
        role: k === 0 ? 'lead' : 'contributing',
        provenance: 'proposed',
        confirmed: random() < 0.5,
        status: 'not_started',
        progress: 0,
        narrative: '',
        version: 1,
      }),
    );
  }
  const plan: CompiledSeeds = {
    ...real,
    organisations: [...real.organisations, ...extra],
    measures: records,
    assignments,
  };
  return { plan, events: syntheticEvents(plan, lastDay, random) };
}

function syntheticEvents(plan: CompiledSeeds, lastDay: IsoDate, random: () => number): NewProgressEvent[] {
  const reports = monthEnds('2015-09-01', lastDay).filter((d) => d.endsWith('-09-30') || d.endsWith('-03-31'));
  const byId = new Map(plan.measures.map((m) => [m.id, m]));
  const events: NewProgressEvent[] = [];
  for (const a of plan.assignments) {
    const due = byId.get(a.measureId)!.due.date ?? plan.planPeriod.end;
    const finish = random() < 0.8 ? addDays(due, Math.round((random() - 0.6) * 400)) : null;
    let progress = 0;
    for (const date of reports) {
      const done = finish !== null && date >= finish;
      progress = done ? 100 : Math.min(95, progress + 5 + Math.floor(random() * 20));
      const status: Status = done ? 'completed' : 'in_progress';
      events.push({
        measureId: a.measureId,
        ministryId: a.ministryId,
        effectiveOn: date,
        status,
        progress,
        narrative: `【合成】${date} 時点の進捗 ${progress}%`,
        actor: 'synthetic',
        submittedBy: null,
        comment: '',
        recordedAt: `${date}T09:00:00.000Z`,
        origin: 'scenario',
      });
      if (done) break;
    }
  }
  return events;
}

/** Fills an empty store: plan, history, a liaison per ministry with pending submissions, audit entries. */
export async function seedSynthetic(
  store: Store,
  clock: Clock,
  options: SyntheticOptions,
): Promise<{ measures: number; events: number; submissions: number }> {
  const { plan, events } = syntheticPlan(options);
  const now = clock.now();
  const audit = (action: string, entityId: string, after: unknown): NewAuditEntry => ({
    at: now,
    actor: 'synthetic',
    action,
    entity: 'plan',
    entityId,
    before: undefined,
    after,
    requestId: null,
  });
  await store.seed(plan, { instructions: [], ciSectors: [] }, audit('seed.synthetic', 'synthetic', options));
  await store.loadScenario(
    { id: 'synthetic', label: { ja: '合成データ（性能試験用）', en: 'Synthetic data (for benchmarks)' } },
    events,
    audit('scenario.load', 'synthetic', { events: events.length }),
  );
  const snapshot = await store.snapshot();
  const random = mulberry32((options.seed ?? 42) + 1);
  const liaisons = new Map<string, string>();
  const changes: Change[] = [];
  for (const o of snapshot.organisations.filter((x) => x.assignable).slice(0, options.ministries)) {
    const user = await newUserRecord(
      {
        email: `liaison-${o.id}@synthetic.example.go.jp`,
        name: `担当 ${o.id}`,
        role: 'liaison',
        ministryId: o.id,
        password: 'synthetic-password-not-for-use',
        mustChangePassword: false,
        now,
      },
      nodeHasher,
    );
    liaisons.set(o.id, user.email);
    changes.push({ kind: 'user', expectVersion: null, next: user });
  }
  let submissions = 0;
  for (const a of snapshot.assignments) {
    if (random() > 0.05 || !liaisons.has(a.ministryId)) continue;
    submissions++;
    changes.push({
      kind: 'submission',
      expectVersion: null,
      next: {
        id: `syn-${submissions}`,
        measureId: a.measureId,
        ministryId: a.ministryId,
        baseVersion: a.version,
        status: 'in_progress',
        progress: Math.min(95, a.progress + 5),
        narrative: '【合成】提出',
        evidence: '',
        state: 'pending',
        submittedBy: liaisons.get(a.ministryId)!,
        submittedAt: now,
        reviewedBy: null,
        reviewedAt: null,
        reviewComment: null,
        version: 1,
      },
    });
  }
  await store.commit(
    changes,
    changes.map((c) => audit(`${c.kind}.create`, c.kind === 'user' || c.kind === 'submission' ? c.next.id : '-', {})),
  );
  return { measures: plan.measures.length, events: events.length, submissions };
}
