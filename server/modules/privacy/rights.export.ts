import { type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AccessRequest } from '../../../core/contracts/rights.ts';
import { type Language, text } from '../../../core/localized.ts';
import type { Database } from '../../db/client.ts';
import { recordAudit } from '../../http/audit.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { canRead } from '../fieldwork/fieldwork.policy.ts';
import { findPerson } from '../people/people.repo.ts';
import { personLabel } from '../people/people.service.ts';

type Row = Record<string, unknown>;
const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : value == null ? null : String(value));
const str = (value: unknown) => (value == null ? null : String(value));

async function rows<T = Row>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Taxonomy labels in the reader's language; a retired or unknown code shows as itself. */
async function labeller(db: Database, language: Language) {
  const terms = await rows<{ kind: string; code: string; label_fr: string; label_en: string }>(
    db,
    sql`select kind, code, label_fr, label_en from taxonomy_terms`,
  );
  const byKey = new Map(terms.map((t) => [`${t.kind}:${t.code}`, language === 'fr' ? t.label_fr : t.label_en]));
  return (kind: string, code: string) => ({ code, label: byKey.get(`${kind}:${code}`) ?? code });
}

/**
 * The person's team coordinator (or an admin with a stated reason) reads everything Relais holds
 * about the person. Everyone else is told the person does not exist.
 */
async function exportablePerson(db: Database, request: FastifyRequest, id: string) {
  const actor = actorOf(request);
  const person = await findPerson(db, id);
  if (!person || !canRead(actor, request, person.teamId)) throw notFound(personLabel);
  if (actor.role !== 'admin' && actor.role !== 'coordinator') throw notFound(personLabel);
  if (person.mergedIntoId)
    throw new AppError(
      422,
      'person_merged',
      text(
        'Cette fiche a été fusionnée : exportez la fiche restante.',
        'This record was merged: export the surviving one.',
      ),
      [{ path: 'id', message: text('Fiche fusionnée.', 'Merged record.') }],
    );
  return person;
}

