import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { defaultMissionCriteria, type Mission, missions } from '../../../core/collective.ts';
import type { MissionCriteria, MissionCriterion, saveMissionCriteriaBodySchema } from '../../../core/contracts/time.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { missionCriteria } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import type { FieldError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { fieldError, invalidFields } from '../fieldwork/fieldwork.errors.ts';

type MissionList = MissionCriteria['missions'][number];

const defaultsOf = (mission: Mission): MissionCriterion[] =>
  defaultMissionCriteria[mission].map((c) => ({
    code: c.code,
    label: { fr: c.fr, en: c.en },
    custom: false,
    active: true,
  }));

/** Each mission's criteria for these teams: the team's own list once edited, seed 004's before. */
export async function criteriaOfTeams(db: Database | Tx, teamIds: string[]): Promise<Map<string, MissionList[]>> {
  const rows = teamIds.length
    ? await db
        .select()
        .from(missionCriteria)
        .where(inArray(missionCriteria.teamId, teamIds))
        .orderBy(asc(missionCriteria.position))
    : [];
  const result = new Map<string, MissionList[]>();
  for (const teamId of teamIds) {
    result.set(
      teamId,
      missions.map((mission) => {
        const own = rows.filter((row) => row.teamId === teamId && row.mission === mission);
        if (own.length === 0) return { mission, edited: false, criteria: defaultsOf(mission) };
        return {
          mission,
          edited: true,
          criteria: own.map((row) => ({
            code: row.code,
            label: { fr: row.labelFr, en: row.labelEn },
            custom: row.custom,
            active: row.active,
          })),
        };
      }),
    );
  }
  return result;
}

export async function readCriteria(db: Database | Tx, teamId: string): Promise<MissionCriteria> {
  return { teamId, missions: (await criteriaOfTeams(db, [teamId])).get(teamId) ?? [] };
}

/** A criterion's words, from the team's list (retired ones included), else seed 004's, else its code. */
export function labelOf(lists: MissionList[] | undefined, mission: string, code: string): LocalizedText {
  const found = lists?.find((l) => l.mission === mission)?.criteria.find((c) => c.code === code);
  if (found) return found.label;
  const fallback = defaultMissionCriteria[mission as Mission]?.find((c) => c.code === code);
  return fallback ? { fr: fallback.fr, en: fallback.en } : { fr: code, en: code };
}

/**
 * Replaces a mission's list for the team, in the order given: a known code is reworded (kept in
 * both languages when the words did not change) or retired; a criterion without a code is the
 * team's own. Criteria left out are kept retired, so entries that ticked them still read.
 */
export async function saveCriteria(
  db: Database,
  request: FastifyRequest,
  teamId: string,
  body: z.output<typeof saveMissionCriteriaBodySchema>,
): Promise<MissionCriteria> {
  const current = (await readCriteria(db, teamId)).missions.find((m) => m.mission === body.mission)?.criteria ?? [];
  const byCode = new Map(current.map((c) => [c.code, c]));
  const errors: FieldError[] = [];
  body.criteria.forEach((c, k) => {
    if (c.code && !byCode.has(c.code))
      errors.push(
        fieldError(`criteria.${k}.code`, text(`Critère inconnu : ${c.code}.`, `Unknown criterion: ${c.code}.`)),
      );
  });
  if (!body.criteria.some((c) => c.active))
    errors.push(
      fieldError(
        'criteria',
        text(
          'Gardez au moins un critère actif : sans critère, tout le temps de la mission serait signalé hors mandat.',
          'Keep at least one criterion active: without one, all the mission’s time would be flagged outside the mandate.',
        ),
      ),
    );
  if (errors.length) throw invalidFields(errors);
  const given = new Set(body.criteria.map((c) => c.code).filter(Boolean));
  const listed = body.criteria.map((c) => {
    const known = c.code ? byCode.get(c.code) : undefined;
    const unchanged = known && (c.label === known.label.fr || c.label === known.label.en);
    return {
      code: c.code ?? `team-${uuidv7()}`,
      label: unchanged ? known.label : { fr: c.label, en: c.label },
      custom: known ? known.custom : true,
      active: c.active,
    };
  });
  const retired = current.filter((c) => !given.has(c.code)).map((c) => ({ ...c, active: false }));
  const updatedBy = actorOf(request).id;
  await db.transaction(async (tx) => {
    await tx
      .delete(missionCriteria)
      .where(and(eq(missionCriteria.teamId, teamId), eq(missionCriteria.mission, body.mission)));
    await tx.insert(missionCriteria).values(
      [...listed, ...retired].map((c, position) => ({
        teamId,
        mission: body.mission,
        code: c.code,
        labelFr: c.label.fr,
        labelEn: c.label.en,
        custom: c.custom,
        active: c.active,
        position,
        updatedBy,
      })),
    );
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'missionCriteria',
      entityId: teamId,
      teamId,
      details: { mission: body.mission, active: listed.filter((c) => c.active).length },
    });
  });
  return readCriteria(db, teamId);
}
