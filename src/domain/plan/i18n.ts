import { z } from 'zod';

export const LANGS = ['ja', 'en'] as const;
export const LangSchema = z.enum(LANGS);
export type Lang = z.infer<typeof LangSchema>;

/** Text the UI shows in both languages; Japanese is primary, English is complete. */
export const LocalizedTextSchema = z.strictObject({ ja: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang];
}
