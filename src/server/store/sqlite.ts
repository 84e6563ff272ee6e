import Database from 'better-sqlite3';
import { createThrottle } from '../auth/throttle';
import type { CompiledSeeds } from '@/domain/seeds';
import type { PlanSnapshot } from '@/domain/plan';
import { MIGRATIONS } from './migrations';
import {
  assignmentKey,
  latestByAssignment,
  StoreConflictError,
  type NewAuditEntry,
  type NewProgressEvent,
  type ReferenceData,
  type Change,
  type ResultSubmissionFilter,
  type ScenarioInfo,
  type Store,
  touchesPlan,
} from './port';
import { readCommitted, readSnapshot, toAuditEntry } from './sqlite-read';
import { accountQueries } from './sqlite-accounts';
import { applyChanges } from './sqlite-commit';
import { signInQueries } from './sqlite-sign-in';
import { getResultSubmission, listResultSubmissions, readAnnual } from './sqlite-annual';
import { searchQueries } from './sqlite-search';
import { oidcQueries } from './sqlite-oidc';
import { roundQueries } from './sqlite-rounds';
import { sqliteBackups } from './sqlite-backups';

/** Opens (creating if needed) the database at `path` and brings its schema up to date. */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(`database schema ${current} is newer than this build knows (${MIGRATIONS.length})`);
  }
  MIGRATIONS.slice(current).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    })();
  });
}

