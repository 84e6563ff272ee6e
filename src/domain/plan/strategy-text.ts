import { z } from 'zod';
import { IsoDateSchema } from './dates';
import { DueKindSchema } from './deadline';
import { LocalizedTextSchema } from './i18n';
import { plainSourceText } from './source-text';

/**
 * The strategy's structure beyond its measures (issue 19; seeds/README.md "Lead-ins"):
 * - a lead-in is a sentence of an area, section or item that commits to the aim or approach its
 *   measures carry out ("…以下の取組を実施する"), quoted verbatim and shown above those measures;
 * - a section target is a date such a lead-in sets for the whole section (5.1.1 「2020 年までに」),
 *   distinct from any measure's own deadline;
 * - a step is a dated part of one measure where the text dates only that part (資料2-1:
 *   取組方針を策定（本年中を目途） within 5.2.2(3)-6).
 * Reference text that never changes: served from seeds/, like the public comments.
 */
export const LeadInSchema = z.strictObject({
  code: z.string().regex(/^[0-9.]+(\(\d+\))?([ivx]+)?-L\d+$/),
  /** The area, section or item whose measures it introduces. */
  nodeCode: z.string().min(1),
  quote: z.string().min(1),
});
export type LeadIn = z.infer<typeof LeadInSchema>;

const DatedWordingSchema = z.strictObject({
  wording: z.string().min(1),
  kind: DueKindSchema.extract(['date', 'fiscal_year', 'calendar_year']),
  date: IsoDateSchema,
});

export const SectionTargetSchema = DatedWordingSchema.extend({
  sectionCode: z.string().min(1),
  /** The lead-in whose sentence sets the target. */
  leadInCode: z.string().min(1),
  goal: LocalizedTextSchema,
  milestoneIds: z.array(z.string()),
});
export type SectionTarget = z.infer<typeof SectionTargetSchema>;

export const MeasureStepSchema = DatedWordingSchema.extend({
  measureCode: z.string().min(1),
  title: LocalizedTextSchema,
  source: z.enum(['2-1', '2-3']),
  /** The 資料2-1 entry that dates the step, when source is 2-1. */
  packageId: z.string().optional(),
});
export type MeasureStep = z.infer<typeof MeasureStepSchema>;

export const StrategyTextSchema = z.strictObject({
  leadIns: z.array(LeadInSchema),
  sectionTargets: z.array(SectionTargetSchema),
  steps: z.array(MeasureStepSchema),
});
export type StrategyText = z.infer<typeof StrategyTextSchema>;

/** The lead-ins of the given areas, sections and items, in the text's order. */
export function leadInsFor(leadIns: readonly LeadIn[], nodeCodes: readonly string[]): LeadIn[] {
  const wanted = new Set(nodeCodes);
  return leadIns.filter((l) => wanted.has(l.nodeCode));
}

export const ReportSectionTextSchema = z.object({
  leadIns: z.array(z.object({ code: z.string(), text: z.string() })),
  target: z.object({ wording: z.string(), date: IsoDateSchema, goal: LocalizedTextSchema }).nullable(),
});
export type ReportSectionText = z.infer<typeof ReportSectionTextSchema>;

/** What a report shows under a section's heading: its target and lead-ins (with its area's, if first), as plain text. */
export function reportSectionText(
  text: StrategyText | undefined,
  section: { code: string; areaCode: string },
  itemCodes: readonly string[],
  firstOfArea: boolean,
): ReportSectionText {
  if (!text) return { leadIns: [], target: null };
  const codes = [...(firstOfArea ? [section.areaCode] : []), section.code, ...itemCodes];
  const target = text.sectionTargets.find((t) => t.sectionCode === section.code);
  return {
    leadIns: leadInsFor(text.leadIns, codes).map((l) => ({ code: l.code, text: plainSourceText(l.quote) })),
    target: target ? { wording: target.wording, date: target.date, goal: target.goal } : null,
  };
}
