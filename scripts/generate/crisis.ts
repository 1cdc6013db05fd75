import { addDays, lastDayOf } from '../../core/crisis.ts';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Each team's crisis mobilisations (issue 7; seed 004 names Covid and the Ukraine arrivals): one
 * that ended months ago and one running now, each with two or three workers lending a share of
 * their time, validated by the coordinator. The encounters, activity sessions and time entries those workers
 * logged inside each window are tagged with it, as the app does on create.
 */
export const crisis: GeneratorModule = {
  name: 'crisis mobilisations and the work tagged with them',
  generate({ faker, rows, add }) {
    const team = rows.teams?.[0];
    const users = rows.users ?? [];
    const coordinator = users.find((u) => u.role === 'coordinator');
    const workers = users.filter((u) => u.role === 'worker' || u.role === 'organizer');
    if (!team || !coordinator || workers.length === 0) return;
    const today = isoDay(faker.defaultRefDate());
    const plans = [
      {
        title: 'Réponse sanitaire : distribution de masques et appels aux aînés',
        reason: 'Demande de la santé publique pendant la vague de l’hiver : rejoindre les aînés isolés du quartier.',
        startsOn: addDays(today, -300),
        endsOn: addDays(today, -230),
        endedOn: addDays(today, -237),
        sharePercent: 40,
      },
      {
        title: 'Accueil des familles déplacées',
        reason: 'Arrivée de familles au centre d’hébergement : premier accueil, orientation, lien avec les écoles.',
        startsOn: addDays(today, -20),
        endsOn: addDays(today, 40),
        endedOn: null,
        sharePercent: 20,
      },
    ];
    for (const plan of plans) {
      const at = new Date(`${plan.startsOn}T09:00:00Z`);
      const participants = faker.helpers.arrayElements(workers, { min: 1, max: Math.min(3, workers.length) });
      const proposer = participants[0] as Row;
      const mobilisation: Row = {
        id: uuidv7From(faker, at),
        team_id: team.id,
        title: plan.title,
        reason: plan.reason,
        share_percent: plan.sharePercent,
        starts_on: plan.startsOn,
        ends_on: plan.endsOn,
        status: plan.endedOn ? 'ended' : 'validated',
        proposed_ends_on: null,
        pending_by: null,
        ended_on: plan.endedOn,
        decision_note: null,
        proposed_by: proposer.id,
        version: plan.endedOn ? 3 : 2,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      };
      add('crisis_mobilisations', mobilisation);
      for (const participant of participants)
        add('crisis_mobilisation_participants', { mobilisation_id: mobilisation.id, user_id: participant.id });
      const steps: [string, string | null, Row][] = [
        ['proposed', plan.endsOn, proposer],
        ['validated', plan.endsOn, coordinator],
        ...(plan.endedOn ? [['ended', plan.endedOn, proposer] as [string, string, Row]] : []),
      ];
      steps.forEach(([kind, endsOn, by], k) => {
        const when = new Date(at.getTime() + k * 3_600_000);
        add('crisis_mobilisation_events', {
          id: uuidv7From(faker, when),
          mobilisation_id: mobilisation.id,
          kind,
          ends_on: endsOn,
          note: null,
          by_user: by.id,
          at: when.toISOString(),
        });
      });
      const people = new Set(participants.map((p) => p.id));
      const lastDay = lastDayOf({ endsOn: plan.endsOn, endedOn: plan.endedOn });
      const inside = (day: string) => plan.startsOn <= day && day <= lastDay;
      for (const encounter of rows.encounters ?? [])
        if (people.has(encounter.created_by) && inside(String(encounter.occurred_at).slice(0, 10)))
          encounter.crisis_mobilisation_id = mobilisation.id;
      for (const session of rows.activity_sessions ?? [])
        if (people.has(session.created_by) && inside(String(session.on_date)))
          session.crisis_mobilisation_id = mobilisation.id;
      for (const entry of rows.time_entries ?? [])
        if (people.has(entry.worker_id) && inside(String(entry.on_date)))
          entry.crisis_mobilisation_id = mobilisation.id;
    }
  },
};
