import { z } from 'zod';

const localizedTextSchema = z.object({ fr: z.string(), en: z.string() });

export const idParamsSchema = z.strictObject({ id: z.uuid() });

/** The body of every error answer: a code for programs, a message for people, the bad fields. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: localizedTextSchema,
    fields: z.array(z.object({ path: z.string(), message: localizedTextSchema })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const okSchema = z.object({ ok: z.literal(true) });

/** Query strings arrive as text: a number in a query is coerced, then bounded. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

/** Pasted addresses come with spaces and capitals: both are forgiven before the check. */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const personNameSchema = z.string().trim().min(1).max(120);

/** A password people can remember (a phrase), long enough to resist guessing. */
export const newPasswordSchema = z.string().min(10).max(200);
