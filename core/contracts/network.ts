/**
 * The team's network (issue 6): ties entered by hand, interactions with actors, and the network as
 * a graph with its metrics, at one date or compared between two.
 *
 *   GET   /api/ties                  members of the team (admin with a reason)
 *   POST  /api/ties                  worker, organizer, coordinator of the team
 *   PATCH /api/ties/:id              same, versioned
 *   GET   /api/actor-interactions    members of the team
 *   POST  /api/actor-interactions    worker, organizer, coordinator of the team
 *   GET   /api/network               the graph at a date, with metrics (computed in worker threads)
 *   GET   /api/network/compare       the graph at two dates, with new and lost ties
 */
import { z } from 'zod';
import { bothLanguages } from '../localized.ts';
import { derivedTieKinds, interactionKinds, tieKinds } from '../network.ts';
import { pageQuery } from './common.ts';

const dateSchema = z.iso.date();

export const tieSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  actorAId: z.uuid(),
  actorBId: z.uuid(),
  kind: z.enum(tieKinds),
  strength: z.number().int().min(1).max(3),
  startedOn: dateSchema.nullable(),
  endedOn: dateSchema.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type Tie = z.infer<typeof tieSchema>;
/** The actors a list names, so a page can show names without one request per actor. */
export const actorRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['organisation', 'keyPerson']),
  category: z.string(),
});
export type ActorRef = z.infer<typeof actorRefSchema>;

export const tieListSchema = z.object({ items: z.array(tieSchema), actors: z.array(actorRefSchema) });

export const tieListQuerySchema = z.strictObject({ teamId: z.uuid().optional(), actorId: z.uuid().optional() });

const tieFields = {
  kind: z.enum(tieKinds),
  strength: z.number().int().min(1).max(3).default(2),
  startedOn: dateSchema.nullable().optional(),
  endedOn: dateSchema.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
};

export const createTieBodySchema = z
  .strictObject({ teamId: z.uuid().optional(), actorAId: z.uuid(), actorBId: z.uuid(), ...tieFields })
  .refine(
    (body) => body.actorAId !== body.actorBId,
    bothLanguages('Choisissez deux acteurs différents.', 'Choose two different actors.', ['actorBId']),
  )
  .refine(
    (body) => !body.startedOn || !body.endedOn || body.endedOn >= body.startedOn,
    bothLanguages('La fin ne peut précéder le début.', 'The end cannot come before the start.', ['endedOn']),
  );

export const updateTieBodySchema = z.strictObject({
  kind: z.enum(tieKinds).optional(),
  strength: z.number().int().min(1).max(3).optional(),
  startedOn: dateSchema.nullable().optional(),
  endedOn: dateSchema.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  baseVersion: z.number().int().min(1),
});

export const interactionSchema = z.object({
  id: z.uuid(),
  teamId: z.uuid(),
  kind: z.enum(interactionKinds),
  occurredOn: dateSchema,
  title: z.string(),
  note: z.string().nullable(),
  actorIds: z.array(z.uuid()),
  version: z.number().int(),
});
export type Interaction = z.infer<typeof interactionSchema>;
export const interactionListSchema = z.object({
  items: z.array(interactionSchema),
  total: z.number().int(),
  actors: z.array(actorRefSchema),
});

export const interactionListQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  kind: z.enum(interactionKinds).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  ...pageQuery,
});

export const createInteractionBodySchema = z.strictObject({
  teamId: z.uuid().optional(),
  kind: z.enum(interactionKinds),
  occurredOn: dateSchema,
  title: z.string().trim().min(1).max(200),
  note: z.string().trim().max(4000).nullable().optional(),
  actorIds: z.array(z.uuid()).min(1).max(100),
});

const kindFilter = z
  .string()
  .regex(/^[a-zA-Z]+(,[a-zA-Z]+)*$/)
  .refine((value) => value.split(',').every((kind) => [...tieKinds, ...derivedTieKinds].includes(kind as never)), {
    ...bothLanguages(
      `Types parmi : ${[...tieKinds, ...derivedTieKinds].join(', ')}.`,
      `Kinds among: ${[...tieKinds, ...derivedTieKinds].join(', ')}.`,
    ),
  });

export const networkQuerySchema = z.strictObject({
  teamId: z.uuid().optional(),
  /** The network as it stood that day (default today): ties started by then and not yet ended. */
  at: dateSchema.optional(),
  /** Comma list of tie kinds (hand-made and derived); all by default. */
  kinds: kindFilter.optional(),
  /** Only actors serving this neighbourhood. */
  neighbourhoodId: z.uuid().optional(),
  /** How far back activity counts for derived ties, in days before `at` (default 365). */
  window: z.coerce.number().int().min(1).max(3650).default(365),
});

export const networkNodeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(['organisation', 'keyPerson']),
  category: z.string(),
  degree: z.number().int(),
  betweenness: z.number(),
  closeness: z.number(),
  community: z.number().int(),
  isolated: z.boolean(),
  /** Holds parts of the network together: its departure would split them, or it links communities. */
  bridging: z.boolean(),
});

export const networkEdgeSchema = z.object({
  id: z.string(),
  source: z.uuid(),
  target: z.uuid(),
  kind: z.enum([...tieKinds, ...derivedTieKinds]),
  strength: z.number().int(),
  derived: z.boolean(),
  /** Derived ties: how many interactions or referrals make the tie. */
  count: z.number().int().nullable(),
});
export type NetworkEdge = z.infer<typeof networkEdgeSchema>;

export const networkSchema = z.object({
  at: dateSchema,
  nodes: z.array(networkNodeSchema),
  edges: z.array(networkEdgeSchema),
  communities: z.number().int(),
  modularity: z.number(),
  computedInMs: z.number(),
});
export type Network = z.infer<typeof networkSchema>;

export const networkCompareQuerySchema = z
  .strictObject({
    teamId: z.uuid().optional(),
    from: dateSchema,
    to: dateSchema,
    kinds: kindFilter.optional(),
    neighbourhoodId: z.uuid().optional(),
    window: z.coerce.number().int().min(1).max(3650).default(365),
  })
  .refine(
    (query) => query.from < query.to,
    bothLanguages('La seconde date doit suivre la première.', 'The second date must come after the first.', ['to']),
  );

export const networkCompareSchema = z.object({
  from: networkSchema,
  to: networkSchema,
  newTies: z.array(networkEdgeSchema),
  lostTies: z.array(networkEdgeSchema),
});
