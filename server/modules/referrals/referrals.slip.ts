import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { ReferralSlip } from '../../../core/contracts/referrals.ts';
import type { ReferralSharedItem, ReferralStatus } from '../../../core/referrals.ts';
import type { Database } from '../../db/client.ts';
import {
  actorHostedWorkers,
  actors,
  people,
  serviceLocations,
  serviceSchedules,
  services,
  taxonomyTerms,
  teams,
  users,
} from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { notFound } from '../../http/errors.ts';
import { referralLabel, writableReferral } from './referrals.service.ts';

const hhmm = (value: string | null) => (value ? value.slice(0, 5) : null);

/**
 * What the person brings to the partner who does not use Relais: the slip number, where to go and
 * when, for which needs, who sent them. Their name and phone only when they agreed to share them
 * (`sharedItems`) and their recorded consent covers it; never otherwise. Reading it is logged, as
 * a read of the person when it shows who they are.
 */
export async function referralSlip(db: Database, request: FastifyRequest, id: string): Promise<ReferralSlip> {
  const referral = await writableReferral(db, request, id);
  const [service] = await db
    .select({ service: services, organisationName: actors.name })
    .from(services)
    .innerJoin(actors, eq(actors.id, services.actorId))
    .where(eq(services.id, referral.serviceId));
  if (!service) throw notFound(referralLabel);
  const [locations, hours, needTerms, team, worker, hostPhones, person] = await Promise.all([
    db
      .select()
      .from(serviceLocations)
      .where(eq(serviceLocations.serviceId, referral.serviceId))
      .orderBy(asc(serviceLocations.name), asc(serviceLocations.id)),
    db
      .select()
      .from(serviceSchedules)
      .where(eq(serviceSchedules.serviceId, referral.serviceId))
      .orderBy(asc(serviceSchedules.weekday), asc(serviceSchedules.opensAt), asc(serviceSchedules.id)),
    referral.needs.length
      ? db
          .select()
          .from(taxonomyTerms)
          .where(and(eq(taxonomyTerms.kind, 'need'), inArray(taxonomyTerms.code, referral.needs)))
      : [],
    db.select({ name: teams.name }).from(teams).where(eq(teams.id, referral.teamId)),
    referral.createdBy ? db.select({ name: users.name }).from(users).where(eq(users.id, referral.createdBy)) : [],
    referral.createdBy
      ? db
          .select({ phone: actors.phone })
          .from(actorHostedWorkers)
          .innerJoin(actors, eq(actors.id, actorHostedWorkers.actorId))
          .where(
            and(
              eq(actorHostedWorkers.userId, referral.createdBy),
              eq(actors.kind, 'organisation'),
              isNotNull(actors.phone),
            ),
          )
          .orderBy(asc(actors.name))
          .limit(1)
      : [],
    referral.personId ? db.select().from(people).where(eq(people.id, referral.personId)) : [],
  ]);
  const shared = referral.sharedItems as ReferralSharedItem[];
  const who = person[0];
  const consented = !!who?.consentGivenAt;
  const mayContact =
    consented && (who?.consentScope === 'identityAndContact' || who?.consentScope === 'identityContactAndSharing');
  const fullName = [who?.firstName, who?.lastName].filter(Boolean).join(' ') || null;
  const name = shared.includes('name') && consented ? fullName : null;
  const phone = shared.includes('phone') && mayContact ? (who?.phone ?? null) : null;
  const labels = new Map(needTerms.map((t) => [t.code, { fr: t.labelFr, en: t.labelEn }]));
  await recordAudit(db, request, {
    action: 'read',
    entityType: name || phone ? 'person' : 'referral',
    entityId: name || phone ? (referral.personId as string) : referral.id,
    teamId: referral.teamId,
    details: {
      slip: referral.id,
      shown: [...(name ? ['name'] : []), ...(phone ? ['phone'] : [])],
      ...(referral.personId ? { personId: referral.personId } : {}),
    },
  });
  const s = service.service;
  return {
    referralId: referral.id,
    slipNumber: referral.slipNumber,
    referredAt: referral.referredAt.toISOString(),
    status: referral.status as ReferralStatus,
    service: {
      id: s.id,
      name: s.name,
      organisationName: service.organisationName,
      phone: s.phone,
      email: s.email,
      url: s.url,
      applicationProcess: s.applicationProcess,
      requiredDocuments: s.requiredDocuments,
      locations: locations.map((l) => ({ name: l.name, address: l.address, city: l.city, postalCode: l.postalCode })),
      hours: hours.map((h) => ({
        weekday: h.weekday,
        opensAt: hhmm(h.opensAt),
        closesAt: hhmm(h.closesAt),
        description: h.description,
      })),
    },
    needs: referral.needs.map((code) => ({ code, label: labels.get(code) ?? { fr: code, en: code } })),
    worker: worker[0] ? { firstName: worker[0].name.trim().split(/\s+/)[0] ?? worker[0].name } : null,
    team: { name: team[0]?.name ?? '', phone: hostPhones[0]?.phone ?? null },
    sharedItems: shared,
    person: { name, phone },
  };
}
