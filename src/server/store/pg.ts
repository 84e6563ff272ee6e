import pg from 'pg';
import type { CompiledSeeds } from '@/domain/seeds';
import type { PlanSnapshot } from '@/domain/plan';
import { PG_MIGRATIONS } from './pg-migrations';
import {
  assignmentKey,
  latestByAssignment,
  StoreConflictError,
  touchesPlan,
  type Change,
  type NewAuditEntry,
  type NewProgressEvent,
  type ReferenceData,
  type ResultSubmissionFilter,
  type ScenarioInfo,
  type Store,
} from './port';
import { insertMany, sqlOn, transaction, type Sql } from './pg-client';
import { readCommittedPg, readSnapshotPg } from './pg-read';
import { planKeys, toAuditEntry, type PlanKey } from './sqlite-read';
import { applyChangesPg } from './pg-commit';
import { pgAccounts } from './pg-accounts';
import { pgSignIn } from './pg-sign-in';
import { getResultSubmissionPg, listResultSubmissionsPg, readAnnualPg } from './pg-annual';
import { pgOidc } from './pg-oidc';
import { pgRounds } from './pg-rounds';
import { pgBackups } from './pg-backups';
import { pgSearch, rebuildSearchPg, refreshSearchPg } from './pg-search';

export type PgOptions = {
  /** postgres://user:password@host:port/database (libpq's URL form; sslmode etc. as query parameters). */
  url: string;
  /** A schema of its own (tests, the drill); default: the role's search_path, normally `public`. */
  schema?: string;
  /** Connections in this instance's pool (PG_POOL_SIZE; default 10). */
  max?: number;
};

export function createPool({ url, schema, max = 10 }: PgOptions): pg.Pool {
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A request waits at most this long for a connection; then 503 with Retry-After (pg-client.ts).
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    application_name: 'cyber-strategy-tracker',
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection lost when the server restarts: the pool drops it and opens another on demand.
  pool.on('error', () => {});
  return pool;
}

/**
 * Applies the missing migrations in order, each in its own transaction, under a session advisory
 * lock: instances starting together queue on the lock, and each finds what the first applied.
 */
