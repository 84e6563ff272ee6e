import type { AssignmentRecord, MeasureRecord, Milestone, Organisation } from '@/domain/plan';
import { plainSourceText, TAG_LABELS } from '@/domain/plan';
import { indexText } from './normalise';

/** The fields a measure is found by; each has its own weight in the ranking (rank.ts). */
export const SEARCH_FIELDS = ['code', 'title', 'titleEn', 'tags', 'ministries', 'quote'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** One row of the search index: a measure's field in indexed form (normalise.ts). */
export type SearchRow = { measureId: string; field: SearchField; text: string };

/**
 * Bumped whenever normalisation, stemming or the fields change: a store whose index was built by
 * another version rebuilds it on start.
 */
export const SEARCH_INDEX_VERSION = 1;

type Context = {
  assignments: readonly AssignmentRecord[];
  organisations: readonly Organisation[];
  milestones: readonly Milestone[];
};

/** The quote as read, and again with its readings (国際場裡（こくさいじょうり）) where it has any. */
function withReadings(quote: string): string {
  const plain = plainSourceText(quote);
  const read = plainSourceText(quote, 'reading-in-parentheses');
  return plain === read ? plain : `${plain} ${read}`;
}

const orgNames = (o: Organisation) => [o.name.ja, o.name.en, o.short?.ja ?? '', o.short?.en ?? ''].join(' ');

/** A measure's index rows: title, English title, quote (as read and with its readings), code, ministries and tags. */
export function searchRows(measure: MeasureRecord, context: Context): SearchRow[] {
  const orgById = new Map(context.organisations.map((o) => [o.id, o]));
  const ministries = context.assignments
    .filter((a) => a.measureId === measure.id)
    .map((a) => orgById.get(a.ministryId))
    .filter((o): o is Organisation => o !== undefined);
  const milestones = context.milestones.filter((m) => measure.milestoneIds.includes(m.id));
  const fields: Record<SearchField, string> = {
    code: measure.code,
    title: plainSourceText(measure.title.ja),
    titleEn: plainSourceText(measure.title.en),
    tags: [
      ...measure.tags.map((t) => `${TAG_LABELS[t].ja} ${TAG_LABELS[t].en}`),
      ...milestones.map((m) => `${m.title.ja} ${m.title.en}`),
    ].join(' '),
    ministries: ministries.map(orgNames).join(' '),
    quote: withReadings(measure.quote),
  };
  return SEARCH_FIELDS.map((field) => ({ measureId: measure.id, field, text: indexText(fields[field]) }));
}

export function allSearchRows(snapshot: Context & { measures: readonly MeasureRecord[] }): SearchRow[] {
  return snapshot.measures.flatMap((m) => searchRows(m, snapshot));
}

/** What `Store.searchMeasureText` answers: one row per (needle, measure, field) where the field contains the needle. */
export type SearchHit = { needle: string; measureId: string; field: SearchField };

/** The reference answer: what every adapter must return for the same rows (the memory store uses it). */
export function findNeedles(rows: readonly SearchRow[], needles: readonly string[]): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const needle of new Set(needles)) {
    if (!needle) continue;
    for (const r of rows) if (r.text.includes(needle)) hits.push({ needle, measureId: r.measureId, field: r.field });
  }
  return hits;
}
