import { z } from 'zod';
import { languages } from '../localized.ts';
import { roles } from '../roles.ts';
import { emailSchema, newPasswordSchema, personNameSchema } from './common.ts';

export const signInBodySchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const teamRefSchema = z.object({ id: z.uuid(), name: z.string(), code: z.string() });

export const currentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  language: z.enum(languages),
  teams: z.array(teamRefSchema),
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionStateSchema = z.object({
  user: currentUserSchema.nullable(),
  /** Sent back in the `x-csrf-token` header of every request that changes something. */
  csrfToken: z.string(),
  expiresAt: z.iso.datetime().nullable(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

export const updateMeBodySchema = z.strictObject({
  name: personNameSchema.optional(),
  language: z.enum(languages).optional(),
});