export async function migratePg(pool: pg.Pool, schema?: string): Promise<number> {
  const client = await pool.connect();
  const key = `hashtext('tracker:migrate:' || coalesce($1, current_schema()))`;
  try {
    // Locked first: even CREATE SCHEMA IF NOT EXISTS can clash when run at the same moment.
    await client.query(`SELECT pg_advisory_lock(${key})`, [schema ?? null]);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
      const current = rows[0]?.v ?? 0;
      if (current > PG_MIGRATIONS.length) {
        throw new Error(`database schema ${current} is newer than this build knows (${PG_MIGRATIONS.length})`);
      }
      for (let n = current + 1; n <= PG_MIGRATIONS.length; n++) {
        await client.query('BEGIN');
        try {
          await client.query(PG_MIGRATIONS[n - 1]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [n]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(
            `PostgreSQL migration ${n} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      return PG_MIGRATIONS.length;
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${key})`, [schema ?? null]);
    }
  } finally {
    client.release();
  }
}

/** Connects, brings the schema up to date and returns the store. */
export async function openPgStore(options: PgOptions): Promise<Store> {
  const pool = createPool(options);
  try {
    await migratePg(pool, options.schema);
    await refreshSearchPg(pool, sqlOn(pool));
  } catch (error) {
    await pool.end();
    throw error;
  }
  return createPgStore(pool);
}

const BUMP = `UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'revision' RETURNING value::bigint AS v`;
const REVISION = `SELECT value::bigint AS v FROM meta WHERE key = 'revision'`;
/** How many revisions the change log keeps: an instance further behind reads the whole plan. */
const LOG_KEPT = 10_000;

/** Records what a revision changed (null: everything), and now and then forgets old entries. */
async function logChange(q: Sql, revision: number, keys: PlanKey[] | null): Promise<void> {
  await q.run('INSERT INTO plan_changes (revision, keys) VALUES ($1, $2)', [revision, keys && JSON.stringify(keys)]);
  if (revision % 1000 === 0) await q.run('DELETE FROM plan_changes WHERE revision <= $1', [revision - LOG_KEPT]);
}

/**
 * The PostgreSQL store: the same contract as SQLite, for several instances over one database
 * (decision record 013). The plan snapshot is cached per revision like SQLite's, and the revision is
 * asked of the database on every read: a commit on any instance is seen by the next request on
 * every other. Sessions, users and sign-in counts are not cached at all.
 */
export function createPgStore(pool: pg.Pool): Store {
  const sql = sqlOn(pool);
  let cache: (PlanSnapshot & { revision: number }) | null = null;
  let loading: Promise<PlanSnapshot & { revision: number }> | null = null;
  const revisionOf = async (q: Sql, text = REVISION) => Number((await q.one<{ v: string }>(text))?.v ?? 0);
  const insertAudit = (q: Sql, e: NewAuditEntry) =>
    q.run(
      `INSERT INTO audit_events (at, actor, action, entity, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        e.at,
        e.actor,
        e.action,
        e.entity,
        e.entityId,
        e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after),
        e.requestId,
      ],
    );
  const isEmpty = async (q: Sql) =>
    Number((await q.one<{ n: number }>('SELECT count(*)::int AS n FROM measures'))?.n) === 0;
  /**
   * The plan now, at one instant: brought forward from `base` by the rows the revisions since then
   * changed (plan_changes), or read whole when that log does not cover them.
   */
  const readAt = async (q: Sql, base: typeof cache) => {
    const revision = await revisionOf(q);
    if (base && base.revision < revision) {
      const log = await q.rows<{ keys: string | null }>(
        'SELECT keys FROM plan_changes WHERE revision > $1 AND revision <= $2 ORDER BY revision',
        [base.revision, revision],
      );
      if (log.length === revision - base.revision && log.every((r) => r.keys !== null)) {
        const keys = log.flatMap((r) => JSON.parse(r.keys!) as PlanKey[]);
        return { ...(await readCommittedPg(q, base, keys)), revision };
      }
    }
    return { ...(await readSnapshotPg(q)), revision };
  };
  const accounts = pgAccounts(sql);
  const signIns = pgSignIn(pool, sql);

  return {
    kind: 'postgres',
    ...accounts,
    ...signIns,
    ...pgOidc(pool, sql, insertAudit),
    ...pgRounds(pool, sql),
    ...pgBackups(pool, sql, insertAudit),
    ...pgSearch(sql),
    isEmpty: () => isEmpty(sql),
    revision: () => revisionOf(sql),
    async snapshot() {
      const revision = await revisionOf(sql);
      if (cache && cache.revision >= revision) return cache;
      // Concurrent requests after a write share one read of the plan; a read begun before the
      // revision this request saw is not enough, so it waits for the next.
      for (;;) {
        const base = cache;
        loading ??= transaction(pool, (q) => readAt(q, base), 'REPEATABLE READ', true).finally(() => (loading = null));
        const read = await loading;
        if (!cache || read.revision >= cache.revision) cache = read;
        if (read.revision >= revision) return read;
      }
    },
    async reference() {
      const rows = await sql.rows<{ key: string; json: string }>('SELECT key, json FROM reference_documents');
      const get = (k: string) => JSON.parse(rows.find((r) => r.key === k)?.json ?? '[]') as never;
      return { instructions: get('instructions'), ciSectors: get('ciSectors') };
    },
    seed: (seeds: CompiledSeeds, reference: ReferenceData, entry: NewAuditEntry) =>
      transaction(pool, async (q) => {
        // Two instances seeding an empty database at once: the second waits here, then finds the plan.
        await q.run(`SELECT value FROM meta WHERE key = 'revision' FOR UPDATE`);
        if (!(await isEmpty(q))) throw new StoreConflictError('not_empty', 'the database already holds a plan');
        await insertSeedsPg(q, seeds);
        await rebuildSearchPg(q, seeds);
        await q.run(`INSERT INTO meta (key, value) VALUES ('planPeriod', $1)`, [JSON.stringify(seeds.planPeriod)]);
        await q.run('INSERT INTO reference_documents (key, json) VALUES ($1, $2), ($3, $4)', [
          'instructions',
          JSON.stringify(reference.instructions),
          'ciSectors',
          JSON.stringify(reference.ciSectors),
        ]);
        await insertAudit(q, entry);
        await logChange(q, await revisionOf(q, BUMP), null);
      }),
    loadScenario: (info: Omit<ScenarioInfo, 'loadedAt'>, events: NewProgressEvent[], entry: NewAuditEntry) =>
      transaction(pool, async (q) => {
        await logChange(q, await revisionOf(q, BUMP), null); // first: plan writes queue here, one at a time
        if (await q.one('SELECT 1 FROM scenarios WHERE id = $1', [info.id])) {
          throw new StoreConflictError('already_loaded', `scenario ${info.id} is already loaded`);
        }
        const known = new Set(
          (await q.rows<{ m: string; o: string }>('SELECT measure_id AS m, ministry_id AS o FROM assignments')).map(
            (r) => assignmentKey(r.m, r.o),
          ),
        );
        const unknown = events.find((e) => !known.has(assignmentKey(e.measureId, e.ministryId)));
        if (unknown)
          throw new StoreConflictError(
            'unknown_reference',
            `no assignment ${unknown.measureId} × ${unknown.ministryId}`,
          );
        await insertMany(q, 'progress_events', EVENT_COLUMNS, events.map(eventValues));
        const all = await q.rows<NewProgressEvent>(
          `SELECT measure_id AS "measureId", ministry_id AS "ministryId", effective_on AS "effectiveOn", status, progress, narrative
           FROM progress_events ORDER BY effective_on, id`,
        );
        const touched = new Set(events.map((e) => assignmentKey(e.measureId, e.ministryId)));
        for (const [key, s] of latestByAssignment(all)) {
          if (!touched.has(key)) continue;
          const [m, o] = key.split('\u0000');
          await q.run(
            `UPDATE assignments SET status = $1, progress = $2, narrative = $3, version = version + 1
             WHERE measure_id = $4 AND ministry_id = $5`,
            [s.status, s.progress, s.narrative, m, o],
          );
        }
        await q.run('INSERT INTO scenarios (id, label_ja, label_en, loaded_at) VALUES ($1, $2, $3, $4)', [
          info.id,
          info.label.ja,
          info.label.en,
          entry.at,
        ]);
        await insertAudit(q, entry);
      }),
    async scenarios() {
      const rows = await sql.rows<{ id: string; label_ja: string; label_en: string; loaded_at: string }>(
        'SELECT id, label_ja, label_en, loaded_at FROM scenarios ORDER BY loaded_at',
      );
      return rows.map((r) => ({ id: r.id, label: { ja: r.label_ja, en: r.label_en }, loadedAt: r.loaded_at }));
    },
    async listAudit({ limit, offset, ...f }) {
      const where = `WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
        AND ($3::text IS NULL OR actor = $3) AND ($4::text IS NULL OR action = $4)
        AND ($5::text IS NULL OR at >= $5) AND ($6::text IS NULL OR at < $6)`;
      const params = [f.entity, f.entityId, f.actor, f.action, f.from, f.to].map((v) => v ?? null);
      const total = Number(
        (await sql.one<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events ${where}`, params))?.n,
      );
      const rows = await sql.rows<Record<string, string | number | null>>(
        `SELECT * FROM audit_events ${where} ORDER BY id DESC LIMIT $7 OFFSET $8`,
        [...params, limit, offset],
      );
      const items = rows.map(toAuditEntry);
      return { items, total };
    },
    annual: (fy: number) => readAnnualPg(sql, fy),
    getResultSubmission: (id: string) => getResultSubmissionPg(sql, id),
    listResultSubmissions: (filter: ResultSubmissionFilter) => listResultSubmissionsPg(sql, filter),
    /**
     * One transaction: a commit that changes the plan first moves the revision on (the row lock
     * queues plan writers of every instance, one at a time), and when the cached snapshot was at the
     * revision before it, brings the snapshot forward from the rows it wrote (decision record 003).
     */
    async commit(changes: Change[], entries: NewAuditEntry[]) {
      const plan = touchesPlan(changes);
      const keys = planKeys(changes);
      const next = await transaction(pool, async (q) => {
        const revision = plan ? await revisionOf(q, BUMP) : null;
        const base = revision !== null && cache?.revision === revision - 1 ? cache : null;
        await applyChangesPg(q, changes);
        for (const entry of entries) await insertAudit(q, entry);
        if (revision === null) return null;
        await logChange(q, revision, keys);
        return base ? { ...(await readCommittedPg(q, base, keys)), revision } : null;
      });
      if (next && (!cache || next.revision > cache.revision)) cache = next;
    },
    close: () => pool.end(),
  };
}

