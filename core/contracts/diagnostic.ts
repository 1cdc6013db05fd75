import { z } from 'zod';
import { needSignalStatuses, suppressedCountSchema } from './signals.ts';

/**
 * The diagnostic de quartier (issue 6, decision 0022): a versioned document per neighbourhood,
 * its sections beside live figures; a published version keeps the figures it showed.
 *
 * | method | path                                            | answer                 | who                       |
 * | ------ | ----------------------------------------------- | ---------------------- | ------------------------- |
 * | GET    | /api/diagnostics                                | DiagnosticList         | team; admin+reason        |
 * | GET    | /api/diagnostics/neighbourhoods/:id             | Diagnostic (latest)    | team; admin+reason        |
 * | GET    | /api/diagnostics/neighbourhoods/:id/figures     | DiagnosticFigures      | team; admin+reason        |
 * | POST   | /api/diagnostics/neighbourhoods/:id/versions    | Diagnostic; 409        | members (publish: coord.) |
 * | GET    | /api/diagnostics/:id/versions/:number           | DiagnosticVersion      | team; admin+reason        |
 * | GET    | /api/diagnostics/:id/pdf?version=&lang=         | application/pdf        | team; admin+reason        |
 */
export const diagnosticSectionKeys = [
  'history',
  'population',
  'livingConditions',
  'needs',
  'resources',
  'gaps',
] as const;
export type DiagnosticSectionKey = (typeof diagnosticSectionKeys)[number];

const localized = z.object({ fr: z.string(), en: z.string() });
const sectionText = z.string().max(20_000);

export const diagnosticSectionsSchema = z.strictObject(
  Object.fromEntries(diagnosticSectionKeys.map((key) => [key, sectionText.default('')])) as Record<
    DiagnosticSectionKey,
    z.ZodDefault<typeof sectionText>
  >,
);

/** A priority keeps its id from version to version, so a community project can point at it (issue 7). */
export const diagnosticPrioritySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  detail: z.string().nullable(),
});

export const diagnosticFiguresSchema = z.object({
  computedAt: z.string(),
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  sectorCount: z.number().int(),
  indicators: z.array(
    z.object({
      code: z.string(),
      label: localized,
      unit: z.string().nullable(),
      year: z.number().int(),
      value: z.number(),
      /** How the sectors' values were joined: added up, weighted by population, or a plain mean. */
      method: z.enum(['sum', 'populationWeighted', 'mean']),
      sectors: z.number().int(),
      source: z.string().nullable(),
    }),
  ),
  coverage: z.object({
    sessions: z.number().int(),
    encounters: suppressedCountSchema,
    lastVisit: z.iso.date().nullable(),
    places: z.number().int(),
    /** The neighbourhood's places where nobody went during the period (public spots, never a person). */
    placesNotVisited: z.array(z.object({ name: z.string(), lastVisit: z.iso.date().nullable() })),
  }),
  signals: z.array(
    z.object({
      id: z.uuid(),
      need: z.string(),
      needLabel: localized,
      status: z.enum(needSignalStatuses),
      encounters: suppressedCountSchema,
      people: suppressedCountSchema,
    }),
  ),
  network: z.object({
    actors: z.number().int(),
    ties: z.number().int(),
    isolated: z.number().int(),
    bridging: z.number().int(),
    communities: z.number().int(),
    /** Organisations that hold the network together (cut vertices or reaching two other communities). */
    bridgingOrganisations: z.array(z.string()),
  }),
});
export type DiagnosticFigures = z.infer<typeof diagnosticFiguresSchema>;

export const diagnosticVersionSchema = z.object({
  number: z.number().int(),
  status: z.enum(['draft', 'published']),
  title: z.string(),
  sections: z.record(z.enum(diagnosticSectionKeys), z.string()),
  priorities: z.array(diagnosticPrioritySchema),
  periodFrom: z.iso.date(),
  periodTo: z.iso.date(),
  /** Frozen at publication; null on a draft (its figures are the live ones). */
  figures: diagnosticFiguresSchema.nullable(),
  savedAt: z.string(),
  savedByName: z.string().nullable(),
});
export type DiagnosticVersion = z.infer<typeof diagnosticVersionSchema>;

export const diagnosticSchema = z.object({
  /** Null until the first version is saved. */
  id: z.uuid().nullable(),
  neighbourhoodId: z.uuid(),
  neighbourhoodName: z.string(),
  teamId: z.uuid(),
  currentVersion: z.number().int(),
  latest: diagnosticVersionSchema.nullable(),
  versions: z.array(
    z.object({
      number: z.number().int(),
      status: z.enum(['draft', 'published']),
      title: z.string(),
      savedAt: z.string(),
      savedByName: z.string().nullable(),
    }),
  ),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const diagnosticListSchema = z.object({
  items: z.array(
    z.object({
      neighbourhoodId: z.uuid(),
      neighbourhoodName: z.string(),
      teamId: z.uuid(),
      diagnosticId: z.uuid().nullable(),
      currentVersion: z.number().int(),
      status: z.enum(['draft', 'published']).nullable(),
      savedAt: z.string().nullable(),
    }),
  ),
});

export const diagnosticListQuerySchema = z.strictObject({ teamId: z.uuid().optional() });

export const diagnosticFiguresQuerySchema = z
  .strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'from ≤ to', path: ['to'] });

export const saveDiagnosticVersionBodySchema = z
  .strictObject({
    /** The version the text was written on (0 for the first); another save since answers 409. */
    baseVersion: z.number().int().min(0),
    title: z.string().trim().min(1).max(200),
    sections: diagnosticSectionsSchema,
    priorities: z
      .array(
        z.strictObject({
          id: z.uuid().optional(),
          title: z.string().trim().min(1).max(300),
          detail: z.string().trim().max(2000).nullable().optional(),
        }),
      )
      .max(50)
      .default([]),
    periodFrom: z.iso.date(),
    periodTo: z.iso.date(),
    /** Publishing freezes today's figures into the version (coordinators). */
    publish: z.boolean().default(false),
  })
  .refine((body) => body.periodFrom <= body.periodTo, { message: 'periodFrom ≤ periodTo', path: ['periodTo'] });

export const diagnosticVersionParamsSchema = z.strictObject({
  id: z.uuid(),
  number: z.coerce.number().int().min(1),
});

export const diagnosticPdfQuerySchema = z.strictObject({
  version: z.coerce.number().int().min(1).optional(),
  lang: z.enum(['fr', 'en']).optional(),
});
