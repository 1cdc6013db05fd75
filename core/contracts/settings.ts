import { z } from 'zod';
import { languages } from '../localized.ts';
import { vocabularyPresets } from '../vocabulary.ts';

/** What the web app needs before anyone signs in: the deployment's words and language. */
export const publicSettingsSchema = z.object({
  deploymentName: z.string(),
  vocabulary: z.enum(vocabularyPresets),
  defaultLanguage: z.enum(languages),
  /** A MapLibre style URL or a raster tile template ({z}/{x}/{y}); null draws maps without a basemap. */
  basemapUrl: z.string().nullable(),
});
export type PublicSettings = z.infer<typeof publicSettingsSchema>;

export const updateSettingsBodySchema = z.strictObject({
  deploymentName: z.string().trim().min(2).max(120).optional(),
  vocabulary: z.enum(vocabularyPresets).optional(),
  defaultLanguage: z.enum(languages).optional(),
});

export const healthSchema = z.object({ status: z.literal('ok') });