const EVENT_COLUMNS = [
  'measure_id',
  'ministry_id',
  'effective_on',
  'status',
  'progress',
  'narrative',
  'actor',
  'submitted_by',
  'comment',
  'recorded_at',
  'origin',
];
const eventValues = (e: NewProgressEvent) => [
  e.measureId,
  e.ministryId,
  e.effectiveOn,
  e.status,
  e.progress,
  e.narrative,
  e.actor,
  e.submittedBy,
  e.comment,
  e.recordedAt,
  e.origin,
];

async function insertSeedsPg(q: Sql, s: CompiledSeeds): Promise<void> {
  const cols = (list: string) => list.split(' ');
  await insertMany(
    q,
    'areas',
    cols('code position title_ja title_en motto_ja motto_en'),
    s.areas.map((a, i) => [a.code, i, a.title.ja, a.title.en, a.motto?.ja ?? null, a.motto?.en ?? null]),
  );
  await insertMany(
    q,
    'sections',
    cols('code area_code position title_ja title_en'),
    s.sections.map((x, i) => [x.code, x.areaCode, i, x.title.ja, x.title.en]),
  );
  await insertMany(
    q,
    'items',
    cols('code section_code parent_code position title_ja title_en'),
    s.items.map((x, i) => [x.code, x.sectionCode, x.parentCode ?? null, i, x.title.ja, x.title.en]),
  );
  await insertMany(
    q,
    'organisations',
    cols('id position kind assignable parent_id implies_id name_ja name_en short_ja short_en'),
    s.organisations.map((o, i) => [
      o.id,
      i,
      o.kind,
      o.assignable ? 1 : 0,
      o.parentId ?? null,
      o.impliesId ?? null,
      o.name.ja,
      o.name.en,
      o.short?.ja ?? null,
      o.short?.en ?? null,
    ]),
  );
  await insertMany(
    q,
    'milestones',
    cols('id position kind title_ja title_en start end version'),
    s.milestones.map((m, i) => [m.id, i, m.kind, m.title.ja, m.title.en, m.start, m.end, m.version]),
  );
  await insertMany(
    q,
    'package_entries',
    cols('id position parent_id title_ja title_en text wording'),
    s.packageEntries.map((p, i) => [
      p.id,
      i,
      p.parentId ?? null,
      p.title.ja,
      p.title.en,
      p.text ?? null,
      p.wording ?? null,
    ]),
  );
  await insertMany(
    q,
    'measures',
    cols(
      'id code position item_code section_code area_code title_ja title_en quote due_wording due_kind due_date due_source start tags cross_ref_id rag_rating rag_reason version',
    ),
    s.measures.map((m) => [
      m.id,
      m.code,
      m.position,
      m.itemCode,
      m.sectionCode,
      m.areaCode,
      m.title.ja,
      m.title.en,
      m.quote,
      m.due.wording,
      m.due.kind,
      m.due.date,
      m.due.source,
      m.start,
      JSON.stringify(m.tags),
      m.crossRefId,
      m.rag?.rating ?? null,
      m.rag?.reason ?? null,
      m.version,
    ]),
  );
  await insertMany(
    q,
    'measure_milestones',
    cols('measure_id milestone_id'),
    s.measures.flatMap((m) => m.milestoneIds.map((id) => [m.id, id])),
  );
  await insertMany(
    q,
    'measure_package',
    cols('measure_id package_id'),
    s.measures.flatMap((m) => m.packageIds.map((id) => [m.id, id])),
  );
  await insertMany(
    q,
    'measure_fy_targets',
    cols('measure_id fy percent'),
    s.measures.flatMap((m) => (m.fyTargets ?? []).map((t) => [m.id, t.fy, t.percent])),
  );
  await insertMany(
    q,
    'assignments',
    cols('measure_id ministry_id position role provenance confirmed status progress narrative version'),
    s.assignments.map((a, position) => [
      a.measureId,
      a.ministryId,
      position,
      a.role,
      a.provenance,
      a.confirmed ? 1 : 0,
      a.status,
      a.progress,
      a.narrative,
      a.version,
    ]),
  );
}
