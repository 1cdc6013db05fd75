import { z } from 'zod';
import { bothLanguages } from '../localized.ts';

/**
 * Need signals (issue 6, decision 0022): needs that recur in a neighbourhood's encounters above a
 * threshold the team sets.
 *
 * | method | path                        | body / query               | answer                    | who                |
 * | ------ | --------------------------- | -------------------------- | ------------------------- | ------------------ |
 * | GET    | /api/need-signals           | status, neighbourhoodId    | NeedSignalList            | team; admin+reason |
 * | POST   | /api/need-signals/detect    | teamId?                    | DetectionResult           | coordinators       |
 * | PATCH  | /api/need-signals/:id       | status, note, baseVersion  | NeedSignal; 409           | members            |
 * | GET    | /api/need-signal-settings   | teamId?                    | NeedSignalSettings        | team               |
 * | PATCH  | /api/need-signal-settings   | thresholds                 | NeedSignalSettings; 422   | coordinators       |
 * | PATCH  | /api/need-signals/:id/advocacy | themes, structuralProblem, baseVersion | NeedSignal; 409; 422 | members |
 * | GET    | /api/need-signals/advocacy-summary | format, from, to, teamId, lang | CSV or PDF file | team; admin+reason |
 *
 * Counts leave the server as numbers from 5 up, or "<5".
 */
/**
 * What a signal can be passed to advocacy for (seed 004: structural problems to carry to partners
 * and authorities). A short fixed list so partners can add up summaries from several teams; the
 * team's own words go in the structural-problem statement.
 */
export const advocacyThemes = ['housing', 'health', 'income', 'food', 'publicSpace', 'services', 'safety'] as const;
export type AdvocacyTheme = (typeof advocacyThemes)[number];

export const needSignalStatuses = ['new', 'acknowledged', 'takenUp', 'dismissed'] as const;
export type NeedSignalStatus = (typeof needSignalStatuses)[number];

/** A count as it may leave the server: 5 and more, or "<5". */
export const suppressedCountSchema = z.union([z.number().int().min(5), z.literal('<5')]);
export type Count = z.infer<typeof suppressedCountSchema>;

const localized = z.object({ fr: z.string(), en: z.string() });

export const needSignalSettingsSchema = z.object({
  teamId: z.uuid(),
  windowDays: z.number().int(),
  minEncounters: z.number().int(),
  minPeople: z.number().int(),
  minRisePercent: z.number().int().nullable(),
  /** False while the team uses the defaults. */
  saved: z.boolean(),
});
export type NeedSignalSettings = z.infer<typeof needSignalSettingsSchema>;

export const needSignalSettingsQuerySchema = z.strictObject({ teamId: z.uuid().optional() });

export const updateNeedSignalSettingsBodySchema = z.strictObject({
  teamId: z.uuid().optional(),
  /** How far back a detection looks, in days. */
  windowDays: z.number().int().min(7).max(365),
  /** Encounters naming the need in the window (anonymous contacts count). */
  minEncounters: z.number().int().min(2).max(100_000),
  /** Distinct known people among them; 0 asks for none. */
  minPeople: z.number().int().min(0).max(100_000),
  /** Rise against the window before, in percent; null does not compare. */
  minRisePercent: z.number().int().min(1).max(1000).nullable(),
});

export const needSignalListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  neighbourhoodId: z.uuid().optional(),
  /** A status, or `open` (new and acknowledged, the default), or `all`. */
  status: z.enum([...needSignalStatuses, 'open', 'all']).default('open'),
});

export const needSignalSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  neighbourhoodId: z.uuid(),
  neighbourhoodName: z.string(),
  need: z.string(),
  needLabel: localized,
  status: z.enum(needSignalStatuses),
  windowStart: z.iso.date(),
  windowEnd: z.iso.date(),
  encounters: suppressedCountSchema,
  people: suppressedCountSchema,
  previousEncounters: suppressedCountSchema,
  history: z.array(z.object({ on: z.iso.date(), encounters: suppressedCountSchema, people: suppressedCountSchema })),
  firstDetectedAt: z.string(),
  lastDetectedAt: z.string(),
  statusNote: z.string().nullable(),
  statusChangedBy: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  /** Themes the team passes on to advocacy (plaidoyer); empty when not tagged. */
  advocacyThemes: z.array(z.enum(advocacyThemes)),
  /** The structural problem behind the signal, in a sentence without names. */
  structuralProblem: z.string().nullable(),
  version: z.number().int(),
});
export type NeedSignal = z.infer<typeof needSignalSchema>;

export const needSignalListSchema = z.object({ items: z.array(needSignalSchema) });

export const changeNeedSignalBodySchema = z.strictObject({
  baseVersion: z.number().int().min(1),
  status: z.enum(needSignalStatuses),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const detectNeedSignalsBodySchema = z.strictObject({ teamId: z.uuid().optional() });

export const detectionResultSchema = z.object({
  /** Signals raised for the first time. */
  created: z.number().int(),
  /** Open signals whose figures were brought up to date. */
  updated: z.number().int(),
  items: z.array(needSignalSchema),
});
export type DetectionResult = z.infer<typeof detectionResultSchema>;

export const setSignalAdvocacyBodySchema = z
  .strictObject({
    baseVersion: z.number().int().min(1),
    /** Up to three themes; none takes the signal out of the advocacy summary. */
    themes: z
      .array(z.enum(advocacyThemes))
      .max(3)
      .refine(
        (themes) => new Set(themes).size === themes.length,
        bothLanguages('Chaque thème une seule fois.', 'Each theme once.'),
      ),
    structuralProblem: z.string().trim().max(600).nullable().optional(),
    /** Words the guard took for names that the author confirms are not about anyone. */
    confirmedNotNames: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  })
  .refine(
    (body) => body.themes.length > 0 || !body.structuralProblem,
    bothLanguages(
      'Choisissez au moins un thème pour un problème structurel.',
      'Choose at least one theme for a structural problem.',
      ['themes'],
    ),
  );

export const advocacySummaryFormats = ['csv', 'pdf'] as const;

export const advocacySummaryQuerySchema = z
  .strictObject({
    format: z.enum(advocacySummaryFormats).default('pdf'),
    /** Signals whose window meets [from, to]; default the last twelve months. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    teamId: z.uuid().optional(),
    lang: z.enum(['fr', 'en']).optional(),
  })
  .refine(
    (query) => !query.from || !query.to || query.from <= query.to,
    bothLanguages('La fin ne peut précéder le début.', 'The end cannot come before the start.', ['to']),
  );
