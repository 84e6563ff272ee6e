import type Database from 'better-sqlite3';
import type { DueKind } from '../../domain/deadline';
import type { AssignmentRecord, MeasureRecord, ProgressEvent, Tag } from '../../domain/model';
import type { PlanSnapshot } from '../../domain/snapshot';
import type { AssignmentRole, Provenance, Rag, Status } from '../../domain/status';

type Row = Record<string, string | number | null>;

const str = (v: string | number | null | undefined): string => (v === null || v === undefined ? '' : String(v));
const opt = (v: string | number | null | undefined): string | undefined =>
  v === null || v === undefined ? undefined : String(v);
const text = (r: Row, prefix: string) => ({ ja: str(r[`${prefix}_ja`]), en: str(r[`${prefix}_en`]) });

/** Reads the whole plan in a handful of queries; the store caches the result per revision. */
export function readSnapshot(db: Database.Database): PlanSnapshot {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const planPeriod = JSON.parse(
    (db.prepare(`SELECT value FROM meta WHERE key = 'planPeriod'`).get() as { value: string } | undefined)?.value ??
      '{"start":"2015-04-01","end":"2018-03-31","label":{"ja":"","en":""}}',
  ) as PlanSnapshot['planPeriod'];
  const milestonesOf = groupPairs(all('SELECT measure_id AS a, milestone_id AS b FROM measure_milestones'));
  const packagesOf = groupPairs(
    all('SELECT measure_id AS a, package_id AS b FROM measure_package ORDER BY package_id'),
  );
  return {
    planPeriod,
    areas: all('SELECT * FROM areas ORDER BY position').map((r) => ({
      code: str(r.code),
      title: text(r, 'title'),
      ...(r.motto_ja ? { motto: text(r, 'motto') } : {}),
    })),
    sections: all('SELECT * FROM sections ORDER BY position').map((r) => ({
      code: str(r.code),
      areaCode: str(r.area_code),
      title: text(r, 'title'),
    })),
    items: all('SELECT * FROM items ORDER BY position').map((r) => ({
      code: str(r.code),
      sectionCode: str(r.section_code),
      ...(r.parent_code ? { parentCode: str(r.parent_code) } : {}),
      title: text(r, 'title'),
    })),
    organisations: all('SELECT * FROM organisations ORDER BY position').map((r) => ({
      id: str(r.id),
      kind: str(r.kind) as PlanSnapshot['organisations'][number]['kind'],
      assignable: r.assignable === 1,
      ...(r.parent_id ? { parentId: str(r.parent_id) } : {}),
      ...(r.implies_id ? { impliesId: str(r.implies_id) } : {}),
      name: text(r, 'name'),
      ...(r.short_ja ? { short: text(r, 'short') } : {}),
    })),
    milestones: all('SELECT * FROM milestones ORDER BY position').map((r) => ({
      id: str(r.id),
      kind: str(r.kind) as 'event' | 'plan',
      title: text(r, 'title'),
      start: str(r.start),
      end: str(r.end),
      version: Number(r.version),
    })),
    packageEntries: all('SELECT * FROM package_entries ORDER BY position').map((r) => ({
      id: str(r.id),
      ...(r.parent_id ? { parentId: str(r.parent_id) } : {}),
      title: text(r, 'title'),
      ...(r.text ? { text: str(r.text) } : {}),
      ...(r.wording ? { wording: str(r.wording) } : {}),
    })),
    measures: all('SELECT * FROM measures ORDER BY position').map((r): MeasureRecord => ({
      id: str(r.id),
      code: str(r.code),
      itemCode: str(r.item_code),
      sectionCode: str(r.section_code),
      areaCode: str(r.area_code),
      title: text(r, 'title'),
      quote: str(r.quote),
      due: {
        wording: opt(r.due_wording) ?? null,
        kind: str(r.due_kind) as DueKind,
        date: opt(r.due_date) ?? null,
        source: (opt(r.due_source) ?? null) as MeasureRecord['due']['source'],
      },
      start: str(r.start),
      tags: JSON.parse(str(r.tags)) as Tag[],
      milestoneIds: milestonesOf.get(str(r.id)) ?? [],
      packageIds: packagesOf.get(str(r.id)) ?? [],
      crossRefId: opt(r.cross_ref_id) ?? null,
      rag: r.rag_rating ? { rating: str(r.rag_rating) as Rag, reason: str(r.rag_reason) } : null,
      position: Number(r.position),
      version: Number(r.version),
    })),
    assignments: all('SELECT * FROM assignments ORDER BY position').map((r): AssignmentRecord => ({
      measureId: str(r.measure_id),
      ministryId: str(r.ministry_id),
      role: str(r.role) as AssignmentRole,
      provenance: str(r.provenance) as Provenance,
      confirmed: r.confirmed === 1,
      status: str(r.status) as Status,
      progress: Number(r.progress),
      narrative: str(r.narrative),
      version: Number(r.version),
    })),
    events: all('SELECT * FROM progress_events ORDER BY id').map((r): ProgressEvent => ({
      id: Number(r.id),
      measureId: str(r.measure_id),
      ministryId: str(r.ministry_id),
      effectiveOn: str(r.effective_on),
      status: str(r.status) as Status,
      progress: Number(r.progress),
      narrative: str(r.narrative),
      actor: str(r.actor),
      submittedBy: opt(r.submitted_by) ?? null,
      comment: str(r.comment),
      recordedAt: str(r.recorded_at),
      origin: str(r.origin) as ProgressEvent['origin'],
    })),
  };
}

function groupPairs(rows: Row[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(str(r.a));
    if (list) list.push(str(r.b));
    else out.set(str(r.a), [str(r.b)]);
  }
  return out;
}
