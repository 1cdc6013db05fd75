/**
 * Searching and printing the neighbourhood directory (issue 5; decision 0012). The records
 * themselves are in ./directory.ts.
 *
 * | method | path                  | query                                                        | answer                |
 * | GET    | /api/directory/search | ?q&need&language&neighbourhoodId&openNow&availability&limit | DirectorySearchResult |
 * | GET    | /api/directory/print  | ?language                                                    | PrintableDirectory    |
 */
import { z } from 'zod';
import { actorCategories, actorKinds, availabilities } from '../directory.ts';
import { languages as appLanguages } from '../localized.ts';
import { languageCode } from './directory.ts';

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
/** `a,b` or repeated `?x=a&x=b`: both arrive as a list. */
const listQuery = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(item).max(20),
  );

export const directorySearchQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  need: z.string().trim().min(1).max(60).optional(),
  language: languageCode.optional(),
  neighbourhoodId: z.uuid().optional(),
  openNow: booleanQuery.optional(),
  availability: listQuery(z.enum(availabilities)).optional(),
  /** Services only, actors only, or both (default). */
  kind: z.enum(['service', 'actor', 'all']).default('all'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const serviceHitSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisation: z.object({ id: z.uuid(), name: z.string() }),
  availability: z.enum(availabilities),
  expectedWaitDays: z.number().int().nullable(),
  openNow: z.boolean(),
  needs: z.array(z.string()),
  languages: z.array(z.string()),
  free: z.boolean().nullable(),
  /** A short excerpt with the matched words between « and » (search only). */
  highlight: z.string().nullable(),
  rank: z.number(),
});
export type ServiceHit = z.infer<typeof serviceHitSchema>;

export const actorHitSchema = z.object({
  id: z.uuid(),
  kind: z.enum(actorKinds),
  category: z.enum(actorCategories),
  name: z.string(),
  city: z.string().nullable(),
  rank: z.number(),
});
export type ActorHit = z.infer<typeof actorHitSchema>;

export const directorySearchResultSchema = z.object({
  services: z.array(serviceHitSchema),
  actors: z.array(actorHitSchema),
  /** Query words that were read as another word of the directory ("logemant" → "logement"). */
  corrections: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type DirectorySearchResult = z.infer<typeof directorySearchResultSchema>;

export const printQuerySchema = z.strictObject({ language: z.enum(appLanguages).default('fr') });

const printServiceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisation: z.string(),
  description: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  url: z.string().nullable(),
  address: z.string().nullable(),
  hours: z.array(z.string()),
  languages: z.array(z.string()),
  free: z.boolean().nullable(),
  eligibility: z.string().nullable(),
  availability: z.enum(availabilities),
  expectedWaitDays: z.number().int().nullable(),
});

export const printableDirectorySchema = z.object({
  language: z.enum(appLanguages),
  generatedAt: z.iso.datetime(),
  deploymentName: z.string(),
  categories: z.array(z.object({ code: z.string(), label: z.string(), services: z.array(printServiceSchema) })),
});
export type PrintableDirectory = z.infer<typeof printableDirectorySchema>;
