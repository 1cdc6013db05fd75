import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { timelineTypes } from '../../../core/contracts/people.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../http/audit.ts';
import { notFound } from '../../http/errors.ts';
import { mayRead } from '../fieldwork/fieldwork.policy.ts';
import { findPerson } from './people.repo.ts';
import { personLabel } from './people.service.ts';

type TimelineRow = { type: string; at: Date | string; id: string; summary: Record<string, unknown> | string };

/**
 * One UNION ALL, newest first: each kind of event is one part with the same four columns
 * (type, at, id, summary).
 */
const parts = (personId: string) => [
  sql`select 'encounter' as type, e.occurred_at as at, e.id,
        jsonb_build_object('needs', e.needs, 'actions', e.actions, 'identification', e.identification,
          'sessionId', e.session_id, 'channel', e.channel, 'placeId', e.place_id, 'zone', e.zone,
          'hasNote', e.has_note, 'followUpOn', e.follow_up_on) as summary
      from encounters e where e.person_id = ${personId}`,
  sql`select 'roleStarted', (r.started_on::timestamp at time zone 'UTC'), r.id, jsonb_build_object('role', r.role)
      from person_roles r where r.person_id = ${personId}`,
  sql`select 'roleEnded', (r.ended_on::timestamp at time zone 'UTC'), r.id, jsonb_build_object('role', r.role)
      from person_roles r where r.person_id = ${personId} and r.ended_on is not null`,
  sql`select 'referral', f.referred_at, f.id,
        jsonb_build_object('serviceId', f.service_id, 'serviceName', s.name, 'needs', f.needs,
          'slipNumber', f.slip_number, 'status', f.status, 'encounterId', f.encounter_id)
      from referrals f join services s on s.id = f.service_id where f.person_id = ${personId}`,
  // The referral's first event (its id, or dated when it was made) is the referral itself, above.
  sql`select 'referralStatus', ev.occurred_at, ev.id,
        jsonb_build_object('referralId', f.id, 'serviceName', s.name, 'status', ev.status,
          'reason', ev.reason, 'fromPartner', ev.from_partner)
      from referral_events ev join referrals f on f.id = ev.referral_id join services s on s.id = f.service_id
      where f.person_id = ${personId} and ev.kind = 'status' and ev.id <> f.id and ev.occurred_at > f.referred_at`,
  sql`select 'activity', (s.on_date::timestamp at time zone 'UTC'), s.id,
        jsonb_build_object('activityId', a.id, 'title', a.title, 'kind', a.kind, 'role', t.role)
      from activity_attendance t join activity_sessions s on s.id = t.session_id
      join collective_activities a on a.id = s.activity_id where t.person_id = ${personId}`,
  sql`select 'bridgingStarted', (b.started_on::timestamp at time zone 'UTC'), b.id,
        jsonb_build_object('purpose', b.purpose, 'referralId', b.referral_id, 'plannedEndOn', b.planned_end_on)
      from bridging_supports b where b.person_id = ${personId}`,
  sql`select 'bridgingEnded', (b.ended_on::timestamp at time zone 'UTC'), b.id, jsonb_build_object('purpose', b.purpose)
      from bridging_supports b where b.person_id = ${personId} and b.ended_on is not null`,
  sql`select 'project', (c.since::timestamp at time zone 'UTC'), c.id,
        jsonb_build_object('projectId', p.id, 'title', p.title, 'stage', p.stage, 'role', c.role)
      from project_citizens c join community_projects p on p.id = c.project_id where c.person_id = ${personId}`,
];

export async function personTimeline(
  db: Database,
  request: FastifyRequest,
  personId: string,
  page: { limit: number; offset: number },
) {
  const person = await findPerson(db, personId);
  if (!person || !(await mayRead(db, request, person.teamId, person.id))) throw notFound(personLabel);
  const query = sql`${sql.join(parts(personId), sql` union all `)} order by at desc, id desc limit ${page.limit} offset ${page.offset}`;
  const result = (await db.execute(query)) as unknown as { rows: TimelineRow[] };
  await recordAudit(db, request, {
    action: 'read',
    entityType: 'person',
    entityId: personId,
    teamId: person.teamId,
    details: { timeline: true },
  });
  return {
    items: result.rows.map((row) => ({
      type: row.type as (typeof timelineTypes)[number],
      at: new Date(row.at).toISOString(),
      id: row.id,
      summary: typeof row.summary === 'string' ? JSON.parse(row.summary) : row.summary,
    })),
  };
}
