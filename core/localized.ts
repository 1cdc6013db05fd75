/** Every message a person may read comes in both languages of Relais. */
export type LocalizedText = { fr: string; en: string };

export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export function text(fr: string, en: string): LocalizedText {
  return { fr, en };
}
