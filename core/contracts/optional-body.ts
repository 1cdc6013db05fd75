import { z } from 'zod';

/**
 * A POST body that may be left out (`POST /api/sessions/:id/end` with nothing to add): Fastify hands
 * over `null` then, read here as `{}` so the object's defaults apply.
 */
export function optionalBody<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => value ?? {}, schema);
}
