import type { FastifyRequest } from 'fastify';
import { text } from '../../../core/localized.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { type Actor, actorOf } from '../../http/request-context.ts';
import { canRead } from '../fieldwork/fieldwork.policy.ts';

/**
 * The one team a page of time or of the log is about: the one asked for, if the caller may read
 * it (an admin only with a stated reason), or the caller's only team. Another team is a 404.
 */
export function readTeam(request: FastifyRequest, teamId: string | undefined): string {
  const actor = actorOf(request);
  const id = teamId ?? (actor.role !== 'admin' && actor.teamIds.length === 1 ? actor.teamIds[0] : undefined);
  if (!id) throw invalidField('teamId', text('Choisissez l’équipe.', 'Choose the team.'));
  if (!canRead(actor, request, id)) throw notFound(text('Équipe', 'Team'));
  return id;
}

/** Coordination sees the time of every member of its team; a worker or organizer sees their own. */
export const seesWholeTeam = (actor: Actor) => actor.role === 'coordinator' || actor.role === 'admin';

const dayMs = 86_400_000;
export const isoDay = (at: Date) => at.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => isoDay(new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs));

/** Today as the server sees it, give or take a day: phones in other time zones are a day apart. */
export function withinADayOfToday(iso: string, now = new Date()): boolean {
  const today = isoDay(now);
  return iso >= addDays(today, -1) && iso <= addDays(today, 1);
}
