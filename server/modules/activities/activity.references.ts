import { eq, inArray } from 'drizzle-orm';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { neighbourhoods, people, places } from '../../db/schema/index.ts';
import type { FieldError } from '../../http/errors.ts';
import { fieldError, invalidFields, unknownRecord, unknownTerm } from '../fieldwork/fieldwork.errors.ts';
import { activeCodes } from '../taxonomies/taxonomies.service.ts';

type References = {
  neighbourhoodId?: string | null;
  placeId?: string | null;
  themes?: string[];
  personIds?: string[];
};

/**
 * What an activity or a session points at must be the team's own: its neighbourhood, its place,
 * its people (a merged record counts as its survivor), and active need codes for themes. Every
 * problem is reported at its path (422). Answers the survivors of merged people, by id given.
 */
export async function checkTeamReferences(
  db: Database | Tx,
  teamId: string,
  refs: References,
): Promise<Map<string, string>> {
  const errors: FieldError[] = [];
  if (refs.neighbourhoodId) {
    const [hood] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.id, refs.neighbourhoodId));
    if (!hood || hood.teamId !== teamId)
      errors.push(
        fieldError(
          'neighbourhoodId',
          text('Ce quartier n’est pas servi par cette équipe.', 'This neighbourhood is not served by this team.'),
        ),
      );
  }
  if (refs.placeId) {
    const [place] = await db.select({ teamId: places.teamId }).from(places).where(eq(places.id, refs.placeId));
    if (!place || place.teamId !== teamId) errors.push(unknownRecord('placeId'));
  }
  if (refs.themes?.length) {
    const needs = (await activeCodes(db)).get('need');
    refs.themes.forEach((code, k) => {
      if (!needs?.has(code)) errors.push(unknownTerm(`themes.${k}`, code));
    });
  }
  const survivors = new Map<string, string>();
  if (refs.personIds?.length) {
    const rows = await db
      .select({ id: people.id, teamId: people.teamId, mergedIntoId: people.mergedIntoId })
      .from(people)
      .where(inArray(people.id, refs.personIds));
    const byId = new Map(rows.map((row) => [row.id, row]));
    refs.personIds.forEach((id, k) => {
      const person = byId.get(id);
      if (!person || person.teamId !== teamId) errors.push(unknownRecord(`attendees.${k}.personId`));
      else survivors.set(id, person.mergedIntoId ?? id);
    });
  }
  if (errors.length) throw invalidFields(errors);
  return survivors;
}
