import sample from '../../seeds/scenarios/sample.json' with { type: 'json' };
import { createApp } from '@/server/app';
import type { PasswordHasher } from '@/server/auth/hasher';
import type { RelyingParty } from '@/server/oidc/types';
import { nodeHasher } from '@/server/auth/passwords';
import { loadScenario, seedIfEmpty } from '@/server/bootstrap';
import { fixedClock, type Clock } from '@/server/clock';
import type { AppConfig } from '@/server/context';
import { createMemoryStore } from '@/server/store/memory';
import type { Store, UserRecord } from '@/server/store/port';
import { client, seedTestUsers, signIn, type TestSession, type TestUser } from '@/server/testing';

/** Real records the API tests use: a measure NISC leads alone, one npa shares with nisc, a milestone. */
export const MEASURE = '5.2.3(1)ii-1';
export const SHARED_MEASURE = '5.2.1(2)-1'; // assignments: nisc, mic, meti, npa
export const MILESTONE = 'rwc-2019';

export const measurePath = (id: string) => `/api/measures/${encodeURIComponent(id)}`;
export const assignmentPath = (measureId: string, ministryId: string) =>
  `${measurePath(measureId)}/assignments/${ministryId}`;

export type ErrorJson = {
  error: { code: string; message: string; issues?: { path: string; message: string }[]; current?: unknown };
};

/** A signed-in test client; `session` is its cookie and CSRF token, for requests built by hand. */
export type Client = ReturnType<typeof client> & { session: TestSession };

/**
 * A seeded API over a store (in-memory unless given), with the four test accounts. `as(who)` signs in
 * afresh each time, so a test that signs out or changes the user never affects another client.
 */
export async function createWorld(
  options: {
    store?: Store;
    clock?: Clock;
    config?: Partial<AppConfig>;
    scenario?: boolean;
    hasher?: PasswordHasher;
    oidc?: RelyingParty;
  } = {},
) {
  const clock = options.clock ?? fixedClock('2016-03-31');
  const store = options.store ?? createMemoryStore();
  await seedIfEmpty(store, clock);
  if (options.scenario) await loadScenario(store, clock, sample);
  const hasher = options.hasher ?? nodeHasher;
  const users = await seedTestUsers(store, clock, hasher);
  const app = createApp({ store, clock, hasher, config: options.config, oidc: options.oidc });
  return {
    app,
    store,
    clock,
    users,
    anon: client(app, null),
    as: async (who: TestUser): Promise<Client> => {
      const session = await signIn(app, clock, who);
      return Object.assign(client(app, session), { session });
    },
    /** The assignment as stored now (its version is what If-Match must carry). */
    assignment: async (measureId: string, ministryId: string) => {
      const a = (await store.snapshot()).assignments.find(
        (x) => x.measureId === measureId && x.ministryId === ministryId,
      );
      if (!a) throw new Error(`no assignment ${measureId} × ${ministryId}`);
      return a;
    },
    /** Overwrites a user record as a test fixture would (not through the API, not audited). */
    setUser: async (id: string, change: (u: UserRecord) => UserRecord) => {
      const current = await store.getUser(id);
      if (!current) throw new Error(`no user ${id}`);
      await store.commit(
        [{ kind: 'user', expectVersion: current.version, next: { ...change(current), version: current.version + 1 } }],
        [],
      );
    },
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

export async function json<T = unknown>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Everything a rejected request must leave untouched, as the store reports it. */
export async function storeState(store: Store) {
  const snapshot = await store.snapshot();
  return {
    revision: await store.revision(),
    audit: (await store.listAudit({ limit: 1, offset: 0 })).total,
    users: await store.listUsers(),
    submissions: await store.listSubmissions({}),
    resultSubmissions: await store.listResultSubmissions({}),
    results: (await Promise.all([2015, 2016, 2017].map((fy) => store.annual(fy)))).flatMap((y) => y.results),
    measures: snapshot.measures,
    assignments: snapshot.assignments,
    milestones: snapshot.milestones,
    events: snapshot.events.length,
    rounds: await store.listRounds(),
    roundRows: (await Promise.all((await store.listRounds()).map((r) => store.roundRows(r.id)))).flat(),
    mailJobs: await store.listMailJobs(1000),
  };
}