export function createSqliteStore(db: Database.Database): Store {
  let cache: (PlanSnapshot & { revision: number }) | null = null;

  // Read on every API request (the plan cache asks whether the plan moved on): prepared once.
  const selectRevision = db.prepare(`SELECT value FROM meta WHERE key = 'revision'`).pluck();
  const revisionNow = () => Number(selectRevision.get());
  const bump = db.prepare(`UPDATE meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) WHERE key = 'revision'`);
  const insertAudit = db.prepare(
    `INSERT INTO audit_events (at, actor, action, entity, entity_id, before, after, request_id)
     VALUES (@at, @actor, @action, @entity, @entityId, @before, @after, @requestId)`,
  );
  const audit = (e: NewAuditEntry) =>
    insertAudit.run({
      ...e,
      before: e.before === undefined ? null : JSON.stringify(e.before),
      after: e.after === undefined ? null : JSON.stringify(e.after),
    });

  const search = searchQueries(db);
  // An index built by older normalisation rules (or none yet, after migration 9) is rebuilt from the plan.
  if (!search.isCurrent() && (db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n > 0) {
    db.transaction(() => search.rebuild(readSnapshot(db)))();
  }

  /** Runs `fn` as one transaction that also bumps the revision: complete or absent. */
  const write = <A extends unknown[]>(fn: (...args: A) => void) =>
    db.transaction((...args: A) => {
      fn(...args);
      bump.run();
    });

  const seedTx = write((seeds: CompiledSeeds, reference: ReferenceData, entry: NewAuditEntry) => {
    if ((db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n > 0) {
      throw new StoreConflictError('not_empty', 'the database already holds a plan');
    }
    db.pragma('defer_foreign_keys = ON');
    insertSeeds(db, seeds);
    search.rebuild(seeds);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('planPeriod', ?)`).run(JSON.stringify(seeds.planPeriod));
    const ref = db.prepare('INSERT INTO reference_documents (key, json) VALUES (?, ?)');
    ref.run('instructions', JSON.stringify(reference.instructions));
    ref.run('ciSectors', JSON.stringify(reference.ciSectors));
    audit(entry);
  });

  const scenarioTx = write((info: Omit<ScenarioInfo, 'loadedAt'>, events: NewProgressEvent[], entry: NewAuditEntry) => {
    if (db.prepare('SELECT 1 FROM scenarios WHERE id = ?').get(info.id)) {
      throw new StoreConflictError('already_loaded', `scenario ${info.id} is already loaded`);
    }
    const known = new Set(
      (db.prepare('SELECT measure_id AS m, ministry_id AS o FROM assignments').all() as { m: string; o: string }[]).map(
        (r) => assignmentKey(r.m, r.o),
      ),
    );
    const unknown = events.find((e) => !known.has(assignmentKey(e.measureId, e.ministryId)));
    if (unknown)
      throw new StoreConflictError('unknown_reference', `no assignment ${unknown.measureId} × ${unknown.ministryId}`);
    const insert = db.prepare(
      `INSERT INTO progress_events (measure_id, ministry_id, effective_on, status, progress, narrative, actor, submitted_by, comment, recorded_at, origin)
       VALUES (@measureId, @ministryId, @effectiveOn, @status, @progress, @narrative, @actor, @submittedBy, @comment, @recordedAt, @origin)`,
    );
    for (const e of events) insert.run(e);
    const all = db
      .prepare(
        `SELECT measure_id AS measureId, ministry_id AS ministryId, effective_on AS effectiveOn, status, progress, narrative
         FROM progress_events ORDER BY effective_on, id`,
      )
      .all() as NewProgressEvent[];
    const update = db.prepare(
      `UPDATE assignments SET status = ?, progress = ?, narrative = ?, version = version + 1 WHERE measure_id = ? AND ministry_id = ?`,
    );
    const touched = new Set(events.map((e) => assignmentKey(e.measureId, e.ministryId)));
    for (const [key, s] of latestByAssignment(all)) {
      if (!touched.has(key)) continue;
      const [m, o] = key.split('\u0000');
      update.run(s.status, s.progress, s.narrative, m, o);
    }
    db.prepare('INSERT INTO scenarios (id, label_ja, label_en, loaded_at) VALUES (?, ?, ?, ?)').run(
      info.id,
      info.label.ja,
      info.label.en,
      entry.at,
    );
    audit(entry);
  });

  /**
   * A commit that changes the plan brings the cached snapshot forward with it (copy-on-write, see
   * `readCommitted`) when the cache was at the revision the commit started from; otherwise — another
   * process wrote in between — the next `snapshot()` reads the plan afresh. Returns the snapshot
   * after the commit, or undefined when the cache is not to change; assigned only once committed.
   */
  const commitInTx = db.transaction((changes: Change[], entries: NewAuditEntry[]) => {
    const base = cache && touchesPlan(changes) && cache.revision === revisionNow() ? cache : null;
    applyChanges(db, changes);
    for (const entry of entries) audit(entry);
    if (!touchesPlan(changes)) return undefined;
    bump.run();
    return base ? { ...readCommitted(db, base, changes), revision: base.revision + 1 } : null;
  });
  const commitTx = (changes: Change[], entries: NewAuditEntry[]) => {
    const next = commitInTx(changes, entries);
    if (next !== undefined) cache = next;
  };
  const accounts = accountQueries(db);
  const signIns = signInQueries(db, accounts.forgetUser);
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => R) =>
    (...args: A): Promise<R> => {
      try {
        return Promise.resolve(fn(...args));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    };

  return {
    kind: 'sqlite',
    // One server process holds the file (README): its sign-in windows live in that process.
    throttle: (_scope, policy) => createThrottle(policy),
    commit: wrap((changes: Change[], entries: NewAuditEntry[]) => {
      try {
        commitTx(changes, entries);
      } finally {
        // The account cache never outlives a user change, committed or not (sqlite-accounts.ts).
        for (const change of changes) if (change.kind === 'user') accounts.forgetUser(change.next.id);
      }
    }),
    userCount: wrap(accounts.userCount),
    getUser: wrap(accounts.getUser),
    getUserByEmail: wrap(accounts.getUserByEmail),
    listUsers: wrap(accounts.listUsers),
    getSubmission: wrap(accounts.getSubmission),
    listSubmissions: wrap(accounts.listSubmissions),
    createSession: wrap(accounts.createSession),
    getSession: wrap(accounts.getSession),
    lookupSession: wrap((id: string) => {
      const session = accounts.getSession(id);
      return { revision: revisionNow(), session, user: session && accounts.getUser(session.userId) };
    }),
    touchSession: wrap(accounts.touchSession),
    deleteSession: wrap(accounts.deleteSession),
    deleteUserSessions: wrap(accounts.deleteUserSessions),
    countSignInAttempt: wrap(signIns.countSignInAttempt),
    clearSignInFailures: wrap(signIns.clearSignInFailures),
    serverSecret: wrap(signIns.serverSecret),
    ...oidcQueries(db, (entry) => void audit(entry)),
    isEmpty: () => Promise.resolve((db.prepare('SELECT count(*) AS n FROM measures').get() as { n: number }).n === 0),
    seed: wrap(seedTx),
    revision: () => Promise.resolve(revisionNow()),
    snapshot() {
      const revision = revisionNow();
      if (!cache || cache.revision !== revision) cache = { ...readSnapshot(db), revision };
      return Promise.resolve(cache);
    },
    reference() {
      const rows = db.prepare('SELECT key, json FROM reference_documents').all() as { key: string; json: string }[];
      const get = (k: string) => JSON.parse(rows.find((r) => r.key === k)?.json ?? '[]') as never;
      return Promise.resolve({ instructions: get('instructions'), ciSectors: get('ciSectors') });
    },
    loadScenario: wrap(scenarioTx),
    scenarios() {
      const rows = db.prepare('SELECT id, label_ja, label_en, loaded_at FROM scenarios ORDER BY loaded_at').all() as {
        id: string;
        label_ja: string;
        label_en: string;
        loaded_at: string;
      }[];
      return Promise.resolve(
        rows.map((r) => ({ id: r.id, label: { ja: r.label_ja, en: r.label_en }, loadedAt: r.loaded_at })),
      );
    },
    listAudit({ limit, offset, ...f }) {
      const where = `WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
        AND (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action = @action)
        AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)`;
      const params = {
        entity: f.entity ?? null,
        entityId: f.entityId ?? null,
        actor: f.actor ?? null,
        action: f.action ?? null,
        from: f.from ?? null,
        to: f.to ?? null,
      };
      const total = (db.prepare(`SELECT count(*) AS n FROM audit_events ${where}`).get(params) as { n: number }).n;
      const rows = db
        .prepare(`SELECT * FROM audit_events ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
        .all({ ...params, limit, offset }) as Record<string, string | number | null>[];
      const items = rows.map(toAuditEntry);
      return Promise.resolve({ items, total });
    },
    annual: (fy: number) => Promise.resolve(readAnnual(db, fy)),
    getResultSubmission: (id: string) => Promise.resolve(getResultSubmission(db, id)),
    listResultSubmissions: (filter: ResultSubmissionFilter) => Promise.resolve(listResultSubmissions(db, filter)),
    searchMeasureText: wrap(search.find),
    ...roundQueries(db),
    ...sqliteBackups(db, audit),
    close() {
      db.close();
      return Promise.resolve();
    },
  };
}

function insertSeeds(db: Database.Database, s: CompiledSeeds): void {
  const area = db.prepare('INSERT INTO areas VALUES (?, ?, ?, ?, ?, ?)');
  s.areas.forEach((a, i) => area.run(a.code, i, a.title.ja, a.title.en, a.motto?.ja ?? null, a.motto?.en ?? null));
  const section = db.prepare('INSERT INTO sections VALUES (?, ?, ?, ?, ?)');
  s.sections.forEach((x, i) => section.run(x.code, x.areaCode, i, x.title.ja, x.title.en));
  const item = db.prepare('INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)');
  s.items.forEach((x, i) => item.run(x.code, x.sectionCode, x.parentCode ?? null, i, x.title.ja, x.title.en));
  const org = db.prepare('INSERT INTO organisations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  s.organisations.forEach((o, i) =>
    org.run(
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
    ),
  );
  const ms = db.prepare('INSERT INTO milestones VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  s.milestones.forEach((m, i) => ms.run(m.id, i, m.kind, m.title.ja, m.title.en, m.start, m.end, m.version));
  const pkg = db.prepare('INSERT INTO package_entries VALUES (?, ?, ?, ?, ?, ?, ?)');
  s.packageEntries.forEach((p, i) =>
    pkg.run(p.id, i, p.parentId ?? null, p.title.ja, p.title.en, p.text ?? null, p.wording ?? null),
  );
  const measure = db.prepare(
    `INSERT INTO measures VALUES (@id, @code, @position, @itemCode, @sectionCode, @areaCode, @titleJa, @titleEn, @quote,
       @dueWording, @dueKind, @dueDate, @dueSource, @start, @tags, @crossRefId, @ragRating, @ragReason, @version)`,
  );
  const mm = db.prepare('INSERT INTO measure_milestones VALUES (?, ?)');
  const mp = db.prepare('INSERT INTO measure_package VALUES (?, ?)');
  const ft = db.prepare('INSERT INTO measure_fy_targets (measure_id, fy, percent) VALUES (?, ?, ?)');
  for (const m of s.measures) {
    measure.run({
      id: m.id,
      code: m.code,
      position: m.position,
      itemCode: m.itemCode,
      sectionCode: m.sectionCode,
      areaCode: m.areaCode,
      titleJa: m.title.ja,
      titleEn: m.title.en,
      quote: m.quote,
      dueWording: m.due.wording,
      dueKind: m.due.kind,
      dueDate: m.due.date,
      dueSource: m.due.source,
      start: m.start,
      tags: JSON.stringify(m.tags),
      crossRefId: m.crossRefId,
      ragRating: m.rag?.rating ?? null,
      ragReason: m.rag?.reason ?? null,
      version: m.version,
    });
    for (const id of m.milestoneIds) mm.run(m.id, id);
    for (const id of m.packageIds) mp.run(m.id, id);
    for (const t of m.fyTargets ?? []) ft.run(m.id, t.fy, t.percent);
  }
  const asg = db.prepare(
    `INSERT INTO assignments VALUES (@measureId, @ministryId, @position, @role, @provenance, @confirmed, @status, @progress, @narrative, @version)`,
  );
  s.assignments.forEach((a, position) => asg.run({ ...a, position, confirmed: a.confirmed ? 1 : 0 }));
}
