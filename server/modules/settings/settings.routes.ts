import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { publicSettingsSchema, updateSettingsBodySchema } from '../../../core/contracts/settings.ts';
import { access } from '../../http/access.ts';
import { readPublicSettings, saveSettings } from './settings.service.ts';

const tags = ['settings'];

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.context;
  api.get(
    '/settings',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'The deployment name, vocabulary preset and language',
        response: { 200: publicSettingsSchema },
      },
    },
    async () => readPublicSettings(database.db, config),
  );
  api.patch(
    '/settings',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Change the deployment settings',
        body: updateSettingsBodySchema,
        response: { 200: publicSettingsSchema },
      },
    },
    async (request) => saveSettings(database.db, config, request, request.body),
  );
}
