import { addDays } from '../../core/crisis.ts';
import { uuidv7 } from '../../core/uuid.ts';
import type { Database } from '../db/client.ts';
import { crisisMobilisationParticipants, crisisMobilisations } from '../db/schema/index.ts';

export const isoToday = () => new Date().toISOString().slice(0, 10);

/** A mobilisation inserted directly (validated by default, running from a week ago for four weeks). */
export async function buildMobilisation(
  db: Database,
  teamId: string,
  fields: {
    participantIds?: string[];
    proposedBy?: string;
    status?: 'proposed' | 'validated' | 'refused' | 'ended';
    startsOn?: string;
    endsOn?: string;
    title?: string;
  } = {},
) {
  const id = uuidv7();
  const proposedBy = fields.proposedBy ?? fields.participantIds?.[0] ?? null;
  const [row] = await db
    .insert(crisisMobilisations)
    .values({
      id,
      teamId,
      title: fields.title ?? 'Accueil des familles déplacées',
      reason: 'Arrivée de familles au centre d’hébergement du quartier.',
      sharePercent: 20,
      startsOn: fields.startsOn ?? addDays(isoToday(), -7),
      endsOn: fields.endsOn ?? addDays(isoToday(), 21),
      status: fields.status ?? 'validated',
      proposedBy,
      pendingBy: (fields.status ?? 'validated') === 'proposed' ? proposedBy : null,
    })
    .returning();
  if (fields.participantIds?.length)
    await db
      .insert(crisisMobilisationParticipants)
      .values(fields.participantIds.map((userId) => ({ mobilisationId: id, userId })));
  return row as typeof crisisMobilisations.$inferSelect;
}
