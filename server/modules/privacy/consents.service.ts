import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ConsentLine, registerQuerySchema } from '../../../core/contracts/rights.ts';
import { text } from '../../../core/localized.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../http/audit.ts';
import { notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { teamFilter } from '../fieldwork/fieldwork.policy.ts';
import { registerCsv } from './rights.csv.ts';

type Query = z.infer<typeof registerQuerySchema>;
const teamLabel = text('Équipe', 'Team');

/**
 * The teams whose registers the caller reads: a coordinator their own, an admin all (with a
 * stated reason, as for any person's data). A team not theirs does not exist (404).
 */
export function registerTeams(request: FastifyRequest, teamId: string | undefined): string[] | undefined {
  const teams = teamFilter(actorOf(request), request, teamId);
  if (teamId && teams?.length === 0) throw notFound(teamLabel);
  return teams;
}

const period = (column: SQL, query: Query) =>
  sql.join(
    [
      query.from ? sql`${column} >= ${query.from}::date` : sql`true`,
      query.to ? sql`${column} < ${query.to}::date + 1` : sql`true`,
    ],
    sql` and `,
  );

const inTeams = (column: SQL, teams: string[] | undefined) =>
  teams === undefined
    ? sql`true`
    : teams.length
      ? sql`${column} in (${sql.join(
          teams.map((t) => sql`${t}::uuid`),
          sql`, `,
        )})`
      : sql`false`;

/** Consents given and withdrawn in the teams and period, newest first. Reading it is audited. */
export async function consentRegister(db: Database, request: FastifyRequest, query: Query): Promise<ConsentLine[]> {
  const teams = registerTeams(request, query.teamId);
  const result = (await db.execute(
    sql`select c.id, c.team_id, c.occurred_at, c.kind, c.scope, c.person_id, p.nickname, u.name as recorded_by
      from consent_events c left join people p on p.id = c.person_id left join users u on u.id = c.recorded_by
      where ${inTeams(sql`c.team_id`, teams)} and ${period(sql`c.occurred_at`, query)}
      order by c.occurred_at desc, c.created_at desc limit 5000`,
  )) as unknown as { rows: Record<string, unknown>[] };
  await recordAudit(db, request, {
    action: 'read',
    entityType: 'consent_register',
    teamId: query.teamId ?? null,
    details: { count: result.rows.length, from: query.from ?? null, to: query.to ?? null },
  });
  return result.rows.map((r) => ({
    id: String(r.id),
    teamId: String(r.team_id),
    occurredAt:
      r.occurred_at instanceof Date ? r.occurred_at.toISOString() : new Date(String(r.occurred_at)).toISOString(),
    kind: r.kind as ConsentLine['kind'],
    scope: r.scope == null ? null : String(r.scope),
    person: r.person_id ? { id: String(r.person_id), nickname: String(r.nickname) } : null,
    recordedBy: r.recorded_by == null ? null : String(r.recorded_by),
  }));
}

const csvWords = {
  fr: {
    header: ['date', 'événement', 'portée', 'personne', 'noté par'],
    given: 'consentement donné',
    withdrawn: 'consentement retiré',
    erased: 'personne effacée',
    scopes: {
      identity: 'identité',
      identityAndContact: 'identité et contact',
      identityContactAndSharing: 'identité, contact et partage',
    },
  },
  en: {
    header: ['date', 'event', 'scope', 'person', 'recorded by'],
    given: 'consent given',
    withdrawn: 'consent withdrawn',
    erased: 'erased person',
    scopes: {
      identity: 'identity',
      identityAndContact: 'identity and contact',
      identityContactAndSharing: 'identity, contact and sharing',
    },
  },
};

export async function consentRegisterCsv(db: Database, request: FastifyRequest, query: Query): Promise<string> {
  const lines = await consentRegister(db, request, query);
  const w = csvWords[actorOf(request).language];
  return registerCsv(
    w.header,
    lines.map((l) => [
      l.occurredAt,
      w[l.kind],
      l.scope ? (w.scopes[l.scope as keyof typeof w.scopes] ?? l.scope) : '',
      l.person?.nickname ?? w.erased,
      l.recordedBy ?? '',
    ]),
  );
}

export { inTeams, period };
