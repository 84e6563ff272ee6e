import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { DueSchema } from './deadline';
import { LocalizedTextSchema } from './i18n';
import { AssignmentRoleSchema, ProvenanceSchema, RagSchema, StatusSchema } from './status';

/** Strategy → policy area → section → item (→ sub-item) → measure. Codes come from the text. */
export const AreaSchema = z.strictObject({
  code: z.string().min(1),
  title: LocalizedTextSchema,
  motto: LocalizedTextSchema.optional(),
});
export type Area = z.infer<typeof AreaSchema>;

export const SectionSchema = z.strictObject({
  code: z.string().min(1),
  areaCode: z.string().min(1),
  title: LocalizedTextSchema,
});
export type Section = z.infer<typeof SectionSchema>;

export const ItemSchema = z.strictObject({
  code: z.string().min(1),
  sectionCode: z.string().min(1),
  parentCode: z.string().min(1).optional(),
  title: LocalizedTextSchema,
});
export type Item = z.infer<typeof ItemSchema>;

export const ORG_KINDS = ['ministry', 'cabinet_body', 'council', 'unit', 'agency', 'other'] as const;
export const OrganisationSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/),
  kind: z.enum(ORG_KINDS),
  assignable: z.boolean(),
  parentId: z.string().optional(),
  impliesId: z.string().optional(),
  name: LocalizedTextSchema,
  short: LocalizedTextSchema.optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const MILESTONE_KINDS = ['event', 'plan'] as const;
export const MilestoneSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  kind: z.enum(MILESTONE_KINDS),
  title: LocalizedTextSchema,
  start: IsoDateSchema,
  end: IsoDateSchema,
  version: z.int().min(1),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const RagOverrideSchema = z.strictObject({
  rating: RagSchema,
  reason: z.string().min(1).max(2000),
});
export type RagOverride = z.infer<typeof RagOverrideSchema>;

export const TAGS = ['tokyo2020', 'ci', 'mynumber', 'gov', 'hr', 'rnd', 'intl', 'crime', 'iot', 'awareness'] as const;
export const TagSchema = z.enum(TAGS);
export type Tag = z.infer<typeof TagSchema>;

/** What each tag is called in the UI, and what search finds it by. */
export const TAG_LABELS: Record<Tag, { ja: string; en: string }> = {
  tokyo2020: { ja: '東京2020', en: 'Tokyo 2020' },
  ci: { ja: '重要インフラ', en: 'Critical infrastructure' },
  mynumber: { ja: 'マイナンバー', en: 'My Number' },
  gov: { ja: '政府機関', en: 'Government systems' },
  hr: { ja: '人材', en: 'Human resources' },
  rnd: { ja: '研究開発', en: 'R&D' },
  intl: { ja: '国際', en: 'International' },
  crime: { ja: 'サイバー犯罪', en: 'Cybercrime' },
  iot: { ja: 'IoT', en: 'IoT' },
  awareness: { ja: '普及啓発', en: 'Awareness' },
};

/**
 * 年度末目標: the progress NISC expects of a measure by the end of a fiscal year (issue 11). The
 * expected-progress line runs through these instead of straight from start to due.
 */
export const FyTargetSchema = z.strictObject({ fy: z.int(), percent: z.int().min(0).max(100) });
export type FyTarget = z.infer<typeof FyTargetSchema>;

/** A measure as stored: its place in the strategy, its source, its deadline. */
export const MeasureRecordSchema = z.strictObject({
  id: z.string().min(1),
  code: z.string().min(1),
  itemCode: z.string().min(1),
  sectionCode: z.string().min(1),
  areaCode: z.string().min(1),
  title: LocalizedTextSchema,
  quote: z.string().min(1),
  due: DueSchema,
  start: IsoDateSchema,
  tags: z.array(TagSchema),
  milestoneIds: z.array(z.string()),
  packageIds: z.array(z.string()),
  crossRefId: z.string().nullable(),
  rag: RagOverrideSchema.nullable(),
  /** Fiscal-year targets in fiscal-year order; absent when NISC has set none. */
  fyTargets: z.array(FyTargetSchema).optional(),
  position: z.int(),
  version: z.int().min(1),
});
export type MeasureRecord = z.infer<typeof MeasureRecordSchema>;

/** One ministry's share of a measure, with its own status, progress and narrative. */
export const AssignmentRecordSchema = z.strictObject({
  measureId: z.string().min(1),
  ministryId: z.string().min(1),
  role: AssignmentRoleSchema,
  provenance: ProvenanceSchema,
  confirmed: z.boolean(),
  status: StatusSchema,
  progress: z.int().min(0).max(100),
  narrative: z.string(),
  version: z.int().min(1),
});
export type AssignmentRecord = z.infer<typeof AssignmentRecordSchema>;

export const EVENT_ORIGINS = ['seed', 'scenario', 'user'] as const;

/** One update of an assignment, effective on a date; the history behind every as-of view. */
export const ProgressEventSchema = z.strictObject({
  id: z.int(),
  measureId: z.string().min(1),
  ministryId: z.string().min(1),
  effectiveOn: IsoDateSchema,
  status: StatusSchema,
  progress: z.int().min(0).max(100),
  narrative: z.string(),
  actor: z.string(),
  /** For an approved liaison submission: who submitted it (`actor` approved it). */
  submittedBy: z.string().nullable(),
  /** Why the update was made; every user update carries one. */
  comment: z.string(),
  recordedAt: z.string(),
  origin: z.enum(EVENT_ORIGINS),
});
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

export const PackageEntrySchema = z.strictObject({
  id: z.string().regex(/^\d+(\.\d+)*$/),
  parentId: z.string().optional(),
  title: LocalizedTextSchema,
  text: z.string().optional(),
  wording: z.string().optional(),
});
export type PackageEntry = z.infer<typeof PackageEntrySchema>;

export const PlanPeriodSchema = z.strictObject({
  start: IsoDateSchema,
  end: IsoDateSchema,
  label: LocalizedTextSchema,
});
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;
