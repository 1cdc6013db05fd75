/** Every message a person may read comes in both languages of Relais. */
export type LocalizedText = { fr: string; en: string };

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export function text(fr: string, en: string): LocalizedText {
  return { fr, en };
}

/**
 * A contract's own rule (a zod `refine`) worded in both languages: the French is the message, the
 * English rides in `params` and the validator (server/http/validation.ts) answers with both.
 */
export function bothLanguages(fr: string, en: string, path?: string[]) {
  return { message: fr, params: { en }, ...(path ? { path } : {}) };
}
