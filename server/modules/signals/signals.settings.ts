import { eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { NeedSignalSettings, updateNeedSignalSettingsBodySchema } from '../../../core/contracts/signals.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { needSignalSettings } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { invalidField } from '../../http/errors.ts';

/**
 * A team that has set nothing: a need named in 10 encounters of one neighbourhood over 90 days,
 * by at least 3 known people. Rise not compared. Decision 0022.
 */
export const defaultThresholds = { windowDays: 90, minEncounters: 10, minPeople: 3, minRisePercent: null };

export async function readSignalSettings(db: Database | Tx, teamId: string): Promise<NeedSignalSettings> {
  const [row] = await db.select().from(needSignalSettings).where(eq(needSignalSettings.teamId, teamId));
  if (!row) return { teamId, ...defaultThresholds, saved: false };
  return {
    teamId,
    windowDays: row.windowDays,
    minEncounters: row.minEncounters,
    minPeople: row.minPeople,
    minRisePercent: row.minRisePercent,
    saved: true,
  };
}

export async function saveSignalSettings(
  db: Database,
  request: FastifyRequest,
  teamId: string,
  body: z.output<typeof updateNeedSignalSettingsBodySchema>,
): Promise<NeedSignalSettings> {
  if (body.minPeople > body.minEncounters)
    throw invalidField(
      'minPeople',
      text(
        'Le nombre de personnes ne peut dépasser le nombre de rencontres.',
        'The number of people cannot exceed the number of encounters.',
      ),
    );
  const values = {
    windowDays: body.windowDays,
    minEncounters: body.minEncounters,
    minPeople: body.minPeople,
    minRisePercent: body.minRisePercent,
    updatedBy: request.actor?.id ?? null,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(needSignalSettings)
      .values({ teamId, ...values })
      .onConflictDoUpdate({ target: needSignalSettings.teamId, set: { ...values, updatedAt: sql`now()` } });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'need_signal_settings',
      entityId: teamId,
      teamId,
      details: { ...values, updatedBy: undefined },
    });
  });
  return readSignalSettings(db, teamId);
}
