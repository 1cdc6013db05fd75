import type { Faker } from '@faker-js/faker';
import { referralFailureReasons } from '../../core/referrals.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;
const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * day);

type Step = { status: string; at: Date; reason?: string; fromPartner?: boolean };

/**
 * How a referral went, as the field tells it: about half take (accroché), some fail for a reason,
 * a few are refused by the service or expire with no news; the recent ones are still open.
 */
function story(faker: Faker, referredAt: Date, end: Date): Step[] {
  const steps: Step[] = [{ status: faker.datatype.boolean(0.7) ? 'sent' : 'proposed', at: referredAt }];
  const age = (end.getTime() - referredAt.getTime()) / day;
  const roll = faker.number.float({ min: 0, max: 1 });
  const accepted = plusDays(referredAt, faker.number.int({ min: 1, max: 10 }));
  if (age < 10) return steps;
  if (roll < 0.08) {
    steps.push({ status: 'refused', at: accepted, reason: faker.helpers.arrayElement(['notEligible', 'waitingList']) });
    return steps;
  }
  if (roll < 0.2 && age > 60) {
    steps.push({ status: 'expired', at: plusDays(referredAt, 60) });
    return steps;
  }
  if (roll < 0.3 && age < 45) return steps; // still waiting for news
  steps.push({ status: 'accepted', at: accepted, fromPartner: faker.datatype.boolean(0.5) });
  const outcome = plusDays(accepted, faker.number.int({ min: 2, max: 40 }));
  if (outcome > end) return steps;
  if (roll < 0.45)
    steps.push({
      status: 'failed',
      at: outcome,
      reason: faker.helpers.arrayElement(referralFailureReasons.filter((r) => r !== 'notEligible')),
    });
  else steps.push({ status: 'connected', at: outcome, fromPartner: faker.datatype.boolean(0.3) });
  return steps;
}

/**
 * Referrals made during the year's encounters (about one contact in twelve leads to one), each
 * with its dated events and check-backs, to services of the team's territory that meet one of
 * the contact's needs; bridging support for some of the people left waiting.
 */
export const referrals: GeneratorModule = {
  name: 'referrals and bridging support',
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    const services = rows.services ?? [];
    if (!team || services.length === 0) return;
    const end = faker.defaultRefDate();
    const byNeed = new Map<string, Row[]>();
    for (const service of services)
      for (const need of service.needs as string[]) byNeed.set(need, [...(byNeed.get(need) ?? []), service]);
    for (const encounter of rows.encounters ?? []) {
      if (!faker.datatype.boolean(1 / 12)) continue;
      const need = (encounter.needs as string[]).find((n) => byNeed.has(n));
      if (!need) continue;
      const service = faker.helpers.arrayElement(byNeed.get(need)!);
      const referredAt = new Date(encounter.occurred_at as string);
      const steps = story(faker, referredAt, end);
      const last = steps.at(-1)!;
      const id = uuidv7From(faker, referredAt);
      const connected = steps.find((s) => s.status === 'connected');
      const closed = ['refused', 'connected', 'failed', 'expired'].includes(last.status);
      add('referrals', {
        id,
        team_id: team.id,
        slip_number: `R-${id.slice(-12, -8)}-${id.slice(-8)}`.toUpperCase(),
        person_id: encounter.person_id,
        encounter_id: encounter.id,
        service_id: service.id,
        needs: [need],
        shared_items: encounter.person_id ? faker.helpers.arrayElements(['name', 'phone', 'situation']) : [],
        status: last.status,
        failure_reason: last.reason ?? null,
        referred_at: referredAt.toISOString(),
        status_changed_at: last.at.toISOString(),
        connected_at: connected ? connected.at.toISOString() : null,
        closed_at: closed ? last.at.toISOString() : null,
        version: steps.length,
        created_by: encounter.created_by,
        created_at: referredAt.toISOString(),
        updated_at: last.at.toISOString(),
      });
      add(
        'referral_events',
        ...steps.map((step) => ({
          id: uuidv7From(faker, step.at),
          referral_id: id,
          kind: 'status',
          status: step.status,
          reason: step.reason ?? null,
          note: null,
          from_partner: step.fromPartner ?? false,
          occurred_at: step.at.toISOString(),
          recorded_by: step.status === 'expired' ? null : encounter.created_by,
          created_at: step.at.toISOString(),
        })),
      );
      // The day-7 call: "no news yet" when the outcome came later.
      const checkBack = plusDays(referredAt, 7);
      if (checkBack < last.at && faker.datatype.boolean(0.6))
        add('referral_events', {
          id: uuidv7From(faker, checkBack),
          referral_id: id,
          kind: 'checkBack',
          status: null,
          reason: null,
          note: 'Pas encore de nouvelles, je rappelle la semaine prochaine.',
          from_partner: false,
          occurred_at: checkBack.toISOString(),
          recorded_by: encounter.created_by,
          created_at: checkBack.toISOString(),
        });
      const waited = steps.some((s) => s.status === 'accepted') && service.availability !== 'open';
      if (encounter.person_id && (waited || faker.datatype.boolean(0.1))) {
        const startedOn = plusDays(referredAt, 1);
        const endedOn = closed ? last.at : null;
        const support: Row = {
          id: uuidv7From(faker, startedOn),
          team_id: team.id,
          person_id: encounter.person_id,
          referral_id: id,
          purpose: 'Garder le lien en attendant la place.',
          started_on: startedOn.toISOString().slice(0, 10),
          planned_end_on: plusDays(startedOn, 30).toISOString().slice(0, 10),
          ended_on: endedOn ? endedOn.toISOString().slice(0, 10) : null,
          version: 1,
          created_by: encounter.created_by,
          created_at: startedOn.toISOString(),
          updated_at: (endedOn ?? startedOn).toISOString(),
        };
        add('bridging_supports', support);
        const contacts = faker.number.int({ min: 1, max: 4 });
        for (let k = 0; k < contacts; k++) {
          const at = plusDays(startedOn, faker.number.int({ min: 0, max: 25 }));
          if (at > end) continue;
          add('bridging_contacts', {
            id: uuidv7From(faker, at),
            bridging_support_id: support.id,
            kind: faker.helpers.arrayElement(['call', 'meeting', 'accompaniment', 'message']),
            occurred_at: at.toISOString(),
            duration_minutes: faker.helpers.arrayElement([10, 15, 30, 60, 90]),
            note: null,
            recorded_by: encounter.created_by,
            created_at: at.toISOString(),
          });
        }
      }
    }
  },
};
