import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/server/app';
import { fixedClock } from '../src/server/clock';
import { client } from '../src/server/testing';
import { compileSeeds } from '@/domain/seeds';
import { loadSeedBundle } from '../seeds';
import { newUserRecord } from '../src/server/auth/users';
import { nodeHasher } from '../src/server/auth/passwords';
import { openPgStore } from '../src/server/store/pg';
import { PG_MIGRATIONS } from '../src/server/store/pg-migrations';
import { StaleVersionError, StoreUnavailableError, type NewAuditEntry, type Store } from '../src/server/store/port';
import { freshPgStore, PG_TEST_URL, pgQuery, requirePg, schemaOf } from './support/pg';
import { assignmentPath, createWorld, json, MEASURE, measurePath } from './support/world';

/**
 * Several server instances on one PostgreSQL database (issue 13): each instance is its own store
 * (its own pool and caches) over the same schema. Nothing one writes may be stale on another.
 */
const bundle = loadSeedBundle();
const seeds = compileSeeds(bundle);
const reference = { instructions: bundle.instructions.instructions, ciSectors: bundle.ciSectors.sectors };
const NOW = '2016-03-31T09:00:00.000Z';
const audit = (action: string): NewAuditEntry => ({
  at: NOW,
  actor: 'test',
  action,
  entity: 'plan',
  entityId: 'x',
  before: undefined,
  after: undefined,
  requestId: null,
});

/** Two instances over one fresh, seeded schema. */
async function twoInstances(): Promise<[Store, Store, string]> {
  const a = await freshPgStore();
  await a.seed(seeds, reference, audit('seed'));
  const schema = schemaOf(a);
  const b = await openPgStore({ url: PG_TEST_URL!, schema, max: 4 });
  return [a, b, schema];
}

