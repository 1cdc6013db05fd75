import type { IncidentNature, PrivacyIncident } from '../../../core/contracts/rights.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import type { privacyIncidents } from '../../db/schema/index.ts';

export const natureLabels: Record<IncidentNature, LocalizedText> = {
  lostDevice: text('Téléphone ou ordinateur perdu ou volé', 'Lost or stolen phone or computer'),
  misdirectedMessage: text('Message envoyé à la mauvaise personne', 'Message sent to the wrong person'),
  unauthorisedAccess: text('Accès non autorisé', 'Unauthorised access'),
  disclosure: text('Information divulguée', 'Information disclosed'),
  other: text('Autre', 'Other'),
};

export function presentIncident(
  row: typeof privacyIncidents.$inferSelect,
  affectedPeople: { id: string; nickname: string }[],
): PrivacyIncident {
  const nature = row.nature as IncidentNature;
  return {
    id: row.id,
    teamId: row.teamId,
    occurredOn: row.occurredOn,
    nature,
    natureLabel: natureLabels[nature],
    dataConcerned: row.dataConcerned,
    peopleAffected: row.peopleAffected,
    affectedPeople,
    measures: row.measures,
    notifiedTo: row.notifiedTo,
    notifiedOn: row.notifiedOn,
    closedOn: row.closedOn,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
