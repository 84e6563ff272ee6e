import { z } from 'zod';
import type { AssignmentRecord, MeasureRecord, Milestone, Organisation } from '@/domain/plan';
import { dueProblems, planPeriodDue, type Due } from '@/domain/plan';
import {
  SeedCiSectorsSchema,
  SeedInstructionsSchema,
  SeedMilestonesSchema,
  SeedOrganisationsSchema,
  SeedPackageSchema,
  SeedStrategyFileSchema,
  SeedStructureSchema,
  type SeedMeasure,
} from './seed-schema';
import type { PlanSnapshot } from '@/domain/plan';
import { StrategyTextSchema, type SectionTarget } from '@/domain/plan';
import { strategyTextProblems } from './strategy-text-checks';

/** The seed files as parsed JSON, before validation. */
export type RawSeedBundle = {
  structure: unknown;
  organisations: unknown;
  milestones: unknown;
  strengtheningPackage: unknown;
  instructions: unknown;
  ciSectors: unknown;
  /** Lead-ins, section targets and dated steps (strategy-text.json). */
  strategyText: unknown;
  /** One file per policy area, in the strategy's order. */
  strategy: unknown[];
};

export const SeedBundleSchema = z.object({
  structure: SeedStructureSchema,
  organisations: SeedOrganisationsSchema,
  milestones: SeedMilestonesSchema,
  strengtheningPackage: SeedPackageSchema,
  instructions: SeedInstructionsSchema,
  ciSectors: SeedCiSectorsSchema,
  strategyText: StrategyTextSchema,
  strategy: z.array(SeedStrategyFileSchema).min(1),
});
export type SeedBundle = z.infer<typeof SeedBundleSchema>;

export function parseSeedBundle(raw: RawSeedBundle): SeedBundle {
  return SeedBundleSchema.parse(raw);
}

export type CompiledSeeds = Omit<PlanSnapshot, 'events'>;

function toDue(seed: SeedMeasure['due'], target?: SectionTarget): Due {
  if (seed) return { wording: seed.wording, kind: seed.kind, date: seed.date, source: seed.source };
  // No deadline of its own: the measure is judged against its section's target, marked as such.
  if (target) return { wording: target.wording, kind: target.kind, date: target.date, source: 'section' };
  return planPeriodDue();
}

/** Seed files → records, in text order. Measure ids are their codes: stable, like the codes. */
export function compileSeeds(bundle: SeedBundle): CompiledSeeds {
  const { structure } = bundle;
  const files = bundle.strategy;
  const items = files.flatMap((f) => f.items);
  const sectionOf = new Map<string, string>([
    ...items.map((i) => [i.code, i.sectionCode] as const),
    ...structure.sections.map((s) => [s.code, s.code] as const),
  ]);
  const areaOf = new Map(structure.sections.map((s) => [s.code, s.areaCode]));
  const seeds = files.flatMap((f) => f.measures);
  const targets = new Map(bundle.strategyText.sectionTargets.map((t) => [t.sectionCode, t]));
  const measures: MeasureRecord[] = seeds.map((s, position) => {
    const sectionCode = sectionOf.get(s.itemCode) ?? '';
    return {
      id: s.code,
      code: s.code,
      itemCode: s.itemCode,
      sectionCode,
      areaCode: areaOf.get(sectionCode) ?? '',
      title: s.title,
      quote: s.quote,
      due: toDue(s.due, targets.get(sectionCode)),
      start: structure.planPeriod.start,
      tags: [...new Set(s.tags ?? [])],
      milestoneIds: s.milestoneIds ?? [],
      packageIds: s.packageIds ?? [],
      crossRefId: s.crossRefCode ?? null,
      rag: null,
      position,
      version: 1,
    };
  });
  const assignments: AssignmentRecord[] = seeds.flatMap((s) =>
    s.assignments.map((a) => ({
      measureId: s.code,
      ministryId: a.orgId,
      role: a.role,
      provenance: a.provenance,
      confirmed: a.provenance !== 'proposed',
      status: 'not_started' as const,
      progress: 0,
      narrative: '',
      version: 1,
    })),
  );
  const milestones: Milestone[] = bundle.milestones.milestones.map((m) => ({ ...m, version: 1 }));
  const organisations: Organisation[] = bundle.organisations.organisations;
  return {
    planPeriod: structure.planPeriod,
    areas: structure.areas,
    sections: structure.sections,
    items,
    organisations,
    milestones,
    packageEntries: bundle.strengtheningPackage.entries,
    measures,
    assignments,
  };
}