/** Everything about one person, as one structured document (core/contracts/rights.ts). Audited. */
export async function accessRequest(db: Database, request: FastifyRequest, id: string): Promise<AccessRequest> {
  const person = await exportablePerson(db, request, id);
  const actor = actorOf(request);
  const language = actor.language;
  const label = await labeller(db, language);
  const merged = await rows(db, sql`select id, nickname, merged_at from people where merged_into_id = ${id}`);
  const [team] = await rows<{ name: string }>(db, sql`select name from teams where id = ${person.teamId}`);
  const consents = await rows(
    db,
    sql`select c.kind, c.scope, c.occurred_at, u.name as recorded_by from consent_events c
      left join users u on u.id = c.recorded_by where c.person_id = ${id} order by c.occurred_at, c.created_at`,
  );
  const roles = await rows(
    db,
    sql`select role, started_on, ended_on, note from person_roles where person_id = ${id} order by started_on`,
  );
  const encounters = await rows(
    db,
    sql`select e.*, p.name as place_name, n.body as note_body, u.name as author from encounters e
      left join places p on p.id = e.place_id left join encounter_notes n on n.encounter_id = e.id
      left join users u on u.id = e.created_by where e.person_id = ${id} order by e.occurred_at`,
  );
  const referrals = await rows(
    db,
    sql`select r.*, s.name as service_name from referrals r join services s on s.id = r.service_id
      where r.person_id = ${id} order by r.referred_at`,
  );
  const events = referrals.length
    ? await rows(
        db,
        sql`select * from referral_events where referral_id in (select id from referrals where person_id = ${id})
          order by occurred_at`,
      )
    : [];
  const supports = await rows(db, sql`select * from bridging_supports where person_id = ${id} order by started_on`);
  const contacts = supports.length
    ? await rows(
        db,
        sql`select * from bridging_contacts where bridging_support_id in
          (select id from bridging_supports where person_id = ${id}) order by occurred_at`,
      )
    : [];
  const activities = await rows(
    db,
    sql`select a.title, s.on_date, t.role from activity_attendance t join activity_sessions s on s.id = t.session_id
      join collective_activities a on a.id = s.activity_id where t.person_id = ${id} order by s.on_date`,
  );
  const projects = await rows(
    db,
    sql`select p.title, c.role, c.since, c.until from project_citizens c join community_projects p on p.id = c.project_id
      where c.person_id = ${id} order by c.since`,
  );
  const incidents = await rows(
    db,
    sql`select i.occurred_on, i.nature, i.data_concerned, i.measures from privacy_incidents i
      join privacy_incident_people l on l.incident_id = i.id where l.person_id = ${id} order by i.occurred_on`,
  );
  // Reads and changes of the record, its encounters and notes, its referrals, and its roles.
  const accessLog = await rows(
    db,
    sql`select a.at, u.name, a.actor_role, a.action, a.entity_type, a.reason from audit_log a
      left join users u on u.id = a.actor_id
      where a.entity_id = ${id} or a.details ->> 'personId' = ${id}
        or a.entity_id in (select id::text from encounters where person_id = ${id})
        or a.entity_id in (select id::text from referrals where person_id = ${id})
      order by a.at, a.id`,
  );

  const document: AccessRequest = {
    format: 'relais.access-request/1',
    generatedAt: new Date().toISOString(),
    generatedBy: actor.name,
    language,
    person: {
      id: person.id,
      nickname: person.nickname,
      firstName: person.firstName,
      lastName: person.lastName,
      phone: person.phone,
      email: person.email,
      ageBand: person.ageBand,
      gender: person.gender,
      languages: person.languages,
      household: person.household,
      firstContactOn: person.firstContactOn,
      firstContactHow: person.firstContactHow,
      team: team?.name ?? '',
      createdAt: person.createdAt.toISOString(),
      updatedAt: person.updatedAt.toISOString(),
      consent: {
        givenAt: iso(person.consentGivenAt),
        scope: person.consentScope,
        withdrawnAt: iso(person.consentWithdrawnAt),
      },
      mergedRecords: merged.map((m) => ({
        id: String(m.id),
        nickname: String(m.nickname),
        mergedAt: iso(m.merged_at),
      })),
    },
    consentHistory: consents.map((c) => ({
      kind: c.kind as 'given' | 'withdrawn',
      scope: str(c.scope),
      occurredAt: iso(c.occurred_at) ?? '',
      recordedBy: str(c.recorded_by),
    })),
    roles: roles.map((r) => ({
      role: String(r.role),
      startedOn: String(r.started_on),
      endedOn: str(r.ended_on),
      note: str(r.note),
    })),
    encounters: encounters.map((e) => ({
      id: String(e.id),
      occurredAt: iso(e.occurred_at) ?? '',
      place: str(e.place_name),
      zone: str(e.zone),
      channel: str(e.channel),
      identification: String(e.identification),
      needs: (e.needs as string[]).map((code) => label('need', code)),
      actions: (e.actions as string[]).map((code) => label('action', code)),
      nonRecours: (e.non_recours as { right: string; barrier: string; detail?: string }[]).map((n) => ({
        right: label('right', n.right),
        barrier: label('barrier', n.barrier),
        detail: n.detail ?? null,
      })),
      followUp: { on: str(e.follow_up_on), what: str(e.follow_up_what), doneAt: iso(e.follow_up_done_at) },
      confidentialNote: str(e.note_body),
      recordedBy: str(e.author),
    })),
    referrals: referrals.map((r) => ({
      id: String(r.id),
      slipNumber: String(r.slip_number),
      service: String(r.service_name),
      needs: (r.needs as string[]).map((code) => label('need', code)),
      sharedItems: r.shared_items as string[],
      status: String(r.status),
      failureReason: str(r.failure_reason),
      referredAt: iso(r.referred_at) ?? '',
      events: events
        .filter((ev) => ev.referral_id === r.id)
        .map((ev) => ({
          kind: String(ev.kind),
          status: str(ev.status),
          reason: str(ev.reason),
          note: str(ev.note),
          occurredAt: iso(ev.occurred_at) ?? '',
        })),
    })),
    bridgingSupports: supports.map((s) => ({
      purpose: str(s.purpose),
      startedOn: String(s.started_on),
      endedOn: str(s.ended_on),
      contacts: contacts
        .filter((c) => c.bridging_support_id === s.id)
        .map((c) => ({ kind: String(c.kind), occurredAt: iso(c.occurred_at) ?? '', note: str(c.note) })),
    })),
    activities: activities.map((a) => ({ activity: String(a.title), onDate: String(a.on_date), role: String(a.role) })),
    projects: projects.map((p) => ({
      project: String(p.title),
      role: String(p.role),
      since: String(p.since),
      until: str(p.until),
    })),
    incidents: incidents.map((i) => ({
      occurredOn: String(i.occurred_on),
      nature: String(i.nature),
      dataConcerned: String(i.data_concerned),
      measures: str(i.measures),
    })),
    accessLog: accessLog.map((a) => ({
      at: iso(a.at) ?? '',
      who: str(a.name),
      role: str(a.actor_role),
      action: String(a.action),
      what: String(a.entity_type),
      reason: str(a.reason),
    })),
  };
  await recordAudit(db, request, {
    action: 'access_request',
    entityType: 'person',
    entityId: id,
    teamId: person.teamId,
  });
  return document;
}
