/**
 * Places where a team is present (lieu d'action: local, park, café, market…). Team-scoped: a
 * worker sees and edits the places of their own teams; admins see all. A place may have a location
 * on the team's map (a park, a market: public spots); a person never has one.
 *
 * | method | path              | body                     | answer              | who                                     |
 * | GET    | /api/places       | ?teamId=&includeInactive | { items: Place[] }  | signed in (own teams; admin: all)       |
 * | POST   | /api/places       | CreatePlace              | 201 Place           | worker, organizer, coordinator (own team)|
 * | PATCH  | /api/places/:id   | UpdatePlace (baseVersion)| Place; 409 stale    | worker, organizer, coordinator (own team)|
 */
import { z } from 'zod';
import { placeKinds } from '../fieldwork.ts';

/** A coarse zone of a neighbourhood ("Parc Jacques-Cartier, côté nord"): never GPS. */
export const zoneSchema = z.string().trim().min(1).max(120);

/** Where a place is on the map, in WGS84 degrees. */
export const placeLocationSchema = z.strictObject({
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
});

export const placeSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  neighbourhoodId: z.uuid().nullable(),
  name: z.string(),
  kind: z.enum(placeKinds),
  zone: z.string().nullable(),
  location: placeLocationSchema.nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Place = z.infer<typeof placeSchema>;

export const placeListSchema = z.object({ items: z.array(placeSchema) });

export const placeListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const createPlaceBodySchema = z.strictObject({
  id: z.uuid().optional(),
  /** Needed only when the caller belongs to several teams. */
  teamId: z.uuid().optional(),
  neighbourhoodId: z.uuid().nullable().optional(),
  name: z.string().trim().min(1).max(120),
  kind: z.enum(placeKinds),
  zone: zoneSchema.nullable().optional(),
  location: placeLocationSchema.nullable().optional(),
});

export const updatePlaceBodySchema = z.strictObject({
  baseVersion: z.number().int().min(1),
  neighbourhoodId: z.uuid().nullable().optional(),
  name: z.string().trim().min(1).max(120).optional(),
  kind: z.enum(placeKinds).optional(),
  zone: zoneSchema.nullable().optional(),
  location: placeLocationSchema.nullable().optional(),
  active: z.boolean().optional(),
});
