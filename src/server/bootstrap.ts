import { randomBytes } from 'node:crypto';
import { compileSeeds, integrityProblems, type SeedBundle } from '@/domain/seeds';
import { ScenarioSchema, type Scenario } from '@/domain/seeds';
import { loadSeedBundle } from '../../seeds';
import type { PasswordHasher } from './auth/hasher';
import { newUserRecord } from './auth/users';
import { scenarioPlanChanges } from './annual/scenario-plans';
import type { Clock } from './clock';
import type { NewProgressEvent, Store } from './store/port';

export const SYSTEM_ACTOR = 'system';

/** Loads the strategy from seeds/ into an empty store; does nothing to a store that holds a plan. */
export async function seedIfEmpty(
  store: Store,
  clock: Clock,
  bundle: SeedBundle = loadSeedBundle(),
): Promise<{ seeded: boolean; measures: number }> {
  if (!(await store.isEmpty())) return { seeded: false, measures: 0 };
  const problems = integrityProblems(bundle);
  if (problems.length) throw new Error(`seeds/ is inconsistent:\n${problems.join('\n')}`);
  const seeds = compileSeeds(bundle);
  await store.seed(
    seeds,
    { instructions: bundle.instructions.instructions, ciSectors: bundle.ciSectors.sectors },
    {
      at: clock.now(),
      actor: SYSTEM_ACTOR,
      action: 'seed',
      entity: 'plan',
      entityId: 'strategy-2015',
      before: undefined,
      after: { measures: seeds.measures.length, assignments: seeds.assignments.length },
      requestId: null,
    },
  );
  return { seeded: true, measures: seeds.measures.length };
}

/** Loads a labelled sample scenario: validated, resolved against the plan, recorded in one write. */
export async function loadScenario(store: Store, clock: Clock, raw: unknown, actor = SYSTEM_ACTOR): Promise<Scenario> {
  const scenario = ScenarioSchema.parse(raw);
  const now = clock.now();
  const events: NewProgressEvent[] = scenario.events.map((e) => ({
    measureId: e.measureCode,
    ministryId: e.ministryId,
    effectiveOn: e.effectiveOn,
    status: e.status,
    progress: e.progress,
    narrative: e.narrative,
    actor: `sample:${scenario.id}`,
    submittedBy: null,
    comment: '',
    recordedAt: now,
    origin: 'scenario',
  }));
  // Sample plan texts are checked before the events load, so a bad file changes nothing.
  const planChanges = await scenarioPlanChanges(store, clock, scenario.plans ?? [], `sample:${scenario.id}`);
  await store.loadScenario({ id: scenario.id, label: scenario.label }, events, {
    at: now,
    actor,
    action: 'scenario.load',
    entity: 'scenario',
    entityId: scenario.id,
    before: undefined,
    after: { events: events.length },
    requestId: null,
  });
  if (planChanges.length)
    await store.commit(planChanges, [
      {
        at: now,
        actor,
        action: 'scenario.plans',
        entity: 'scenario',
        entityId: scenario.id,
        before: undefined,
        after: { records: planChanges.length },
        requestId: null,
      },
    ]);
  return scenario;
}

/**
 * No default credentials, ever: with no users yet, create one administrator with a random one-time
 * password, to be changed at first sign-in (TOTP enrolment follows). Returns what to print.
 */
export async function ensureFirstAdmin(
  store: Store,
  clock: Clock,
  email: string,
  hasher: PasswordHasher,
): Promise<{ email: string; password: string } | null> {
  if ((await store.userCount()) > 0) return null;
  const password = randomBytes(15).toString('base64url');
  const admin = await newUserRecord(
    {
      email,
      name: 'Administrator',
      role: 'nisc_admin',
      ministryId: null,
      password,
      mustChangePassword: true,
      now: clock.now(),
    },
    hasher,
  );
  await store.commit(
    [{ kind: 'user', expectVersion: null, next: admin }],
    [
      {
        at: clock.now(),
        actor: SYSTEM_ACTOR,
        action: 'user.create',
        entity: 'user',
        entityId: admin.id,
        before: undefined,
        after: { email, role: 'nisc_admin', firstStart: true },
        requestId: null,
      },
    ],
  );
  return { email: admin.email, password };
}
