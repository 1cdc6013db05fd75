import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthSchema } from '../../../core/contracts/settings.ts';
import { text } from '../../../core/localized.ts';
import { databaseIsReachable } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import { AppError } from '../../http/errors.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { access: access.public },
      schema: { tags: ['health'], summary: 'Is Relais up, with its database?', response: { 200: healthSchema } },
    },
    async () => {
      if (!(await databaseIsReachable(app.context.database))) {
        throw new AppError(503, 'database_unavailable', text('Base de données injoignable.', 'Database unreachable.'));
      }
      return { status: 'ok' as const };
    },
  );
}
