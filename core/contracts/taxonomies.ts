/**
 * Taxonomies: needs, actions, rights, non-recours barriers, observation themes, tally kinds.
 * Data, not enums: seeded in French and English (migration 0004), edited by coordinators.
 * Records keep a term's `code`; a retired term (`active: false`) still labels old records.
 *
 * | method | path                    | body                      | answer                 | who                        |
 * | GET    | /api/taxonomies         | ?kind=&includeInactive=   | { items: Term[] }      | signed in                  |
 * | POST   | /api/taxonomies         | CreateTerm                | 201 Term               | coordinator, admin         |
 * | PATCH  | /api/taxonomies/:id     | UpdateTerm (baseVersion)  | Term; 409 on stale     | coordinator, admin         |
 *
 * A code is taken once per kind (409 `already_exists`). Codes never change; labels, order and
 * `active` do.
 */
import { z } from 'zod';
import { taxonomyKinds } from '../fieldwork.ts';

/** A taxonomy code as records keep it: short, stable, ASCII. */
export const termCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/);

const labelSchema = z.string().trim().min(1).max(120);

export const termSchema = z.object({
  id: z.uuid(),
  kind: z.enum(taxonomyKinds),
  code: z.string(),
  label: z.object({ fr: z.string(), en: z.string() }),
  active: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type Term = z.infer<typeof termSchema>;

export const termListSchema = z.object({ items: z.array(termSchema) });

export const termListQuerySchema = z.strictObject({
  kind: z.enum(taxonomyKinds).optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const createTermBodySchema = z.strictObject({
  id: z.uuid().optional(),
  kind: z.enum(taxonomyKinds),
  code: termCodeSchema,
  label: z.strictObject({ fr: labelSchema, en: labelSchema }),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});

export const updateTermBodySchema = z.strictObject({
  baseVersion: z.number().int().min(1),
  label: z.strictObject({ fr: labelSchema, en: labelSchema }).optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  active: z.boolean().optional(),
});
