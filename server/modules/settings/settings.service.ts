import { inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type PublicSettings,
  publicSettingsSchema,
  type updateSettingsBodySchema,
} from '../../../core/contracts/settings.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { settings } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';

const keys = ['deploymentName', 'vocabulary', 'defaultLanguage'] as const;

/** The environment gives the defaults; what an admin saved in the app wins. */
export async function readPublicSettings(db: Database, config: Config): Promise<PublicSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, [...keys]));
  const saved = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  return publicSettingsSchema.parse({
    deploymentName: config.deploymentName,
    vocabulary: config.vocabulary,
    defaultLanguage: config.defaultLanguage,
    ...saved,
    // From the environment only: the page's content security policy is built from it at boot.
    basemapUrl: config.basemapUrl,
  });
}

export async function saveSettings(
  db: Database,
  config: Config,
  request: FastifyRequest | null,
  body: z.output<typeof updateSettingsBodySchema>,
) {
  const entries = Object.entries(body).filter(([, value]) => value !== undefined);
  await db.transaction(async (tx) => {
    for (const [key, value] of entries) {
      await tx
        .insert(settings)
        .values({ key, value, updatedBy: request?.actor?.id ?? null })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value, updatedAt: sql`now()`, updatedBy: request?.actor?.id ?? null },
        });
    }
    await recordAudit(tx, request, { action: 'update', entityType: 'settings', details: body });
  });
  return readPublicSettings(db, config);
}
