import { asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type LocalizedText, text } from '../../../core/localized.ts';
import type { Database } from '../../db/client.ts';
import { neighbourhoods, teams } from '../../db/schema/index.ts';
import { notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';

/**
 * Whose work a report counts. A worker or coordinator counts their own teams; an organizer or an
 * admin the whole organisation (reports hold counts only, no personal data: no stated reason is
 * needed, decision 00XX-report-rollups). A team or neighbourhood outside that is a 404.
 */
export type ReportScope = {
  teamIds: string[];
  neighbourhoodId: string | null;
  teams: { id: string; name: string }[];
  neighbourhoods: { id: string; name: string; teamId: string }[];
  label: LocalizedText;
};

export async function resolveScope(
  db: Database,
  request: FastifyRequest,
  asked: { teamId?: string | undefined; neighbourhoodId?: string | undefined },
): Promise<ReportScope> {
  const actor = actorOf(request);
  const wholeOrganisation = actor.role === 'organizer' || actor.role === 'admin';
  const readable = wholeOrganisation
    ? await db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name))
    : actor.teamIds.length
      ? await db
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(inArray(teams.id, actor.teamIds))
          .orderBy(asc(teams.name))
      : [];
  let chosen = readable;
  if (asked.teamId) {
    chosen = readable.filter((team) => team.id === asked.teamId);
    if (!chosen.length) throw notFound(text('Équipe', 'Team'));
  }
  let neighbourhoodId: string | null = null;
  if (asked.neighbourhoodId) {
    const [hood] = await db.select().from(neighbourhoods).where(eq(neighbourhoods.id, asked.neighbourhoodId));
    chosen = chosen.filter((team) => team.id === hood?.teamId);
    if (!hood || !chosen.length) throw notFound(text('Quartier', 'Neighbourhood'));
    neighbourhoodId = hood.id;
  }
  const teamIds = chosen.map((team) => team.id);
  const hoods = teamIds.length
    ? await db
        .select({ id: neighbourhoods.id, name: neighbourhoods.name, teamId: neighbourhoods.teamId })
        .from(neighbourhoods)
        .where(inArray(neighbourhoods.teamId, teamIds))
        .orderBy(asc(neighbourhoods.name))
    : [];
  const inScope = neighbourhoodId ? hoods.filter((hood) => hood.id === neighbourhoodId) : hoods;
  return {
    teamIds,
    neighbourhoodId,
    teams: chosen,
    neighbourhoods: inScope,
    label: labelOf(chosen, neighbourhoodId ? inScope : [], wholeOrganisation && !asked.teamId && !neighbourhoodId),
  };
}

function labelOf(chosen: { name: string }[], hoods: { name: string }[], whole: boolean): LocalizedText {
  if (whole) return text('Toute l’organisation', 'The whole organisation');
  const names = chosen.map((team) => team.name).join(', ');
  if (hoods.length === 1 && chosen.length === 1) {
    const [hood] = hoods as [{ name: string }];
    return text(`${names} — quartier ${hood.name}`, `${names} — ${hood.name} neighbourhood`);
  }
  return chosen.length ? text(names, names) : text('Aucune équipe', 'No team');
}
