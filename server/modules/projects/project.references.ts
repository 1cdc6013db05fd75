import { and, desc, eq, inArray } from 'drizzle-orm';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { diagnostics, diagnosticVersions, needSignals, neighbourhoods, people } from '../../db/schema/index.ts';
import type { FieldError } from '../../http/errors.ts';
import { checkUsableActors } from '../directory/usable-actors.ts';
import { fieldError, invalidFields, unknownRecord } from '../fieldwork/fieldwork.errors.ts';

type References = {
  neighbourhoodId?: string;
  signalIds?: string[];
  priorities?: { diagnosticId: string; priorityId: string }[];
  citizens?: { personId: string }[];
  actors?: { actorId: string }[];
};

async function checkNeighbourhood(db: Database | Tx, teamId: string, id: string, errors: FieldError[]) {
  const [hood] = await db
    .select({ teamId: neighbourhoods.teamId })
    .from(neighbourhoods)
    .where(eq(neighbourhoods.id, id));
  if (!hood || hood.teamId !== teamId)
    errors.push(
      fieldError(
        'neighbourhoodId',
        text('Ce quartier n’est pas servi par cette équipe.', 'This neighbourhood is not served by this team.'),
      ),
    );
}

async function checkSignals(db: Database | Tx, teamId: string, ids: string[], errors: FieldError[]) {
  if (ids.length === 0) return;
  const rows = await db
    .select({ id: needSignals.id })
    .from(needSignals)
    .where(and(inArray(needSignals.id, ids), eq(needSignals.teamId, teamId)));
  const known = new Set(rows.map((r) => r.id));
  ids.forEach((id, k) => {
    if (!known.has(id)) errors.push(unknownRecord(`signalIds.${k}`));
  });
}

/** A priority is known when a version of the team's diagnostic holds its id. */
async function checkPriorities(
  db: Database | Tx,
  teamId: string,
  links: { diagnosticId: string; priorityId: string }[],
  errors: FieldError[],
) {
  if (links.length === 0) return;
  const versions = await db
    .select({ diagnosticId: diagnosticVersions.diagnosticId, priorities: diagnosticVersions.priorities })
    .from(diagnosticVersions)
    .innerJoin(diagnostics, eq(diagnostics.id, diagnosticVersions.diagnosticId))
    .where(
      and(
        eq(diagnostics.teamId, teamId),
        inArray(
          diagnosticVersions.diagnosticId,
          links.map((l) => l.diagnosticId),
        ),
      ),
    );
  const known = new Set(versions.flatMap((v) => v.priorities.map((p) => `${v.diagnosticId}:${p.id}`)));
  links.forEach((link, k) => {
    if (!known.has(`${link.diagnosticId}:${link.priorityId}`)) errors.push(unknownRecord(`priorities.${k}.priorityId`));
  });
}

/**
 * Everything a project points at must be the team's own: its neighbourhood, need signals,
 * diagnostic priorities, people (a merged record counts as its survivor) and usable actors. Every
 * problem is reported at its path (422). Answers the survivors of merged people, by id given.
 */
export async function checkProjectReferences(
  db: Database | Tx,
  teamId: string,
  refs: References,
): Promise<Map<string, string>> {
  const errors: FieldError[] = [];
  if (refs.neighbourhoodId) await checkNeighbourhood(db, teamId, refs.neighbourhoodId, errors);
  await checkSignals(db, teamId, refs.signalIds ?? [], errors);
  await checkPriorities(db, teamId, refs.priorities ?? [], errors);
  const survivors = new Map<string, string>();
  const personIds = (refs.citizens ?? []).map((c) => c.personId);
  if (personIds.length) {
    const rows = await db
      .select({ id: people.id, teamId: people.teamId, mergedIntoId: people.mergedIntoId })
      .from(people)
      .where(inArray(people.id, personIds));
    const byId = new Map(rows.map((row) => [row.id, row]));
    personIds.forEach((id, k) => {
      const person = byId.get(id);
      if (!person || person.teamId !== teamId) errors.push(unknownRecord(`citizens.${k}.personId`));
      else survivors.set(id, person.mergedIntoId ?? id);
    });
  }
  if (errors.length) throw invalidFields(errors);
  await checkUsableActors(
    db,
    teamId,
    (refs.actors ?? []).map((a, k) => ({ path: `actors.${k}.actorId`, id: a.actorId })),
  );
  return survivors;
}

/** The latest text of each linked priority: from the newest version holding it; `current` if the latest does. */
export async function priorityTexts(db: Database | Tx, links: { diagnosticId: string; priorityId: string }[]) {
  if (links.length === 0) return [];
  const versions = await db
    .select({
      diagnosticId: diagnosticVersions.diagnosticId,
      number: diagnosticVersions.number,
      priorities: diagnosticVersions.priorities,
    })
    .from(diagnosticVersions)
    .where(
      inArray(
        diagnosticVersions.diagnosticId,
        links.map((l) => l.diagnosticId),
      ),
    )
    .orderBy(desc(diagnosticVersions.number));
  return links.map((link) => {
    const own = versions.filter((v) => v.diagnosticId === link.diagnosticId);
    const holding = own.find((v) => v.priorities.some((p) => p.id === link.priorityId));
    const priority = holding?.priorities.find((p) => p.id === link.priorityId);
    return {
      diagnosticId: link.diagnosticId,
      priorityId: link.priorityId,
      title: priority?.title ?? '',
      current: holding !== undefined && holding.number === own[0]?.number,
    };
  });
}
