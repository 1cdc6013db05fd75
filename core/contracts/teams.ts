import { z } from 'zod';
import { roles } from '../roles.ts';

const codeSchema = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');

export const neighbourhoodSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  createdAt: z.iso.datetime(),
});
export type Neighbourhood = z.infer<typeof neighbourhoodSchema>;

const teamMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
});

const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string(),
  neighbourhoods: z.array(z.object({ id: z.uuid(), name: z.string(), code: z.string() })),
  memberCount: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type Team = z.infer<typeof teamSchema>;

export const teamDetailSchema = teamSchema.extend({ members: z.array(teamMemberSchema) });
export type TeamDetail = z.infer<typeof teamDetailSchema>;

export const teamListSchema = z.object({ items: z.array(teamSchema) });

export const createTeamBodySchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(2).max(120),
  code: codeSchema,
});
export const updateTeamBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  code: codeSchema.optional(),
});

export const neighbourhoodListSchema = z.object({ items: z.array(neighbourhoodSchema) });

export const createNeighbourhoodBodySchema = z.strictObject({
  id: z.uuid().optional(),
  name: z.string().trim().min(2).max(120),
  code: codeSchema,
  teamId: z.uuid(),
});
export const updateNeighbourhoodBodySchema = z.strictObject({
  name: z.string().trim().min(2).max(120).optional(),
  code: codeSchema.optional(),
  teamId: z.uuid().optional(),
});
