import { z } from 'zod';
import { IsoDateSchema } from '@/domain/plan';
import { DueKindSchema, DueSourceSchema } from '@/domain/plan';
import { LocalizedTextSchema } from '@/domain/plan';
import {
  AreaSchema,
  ItemSchema,
  MilestoneSchema,
  OrganisationSchema,
  PackageEntrySchema,
  PlanPeriodSchema,
  SectionSchema,
  TagSchema,
} from '@/domain/plan';
import { AssignmentRoleSchema, ProvenanceSchema, StatusSchema } from '@/domain/plan';

/** The file formats under seeds/ (see seeds/README.md). Validated on every load. */

export const SeedDueSchema = z.strictObject({
  wording: z.string().min(1),
  kind: DueKindSchema.exclude(['plan_period']),
  date: IsoDateSchema.nullable(),
  source: DueSourceSchema.exclude(['staff', 'section']),
});

export const SeedAssignmentSchema = z.strictObject({
  orgId: z.string().min(1),
  role: AssignmentRoleSchema,
  provenance: ProvenanceSchema,
});

export const SeedMeasureSchema = z.strictObject({
  code: z.string().regex(/^[0-9.]+(\(\d+\))?([ivx]+)?-\d+$/),
  itemCode: z.string().min(1),
  title: LocalizedTextSchema,
  quote: z.string().min(1),
  due: SeedDueSchema.nullable(),
  assignments: z.array(SeedAssignmentSchema).min(1),
  tags: z.array(TagSchema).optional(),
  milestoneIds: z.array(z.string()).optional(),
  packageIds: z.array(z.string()).optional(),
  crossRefCode: z.string().optional(),
});
export type SeedMeasure = z.infer<typeof SeedMeasureSchema>;

export const SeedStrategyFileSchema = z.strictObject({
  items: z.array(ItemSchema),
  measures: z.array(SeedMeasureSchema),
});

export const SeedStructureSchema = z.strictObject({
  planPeriod: PlanPeriodSchema,
  areas: z.array(AreaSchema).min(1),
  sections: z.array(SectionSchema).min(1),
});

export const SeedOrganisationsSchema = z.strictObject({ organisations: z.array(OrganisationSchema).min(1) });

export const SeedMilestonesSchema = z.strictObject({
  milestones: z.array(MilestoneSchema.omit({ version: true })).min(1),
});

export const SeedPackageSchema = z.strictObject({
  source: LocalizedTextSchema,
  entries: z.array(PackageEntrySchema).min(1),
});

export const InstructionDirectiveSchema = z.strictObject({
  target: z.enum(['ministries', 'agencies']),
  text: LocalizedTextSchema,
  status: StatusSchema,
  statusWording: z.string().min(1),
});

export const InstructionSchema = z.strictObject({
  id: z.string().min(1),
  number: z.string().min(1),
  issuedOn: IsoDateSchema,
  theme: LocalizedTextSchema,
  directives: z.array(InstructionDirectiveSchema).min(1),
});
export type Instruction = z.infer<typeof InstructionSchema>;

export const SeedInstructionsSchema = z.strictObject({
  source: LocalizedTextSchema,
  instructions: z.array(InstructionSchema).min(1),
});

export const CiSectorSchema = z.strictObject({
  id: z.string().regex(/^[a-z_]+$/),
  name: LocalizedTextSchema,
  ministryIds: z.array(z.string()).min(1),
});
export type CiSector = z.infer<typeof CiSectorSchema>;

export const SeedCiSectorsSchema = z.strictObject({
  source: z.strictObject({ section: z.string(), quote: z.string().min(1) }),
  sectors: z.array(CiSectorSchema).length(13),
});

/** A labelled sample scenario: progress updates that are not facts of the strategy. */
export const ScenarioEventSchema = z.strictObject({
  measureCode: z.string().min(1),
  ministryId: z.string().min(1),
  effectiveOn: IsoDateSchema,
  status: StatusSchema,
  progress: z.int().min(0).max(100),
  narrative: z.string(),
});

/** Sample annual-plan text for a fiscal year and measure (issue 5); every text is marked 【サンプル】. */
export const ScenarioPlanSchema = z.strictObject({
  fy: z.int().min(2015).max(2030),
  measureCode: z.string().min(1),
  planText: z.string().optional(),
  nextPlanText: z.string().optional(),
  results: z.array(z.strictObject({ ministryId: z.string().min(1), text: z.string() })).optional(),
});
export type ScenarioPlan = z.infer<typeof ScenarioPlanSchema>;

export const ScenarioSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: LocalizedTextSchema,
  description: LocalizedTextSchema,
  events: z.array(ScenarioEventSchema),
  plans: z.array(ScenarioPlanSchema).optional(),
});
export type Scenario = z.infer<typeof ScenarioSchema>;
