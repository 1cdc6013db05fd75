import { inArray, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type ReferralSettings,
  referralSettingsSchema,
  type updateReferralSettingsBodySchema,
} from '../../../core/contracts/referrals.ts';
import { defaultCheckBackDays, defaultExpireAfterDays } from '../../../core/referrals.ts';
import type { Database, Tx } from '../../db/client.ts';
import { settings } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';

/** Deployment-wide, in the settings table: `referrals.checkBackDays`, `referrals.expireAfterDays`. */
const keys = { checkBackDays: 'referrals.checkBackDays', expireAfterDays: 'referrals.expireAfterDays' } as const;

export async function readReferralSettings(db: Database | Tx): Promise<ReferralSettings> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(keys)));
  const saved = new Map(rows.map((row) => [row.key, row.value]));
  const parsed = referralSettingsSchema.safeParse({
    checkBackDays: saved.get(keys.checkBackDays) ?? [...defaultCheckBackDays],
    expireAfterDays: saved.get(keys.expireAfterDays) ?? defaultExpireAfterDays,
  });
  const value = parsed.success
    ? parsed.data
    : { checkBackDays: [...defaultCheckBackDays], expireAfterDays: defaultExpireAfterDays };
  return { ...value, checkBackDays: [...value.checkBackDays].sort((a, b) => a - b) };
}

export async function saveReferralSettings(
  db: Database,
  request: FastifyRequest | null,
  body: z.output<typeof updateReferralSettingsBodySchema>,
): Promise<ReferralSettings> {
  const entries = (Object.keys(keys) as (keyof typeof keys)[])
    .filter((name) => body[name] !== undefined)
    .map(
      (name) =>
        [
          keys[name],
          name === 'checkBackDays' ? [...(body.checkBackDays ?? [])].sort((a, b) => a - b) : body[name],
        ] as const,
    );
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
    await recordAudit(tx, request, { action: 'update', entityType: 'settings', details: { referrals: body } });
  });
  return readReferralSettings(db);
}