if (requirePg('postgres: several instances')) {
  describe('postgres: several instances on one database', () => {
    it('applies the migrations once when instances start together', async () => {
      const first = await freshPgStore();
      const schema = schemaOf(first);
      await pgQuery(schema, 'DELETE FROM schema_migrations'); // as if nothing had been applied…
      await pgQuery(schema, `DROP SCHEMA ${schema} CASCADE`); // …and nothing were there
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => openPgStore({ url: PG_TEST_URL!, schema, max: 2 })),
      );
      const rows = await pgQuery<{ version: number }>(schema, 'SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((_, i) => i + 1));
      await Promise.all(stores.map((s) => s.close()));
    });

    it('a commit on one instance is in the next read on the other (plan and revision)', async () => {
      const [a, b, schema] = await twoInstances();
      const before = await b.snapshot(); // b caches the plan
      const x = before.assignments[0]!;
      await a.commit(
        [{ kind: 'assignment', expectVersion: x.version, next: { ...x, progress: 77, version: x.version + 1 } }],
        [audit('assignment.update')],
      );
      expect(await b.revision()).toBe(before.revision + 1);
      const after = await b.snapshot();
      expect(after.assignments[0]).toMatchObject({ progress: 77, version: x.version + 1 });
      expect(after).toEqual(await a.snapshot());
      // Several commits (an event, a milestone) while b looks away: b brings its plan forward from
      // the change log, and the result is what a fresh instance reads whole.
      const m = after.milestones[0]!;
      await a.commit(
        [
          { kind: 'assignment', expectVersion: x.version + 1, next: { ...x, progress: 80, version: x.version + 2 } },
          {
            kind: 'event',
            event: {
              measureId: x.measureId,
              ministryId: x.ministryId,
              effectiveOn: '2016-03-31',
              status: 'in_progress',
              progress: 80,
              narrative: 'n',
              actor: 't',
              submittedBy: null,
              comment: '',
              recordedAt: NOW,
              origin: 'user',
            },
          },
        ],
        [audit('assignment.update')],
      );
      await a.commit([{ kind: 'milestone', expectVersion: m.version, next: { ...m, version: m.version + 1 } }], []);
      const patched = await b.snapshot();
      expect(patched.measures).toBe(after.measures); // brought forward, not read again
      const fresh = await openPgStore({ url: PG_TEST_URL!, schema, max: 2 });
      expect(patched).toEqual(await fresh.snapshot());
      await Promise.all([b.close(), fresh.close()]);
    });

    it('over HTTP: a read is one statement, and what another instance commits or ends is in it', async () => {
      const a = await freshPgStore();
      const w = await createWorld({ store: a });
      const b = await openPgStore({ url: PG_TEST_URL!, schema: schemaOf(a), max: 4 });
      const appB = createApp({ store: b, clock: fixedClock('2016-03-31'), hasher: nodeHasher });
      const [staff, viewer, admin] = [await w.as('staff'), await w.as('viewer'), await w.as('admin')];
      const [staffOnB, viewerOnB] = [client(appB, staff.session), client(appB, viewer.session)];
      const list = '/api/measures?limit=100';
      const progressOnB = async () =>
        (
          await json<{ assignments: { ministryId: string; progress: number }[] }>(
            await staffOnB.get(measurePath(MEASURE)),
          )
        ).assignments.find((x) => x.ministryId === 'nisc')!.progress;
      const before = await progressOnB(); // b now holds the plan and its serialised answers
      // Each read on b: one statement (revision, session and user together), no transaction, no write.
      const statements = vi.spyOn(pg.Client.prototype, 'query');
      try {
        for (const path of [list, '/api/stats', '/api/dashboard']) expect((await staffOnB.get(path)).status).toBe(200);
        expect(statements).toHaveBeenCalledTimes(3);
      } finally {
        statements.mockRestore();
      }
      // A commit on a is in b's next answer.
      const x = await w.assignment(MEASURE, 'nisc');
      const progress = before === 90 ? 80 : 90;
      const saved = await staff.patch(
        assignmentPath(MEASURE, 'nisc'),
        { progress, status: 'in_progress', comment: 'c' },
        x.version,
      );
      expect(saved.status).toBe(200);
      expect(await progressOnB()).toBe(progress);
      // A role change and a sign-out on a are refused on b at once.
      const current = (await a.getUser(w.users.viewer.id))!;
      const patched = await admin.patch(`/api/users/${current.id}`, { role: 'nisc_staff' }, current.version);
      expect(patched.status).toBe(200);
      expect((await viewerOnB.get(list)).status).toBe(401);
      expect((await staff.delete('/api/session')).status).toBe(200);
      expect((await staffOnB.get(list)).status).toBe(401);
      await b.close();
    });

    it('of two instances writing from the same version, exactly one wins', async () => {
      const [a, b] = await twoInstances();
      const x = (await a.snapshot()).assignments[1]!;
      const write = (s: Store, progress: number) =>
        s.commit(
          [{ kind: 'assignment', expectVersion: x.version, next: { ...x, progress, version: x.version + 1 } }],
          [audit('assignment.update')],
        );
      for (let round = 0; round < 20; round++) {
        const version = x.version + round;
        const base = { ...x, version };
        const results = await Promise.allSettled(
          [a, b, a, b].map((s, i) =>
            s.commit(
              [{ kind: 'assignment', expectVersion: version, next: { ...base, progress: i, version: version + 1 } }],
              [audit('race')],
            ),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(StaleVersionError);
      }
      await expect(write(b, 1)).rejects.toBeInstanceOf(StaleVersionError);
      expect((await a.listAudit({ limit: 1, offset: 0, action: 'race' })).total).toBe(20);
      await b.close();
    });

    it('sessions, sign-out, password changes and lock-outs hold on every instance', async () => {
      const [a, b] = await twoInstances();
      const fields = {
        email: 'two@nisc.example.go.jp',
        name: 'Two',
        role: 'viewer',
        ministryId: null,
        password: 'x',
        mustChangePassword: false,
      } as const;
      const user = { ...(await newUserRecord({ ...fields, now: NOW }, nodeHasher)), passwordHash: 'h1' };
      await a.commit([{ kind: 'user', expectVersion: null, next: user }], []);
      const session = {
        id: 's1',
        userId: user.id,
        csrfToken: 'c',
        createdAt: NOW,
        lastSeenAt: NOW,
        ip: '::1',
        userAgent: 't',
      };
      await a.createSession(session);
      expect(await b.getSession('s1')).toEqual(session);
      // A password change on b (ending the other sessions) is seen by a at once.
      await b.commit([{ kind: 'user', expectVersion: 1, next: { ...user, passwordHash: 'h2', version: 2 } }], []);
      expect((await a.getUser(user.id))?.passwordHash).toBe('h2');
      await b.deleteUserSessions(user.id);
      expect(await a.getSession('s1')).toBeNull();
      // Lock-out counts: 20 attempts spread over both instances, 5 pass.
      const policy = { limit: 5, lockMs: 15 * 60_000 };
      const scope = { userId: user.id, deviceId: null };
      const gates = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).countSignInAttempt(scope, NOW, policy)),
      );
      expect(gates.filter((g) => g.allowed)).toHaveLength(5);
      expect((await b.getUser(user.id))?.lockedUntil).toBe('2016-03-31T09:15:00.000Z');
      // A TOTP step accepted on one instance is refused on the other: the versioned commit.
      const step = { ...user, passwordHash: 'h2', totpLastStep: 100, version: 3 };
      const both = await Promise.allSettled([
        a.commit([{ kind: 'user', expectVersion: 2, next: step }], []),
        b.commit([{ kind: 'user', expectVersion: 2, next: step }], []),
      ]);
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      await b.close();
    });

    it('the per-address sign-in window is one window for all instances', async () => {
      const [a, b] = await twoInstances();
      const policy = { limit: 10, windowMs: 60_000 };
      const ta = a.throttle('sign-in', policy);
      const tb = b.throttle('sign-in', policy);
      const t0 = Date.parse(NOW);
      const waits = await Promise.all(
        Array.from({ length: 16 }, (_, i) => (i % 2 ? ta : tb).begin('203.0.113.9', t0 + i)),
      );
      expect(waits.filter((w) => w === 0)).toHaveLength(10);
      expect(await tb.retryAfter('203.0.113.9', t0 + 20)).toBeGreaterThan(0);
      expect(await ta.retryAfter('198.51.100.1', t0 + 20)).toBe(0); // another address is not affected
      await ta.forgive('203.0.113.9', t0); // one taken back: one more may try
      expect(await tb.begin('203.0.113.9', t0 + 30)).toBe(0);
      expect(await a.throttle('reauth', policy).retryAfter('203.0.113.9', t0 + 30)).toBe(0); // scopes apart
      expect(await tb.retryAfter('203.0.113.9', t0 + 60_001)).toBe(0); // the window slides
      await b.close();
    });

    it('keeps the audit trail append-only in the database', async () => {
      const store = await freshPgStore();
      await store.seed(seeds, reference, audit('seed'));
      const schema = schemaOf(store);
      await expect(pgQuery(schema, `UPDATE audit_events SET actor = 'x'`)).rejects.toThrow(/append-only/);
      await expect(pgQuery(schema, 'DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      await expect(pgQuery(schema, 'TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    });

    it('refuses a database from a newer build', async () => {
      const store = await freshPgStore();
      const schema = schemaOf(store);
      await pgQuery(schema, 'INSERT INTO schema_migrations (version) VALUES (999)');
      await expect(openPgStore({ url: PG_TEST_URL!, schema })).rejects.toThrow(/newer than this build/);
    });

    it('reports an unreachable server as unavailable (503), not as a failure', async () => {
      const url = new URL(PG_TEST_URL!);
      url.port = '1'; // nothing listens there
      const { createPgStore, createPool } = await import('../src/server/store/pg');
      const store = createPgStore(createPool({ url: url.toString() }));
      await expect(store.revision()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.commit([], [audit('x')])).rejects.toBeInstanceOf(StoreUnavailableError);
      await store.close();
    });

    it('gives each due mail job to one scheduler when instances claim at once', async () => {
      const [a, b] = await twoInstances();
      const at = '2016-03-31T09:00:00.000Z';
      await a.commit(
        Array.from({ length: 6 }, (_, i) => ({
          kind: 'mailJob' as const,
          next: {
            id: `j${i}`,
            key: `opened:r1:u${i}`,
            kind: 'round_opened' as const,
            userId: `u${i}`,
            to: `u${i}@example.go.jp`,
            subject: 's',
            text: 't',
            createdAt: at,
          },
        })),
        [],
      );
      const claims = await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).claimMailJob(`w${i}`, at, '2016-03-31T09:05:00.000Z')),
      );
      const ids = claims.filter((j) => j !== null).map((j) => j.id);
      expect(ids.sort()).toEqual(['j0', 'j1', 'j2', 'j3', 'j4', 'j5']);
    });
  });
}
