import type { FastifyRequest } from 'fastify';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { accessReason, actorOf } from '../../http/request-context.ts';
import { canRead, canWrite } from '../fieldwork/fieldwork.policy.ts';
import { type ActorRow, findActor } from './actors.repo.ts';

export const actorLabel = text('Acteur', 'Actor');
export const serviceLabel = text('Service', 'Service');

/**
 * Organisations are everyone's: any signed-in user reads them, members of any team write them
 * (the route's roles). A key person is a field record of one team: read and written as a person.
 */
export async function readableActor(db: Database | Tx, request: FastifyRequest, id: string): Promise<ActorRow> {
  const row = await findActor(db, id);
  if (!row) throw notFound(actorLabel);
  if (row.teamId && !canRead(actorOf(request), request, row.teamId)) throw notFound(actorLabel);
  return row;
}

export async function writableActor(db: Database | Tx, request: FastifyRequest, id: string): Promise<ActorRow> {
  const row = await findActor(db, id);
  if (!row || (row.teamId && !canWrite(actorOf(request), row.teamId))) throw notFound(actorLabel);
  return row;
}

/**
 * The teams whose key persons appear in lists and search: the caller's; every team for an admin
 * who states a reason, none for an admin who does not (organisations still show).
 */
export function keyPersonTeams(request: FastifyRequest): string[] | undefined {
  const actor = actorOf(request);
  if (actor.role !== 'admin') return actor.teamIds;
  return accessReason(request) ? undefined : [];
}
