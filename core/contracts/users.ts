import { z } from 'zod';
import { languages } from '../localized.ts';
import { roles } from '../roles.ts';
import { teamRefSchema } from './auth.ts';
import { emailSchema, pageQuery, personNameSchema } from './common.ts';

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  language: z.enum(languages),
  active: z.boolean(),
  teams: z.array(teamRefSchema),
  lastSignInAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof userSchema>;

export const userListSchema = z.object({ items: z.array(userSchema), total: z.number().int() });

export const userListQuerySchema = z.strictObject({
  search: z.string().trim().max(100).optional(),
  role: z.enum(roles).optional(),
  teamId: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});

export const createUserBodySchema = z.strictObject({
  id: z.uuid().optional(),
  email: emailSchema,
  name: personNameSchema,
  role: z.enum(roles),
  language: z.enum(languages).default('fr'),
  teamIds: z.array(z.uuid()).max(20).default([]),
});

export const updateUserBodySchema = z.strictObject({
  name: personNameSchema.optional(),
  role: z.enum(roles).optional(),
  language: z.enum(languages).optional(),
  active: z.boolean().optional(),
  teamIds: z.array(z.uuid()).max(20).optional(),
});

/** A new account or a reset gives a one-time password, shown once to the admin who asked. */
export const userWithPasswordSchema = z.object({
  user: userSchema,
  temporaryPassword: z.string(),
});