/** Everything that would make the data lie: duplicate codes, dangling references, bad deadlines. */
export function integrityProblems(bundle: SeedBundle): string[] {
  const problems: string[] = [];
  const dup = (label: string, values: string[]) => {
    const seen = new Set<string>();
    for (const v of values) {
      if (seen.has(v)) problems.push(`duplicate ${label}: ${v}`);
      seen.add(v);
    }
    return seen;
  };
  const { structure } = bundle;
  const files = bundle.strategy;
  const items = files.flatMap((f) => f.items);
  const seeds = files.flatMap((f) => f.measures);
  const areaCodes = dup(
    'area',
    structure.areas.map((a) => a.code),
  );
  const sectionCodes = dup(
    'section',
    structure.sections.map((s) => s.code),
  );
  const itemCodes = dup(
    'item',
    items.map((i) => i.code),
  );
  const measureCodes = dup(
    'measure',
    seeds.map((m) => m.code),
  );
  const orgs = new Map(bundle.organisations.organisations.map((o) => [o.id, o]));
  dup('organisation', [...bundle.organisations.organisations.map((o) => o.id)]);
  const milestoneIds = dup(
    'milestone',
    bundle.milestones.milestones.map((m) => m.id),
  );
  const packageIds = dup(
    'package entry',
    bundle.strengtheningPackage.entries.map((p) => p.id),
  );
  // Entries without text of their own are headings (1, 2, 3, 3.4, 3.5): measures carry the others.
  const headings = new Set(bundle.strengtheningPackage.entries.filter((p) => !p.text).map((p) => p.id));

  for (const s of structure.sections)
    if (!areaCodes.has(s.areaCode)) problems.push(`section ${s.code}: unknown area ${s.areaCode}`);
  for (const i of items) {
    if (!sectionCodes.has(i.sectionCode)) problems.push(`item ${i.code}: unknown section ${i.sectionCode}`);
    if (i.parentCode && !itemCodes.has(i.parentCode)) problems.push(`item ${i.code}: unknown parent ${i.parentCode}`);
    if (!i.code.startsWith(i.sectionCode))
      problems.push(`item ${i.code}: code does not start with its section ${i.sectionCode}`);
  }
  for (const o of orgs.values()) {
    if (o.parentId && !orgs.has(o.parentId)) problems.push(`organisation ${o.id}: unknown parent ${o.parentId}`);
    if (o.impliesId && !orgs.get(o.impliesId)?.assignable)
      problems.push(`organisation ${o.id}: implies ${o.impliesId}, which is not assignable`);
  }
  for (const m of seeds) {
    const where = `measure ${m.code}`;
    if (!itemCodes.has(m.itemCode) && !sectionCodes.has(m.itemCode))
      problems.push(`${where}: unknown item ${m.itemCode}`);
    if (!m.code.startsWith(`${m.itemCode}-`))
      problems.push(`${where}: code does not start with its item ${m.itemCode}`);
    const leads = m.assignments.filter((a) => a.role === 'lead').length;
    if (leads !== 1) problems.push(`${where}: ${leads} lead ministries (need exactly one)`);
    dup(
      `${where} assignment`,
      m.assignments.map((a) => a.orgId),
    );
    for (const a of m.assignments) {
      const org = orgs.get(a.orgId);
      if (!org) problems.push(`${where}: unknown ministry ${a.orgId}`);
      else if (!org.assignable) problems.push(`${where}: ${a.orgId} cannot be assigned work`);
    }
    for (const p of dueProblems(toDue(m.due))) problems.push(`${where}: deadline ${p}`);
    for (const id of m.milestoneIds ?? [])
      if (!milestoneIds.has(id)) problems.push(`${where}: unknown milestone ${id}`);
    for (const id of m.packageIds ?? []) {
      if (!packageIds.has(id)) problems.push(`${where}: unknown package entry ${id}`);
      else if (headings.has(id)) problems.push(`${where}: package entry ${id} is a heading; use the entries under it`);
    }
    if (m.crossRefCode !== undefined) {
      if (!measureCodes.has(m.crossRefCode))
        problems.push(`${where}: cross-reference to unknown measure ${m.crossRefCode}`);
      else if (m.crossRefCode === m.code) problems.push(`${where}: cross-references itself`);
    }
  }
  const carried = new Set(seeds.flatMap((m) => m.packageIds ?? []));
  for (const p of bundle.strengtheningPackage.entries) {
    if (!headings.has(p.id) && !carried.has(p.id)) problems.push(`package entry ${p.id} is carried by no measure`);
  }
  for (const s of bundle.ciSectors.sectors)
    for (const id of s.ministryIds)
      if (!orgs.get(id)?.assignable) problems.push(`sector ${s.id}: unknown ministry ${id}`);
  problems.push(...strategyTextProblems(bundle));
  return problems;
}
