import type { FastifyRequest } from 'fastify';
import { type LocalizedText, text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { AppError, invalidField, notFound } from '../../http/errors.ts';
import { markReadUnderGrant } from '../../http/grant-in-use.ts';
import { type Actor, accessReason, actorOf } from '../../http/request-context.ts';
import { liveGrant } from '../privacy/access-grants.repo.ts';

/**
 * Field records (sessions, encounters, people, notes) belong to one team. Its members read and
 * write them; an admin reads them only with a stated reason (`x-access-reason`, kept in the audit
 * log) and writes none; everyone else is told they do not exist (404). Decision 0010.
 */
const reasonRequired = () =>
  new AppError(
    403,
    'reason_required',
    text(
      'Indiquez la raison de cette consultation (en-tête x-access-reason) : elle sera journalisée.',
      'State why you need to read this (x-access-reason header): it will be logged.',
    ),
  );

/** The teams whose field records this caller may read; undefined means all (admin with a reason). */
function readableTeamIds(actor: Actor, request: FastifyRequest): string[] | undefined {
  if (actor.role !== 'admin') return actor.teamIds;
  if (!accessReason(request)) throw reasonRequired();
  return undefined;
}

export function canRead(actor: Actor, request: FastifyRequest, teamId: string): boolean {
  const teams = readableTeamIds(actor, request);
  return teams === undefined || teams.includes(teamId);
}

/**
 * May the caller read this record about this person? Members of the team may; so may someone
 * holding a live break-the-glass grant for that very person (the read is then audited under the
 * grant, see recordAudit); an admin otherwise needs a reason (403 without one). Decision 0031.
 */
export async function mayRead(
  db: Database | Tx,
  request: FastifyRequest,
  teamId: string,
  personId: string | null,
): Promise<boolean> {
  const actor = actorOf(request);
  if (actor.role !== 'admin' && actor.teamIds.includes(teamId)) return true;
  if (personId) {
    const grant = await liveGrant(db, actor.id, personId);
    if (grant) {
      markReadUnderGrant(request, { id: grant.id, reason: grant.reason });
      return true;
    }
  }
  return canRead(actor, request, teamId);
}

/** Only members write a team's field records; admins manage accounts, not field work. */
export function canWrite(actor: Actor, teamId: string): boolean {
  return actor.role !== 'admin' && actor.teamIds.includes(teamId);
}

type Find<Row> = (db: Database | Tx, id: string) => Promise<Row | undefined>;

/**
 * Loads one field record for reading or for writing; out of the caller's scope, it does not exist.
 * `personOf` names the person a record is about: a break-the-glass grant on them opens it to read.
 */
export function scopedRecord<Row extends { teamId: string }>(
  find: Find<Row>,
  label: LocalizedText,
  personOf?: (row: Row) => string | null,
) {
  return {
    async readable(db: Database | Tx, request: FastifyRequest, id: string): Promise<Row> {
      const row = await find(db, id);
      if (!row || !(await mayRead(db, request, row.teamId, personOf?.(row) ?? null))) throw notFound(label);
      return row;
    },
    async writable(db: Database | Tx, request: FastifyRequest, id: string): Promise<Row> {
      const row = await find(db, id);
      if (!row || !canWrite(actorOf(request), row.teamId)) throw notFound(label);
      return row;
    },
  };
}

/** Narrows an optional `teamId` filter to what the caller may read. */
export function teamFilter(actor: Actor, request: FastifyRequest, teamId: string | undefined): string[] | undefined {
  const readable = readableTeamIds(actor, request);
  if (!teamId) return readable;
  return readable === undefined || readable.includes(teamId) ? [teamId] : [];
}

/**
 * The team a new record goes to: the one asked for (if the caller is in it), or the caller's only
 * team. With several teams and none named, the form must say which.
 */
export function writeTeam(actor: Actor, requested: string | undefined | null): string {
  if (requested) {
    if (!canWrite(actor, requested))
      throw invalidField('teamId', text('Vous ne faites pas partie de cette équipe.', 'You are not on this team.'));
    return requested;
  }
  const [only, ...others] = actor.teamIds;
  if (!only || others.length)
    throw invalidField(
      'teamId',
      only
        ? text('Choisissez l’équipe.', 'Choose the team.')
        : text('Vous ne faites partie d’aucune équipe.', 'You are not on any team.'),
    );
  return only;
}
