import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  purgeRunListQuerySchema,
  purgeRunListSchema,
  purgeRunSchema,
  retentionSettingsSchema,
  saveRetentionRulesBodySchema,
} from '../../../core/contracts/retention.ts';
import { access } from '../../http/access.ts';
import { scheduleJobs } from '../jobs/jobs.schedule.ts';
import { runPurge } from './retention.purge.ts';
import { retentionPurgeJob } from './retention.schedule.ts';
import { listPurgeRuns, purgeRunById, readRetentionSettings, saveRetentionSettings } from './retention.service.ts';

const tags = ['privacy'];

/** Retention rules, the purge (dry or real) and its log: admins only; counts and dates, never a person. */
export async function retentionRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { database, config } = app.context;
  const { db } = database;
  scheduleJobs(app, db, [retentionPurgeJob(config.timeZone)]);

  api.get(
    '/retention/rules',
    {
      config: { access: access.roles('admin') },
      schema: { tags, summary: 'Retention rules with their bounds', response: { 200: retentionSettingsSchema } },
    },
    async () => readRetentionSettings(db, config.timeZone),
  );
  api.put(
    '/retention/rules',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'Change retention durations or the purge hour',
        body: saveRetentionRulesBodySchema,
        response: { 200: retentionSettingsSchema },
      },
    },
    async (request) => saveRetentionSettings(db, request, request.body, config.timeZone),
  );
  api.post(
    '/retention/dry-run',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'What the purge would erase now, per rule (changes nothing)',
        response: { 200: purgeRunSchema },
      },
    },
    async (request) => {
      const run = await runPurge(db, { dryRun: true, trigger: 'admin', request });
      return purgeRunById(db, run.id);
    },
  );
  api.post(
    '/retention/purge',
    {
      config: { access: access.roles('admin') },
      schema: { tags, summary: 'Apply the retention rules now', response: { 200: purgeRunSchema } },
    },
    async (request) => {
      const run = await runPurge(db, { dryRun: false, trigger: 'admin', request });
      return purgeRunById(db, run.id);
    },
  );
  api.get(
    '/retention/runs',
    {
      config: { access: access.roles('admin') },
      schema: {
        tags,
        summary: 'The purge log, newest first',
        querystring: purgeRunListQuerySchema,
        response: { 200: purgeRunListSchema },
      },
    },
    async (request) => ({ items: await listPurgeRuns(db, request.query.limit) }),
  );
}
