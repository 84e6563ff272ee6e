import { z } from 'zod';

/**
 * Synonyms kept as data (seeds/search-synonyms.json): each group lists words officials use for the
 * same thing — an acronym and its katakana reading (CSIRT, シーサート), a body or event and its
 * abbreviation (独立行政法人, 独法), the client's English phrase and the text's Japanese one. A query
 * that contains any member may be satisfied by any member of its group.
 */
export const SynonymGroupSchema = z.strictObject({
  /** Why the group exists, for the person who edits the list. */
  note: z.string().optional(),
  words: z.array(z.string().trim().min(1).max(100)).min(2),
});
export const SynonymListSchema = z.strictObject({ groups: z.array(SynonymGroupSchema) });
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;
export type SynonymList = z.infer<typeof SynonymListSchema>;

export const NO_SYNONYMS: SynonymList = { groups: [] };
