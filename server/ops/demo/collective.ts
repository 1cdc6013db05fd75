import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { AttendanceRole } from '../../../core/collective.ts';
import { findNominativeData } from '../../../core/nominative.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database } from '../../db/client.ts';
import {
  activityAttendance,
  activityPartners,
  activitySessions,
  actorNeighbourhoods,
  actors,
  collectiveActivities,
  committeeMeetings,
  committeeMembers,
  committees,
  neighbourhoods,
  people,
  personRoles,
} from '../../db/schema/index.ts';
import { demoTeams, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

const day = 86_400_000;
const isoDate = (at: Date) => at.toISOString().slice(0, 10);
/** The same weekday `weeksAgo` weeks before today (0 = this week's, if already past). */
function weekday(weekdayIndex: number, weeksAgo: number): string {
  const today = new Date();
  const back = (today.getUTCDay() - weekdayIndex + 7) % 7 || 7;
  return isoDate(new Date(today.getTime() - (back + 7 * weeksAgo) * day));
}

type Attendance = { people: number; roles?: Partial<Record<number, AttendanceRole>>; heads: Record<string, number> };
type DemoActivity = {
  title: string;
  kind: 'meal' | 'informationSession' | 'group';
  groupType: 'open' | 'closed';
  themes: string[];
  description: string;
  sessions: { on: string; attendance: Attendance }[];
};

/** Three activities the seeds describe: a weekly open meal, an information session, a closed group. */
function demoActivities(): DemoActivity[] {
  return [
    {
      title: 'La soupière',
      kind: 'meal',
      groupType: 'open',
      themes: ['food', 'isolation'],
      description: 'Repas communautaire chaque jeudi midi, préparé avec des bénévoles du quartier.',
      sessions: [0, 1, 2, 3, 4, 5].map((weeksAgo) => ({
        on: weekday(4, weeksAgo),
        attendance: {
          people: 5 - (weeksAgo % 3),
          roles: { 0: 'volunteer' },
          heads: { '25to34': 4 + (weeksAgo % 4), '35to49': 6, '50to64': 5, '65to79': 3 },
        },
      })),
    },
    {
      title: 'Séance d’information : vos droits de locataire',
      kind: 'informationSession',
      groupType: 'open',
      themes: ['housing', 'rights'],
      description:
        'Bail, hausse de loyer, insalubrité : ce que dit la loi et à qui s’adresser, avec le comité logement.',
      sessions: [
        { on: weekday(3, 3), attendance: { people: 3, heads: { '18to24': 2, '25to34': 5, '35to49': 4, '65to79': 1 } } },
      ],
    },
    {
      title: 'Groupe des femmes du mardi',
      kind: 'group',
      groupType: 'closed',
      themes: ['isolation', 'family'],
      description: 'Un groupe fermé de femmes du quartier : échanges, ateliers et sorties choisies ensemble.',
      sessions: [0, 1, 2, 3].map((weeksAgo) => ({
        on: weekday(2, weeksAgo),
        attendance: { people: 4, roles: { 1: 'coFacilitator' }, heads: { '35to49': 2 } },
      })),
    },
  ];
}

/** Two meetings of a codéveloppement table: real situations, no one named (decision 0020). */
const demoMeetings = (memberIds: string[]) => [
  {
    heldOn: weekday(1, 5),
    agenda: ['Tour de table des organismes', 'Situation apportée par l’équipe de quartier', 'Calendrier de l’automne'],
    minutes:
      'Six organismes présents. Le comité logement signale une hausse des avis d’éviction dans les plex du secteur nord. La banque alimentaire manque de bénévoles le mardi.',
    situations: [
      {
        themes: ['housingConditions'],
        needs: ['housing', 'mentalHealth'],
        summary:
          'Un homme dans la cinquantaine, seul, vit dans un logement infesté de punaises ; il refuse l’aide par méfiance envers le propriétaire et les services.',
        proposed:
          'Une visite à deux avec l’intervenante du comité logement ; expliquer le recours au tribunal sans pression.',
      },
    ],
    decisions: [{ text: 'Inviter l’inspection municipale à la prochaine rencontre.' }],
    followUps: [
      {
        what: 'Contacter l’inspection municipale',
        actorId: memberIds[0] ?? null,
        dueOn: weekday(1, 3),
        doneOn: weekday(1, 4),
      },
    ],
  },
  {
    heldOn: weekday(1, 1),
    agenda: ['Retour sur les suivis', 'Nouvelle situation : une famille récemment arrivée', 'Varia'],
    minutes:
      'L’inspection municipale a présenté la démarche de plainte. La situation du dernier mois avance : la visite à deux a eu lieu et un recours est envisagé.',
    situations: [
      {
        themes: ['isolation', 'services'],
        needs: ['migration', 'language', 'family'],
        summary:
          'Une famille arrivée depuis trois mois, deux enfants d’âge scolaire, ne connaît pas les ressources ; la mère ne parle pas encore français.',
        proposed:
          'Jumelage avec une marraine du quartier et inscription à la francisation ; invitation au groupe des femmes.',
      },
    ],
    decisions: [{ text: 'Préparer une fiche des ressources en plusieurs langues.' }],
    followUps: [
      {
        what: 'Fiche des ressources traduite',
        actorId: memberIds[1] ?? memberIds[0] ?? null,
        dueOn: weekday(1, -3),
        doneOn: null,
      },
    ],
  },
];

async function seedActivities(db: Database, teamId: string, hoodId: string | null, partnerIds: string[]) {
  const known = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.teamId, teamId))
    .orderBy(asc(people.nickname))
    .limit(40);
  const ids = known.map((person) => person.id);
  for (const [index, activity] of demoActivities().entries()) {
    const activityId = uuidv7();
    // Each activity has its own regulars: a slice of the team's people.
    const regulars = ids.slice(index * 8, index * 8 + 8);
    await db.transaction(async (tx) => {
      await tx.insert(collectiveActivities).values({
        id: activityId,
        teamId,
        neighbourhoodId: hoodId,
        title: activity.title,
        kind: activity.kind,
        groupType: activity.groupType,
        mission: 'collectiveInformation',
        themes: activity.themes,
        languages: ['fr'],
        description: activity.description,
      });
      const partner = partnerIds[index];
      if (partner) await tx.insert(activityPartners).values({ activityId, actorId: partner });
      for (const session of activity.sessions) {
        const sessionId = uuidv7();
        await tx
          .insert(activitySessions)
          .values({ id: sessionId, activityId, teamId, onDate: session.on, headCounts: session.attendance.heads });
        const present = regulars.slice(0, session.attendance.people);
        if (present.length === 0) continue;
        const rows = present.map((personId, k) => ({
          sessionId,
          personId,
          role: session.attendance.roles?.[k] ?? 'participant',
        }));
        await tx.insert(activityAttendance).values(rows);
      }
      // A volunteer or co-facilitator role feeds the trajectory, as a saved session does.
      const helper = activity.sessions.at(-1);
      for (const [k, role] of Object.entries(helper?.attendance.roles ?? {})) {
        const personId = regulars[Number(k)];
        if (!personId || !helper) continue;
        const kind = role === 'volunteer' ? 'volunteer' : 'helper';
        const [open] = await tx
          .select({ id: personRoles.id })
          .from(personRoles)
          .where(and(eq(personRoles.personId, personId), eq(personRoles.role, kind), isNull(personRoles.endedOn)));
        if (!open)
          await tx
            .insert(personRoles)
            .values({ id: uuidv7(), personId, role: kind, startedOn: helper.on, note: activity.title });
      }
    });
  }
}

/** A text the team's known people would flag is left out rather than seeded: the demo names no one. */
function withoutNames<T extends { text: string }>(
  items: T[],
  known: { nickname: string; firstName: string | null; lastName: string | null }[],
) {
  return items.filter((item) => findNominativeData(item.text, known).length === 0);
}

async function seedCommittee(db: Database, teamId: string, hoodId: string | null, memberIds: string[]) {
  const committeeId = uuidv7();
  const known = await db
    .select({ nickname: people.nickname, firstName: people.firstName, lastName: people.lastName })
    .from(people)
    .where(eq(people.teamId, teamId));
  await db.transaction(async (tx) => {
    await tx.insert(committees).values({
      id: committeeId,
      teamId,
      neighbourhoodId: hoodId,
      name: 'Table de concertation — codéveloppement',
      purpose:
        'Chaque mois, les organismes du quartier apportent une situation difficile et cherchent ensemble des pistes, sans jamais nommer personne.',
    });
    if (memberIds.length)
      await tx.insert(committeeMembers).values(memberIds.map((actorId) => ({ committeeId, actorId, role: 'Membre' })));
    for (const meeting of demoMeetings(memberIds)) {
      const minutes = withoutNames([{ text: meeting.minutes }], known)[0]?.text ?? '';
      const situations = meeting.situations.filter(
        (s) => withoutNames([{ text: s.summary }, { text: s.proposed }], known).length === 2,
      );
      await tx.insert(committeeMeetings).values({
        id: uuidv7(),
        committeeId,
        teamId,
        heldOn: meeting.heldOn,
        agenda: withoutNames(
          meeting.agenda.map((text) => ({ text })),
          known,
        ).map((item) => item.text),
        minutes,
        situations,
        decisions: withoutNames(meeting.decisions, known),
        followUps: meeting.followUps.filter((f) => findNominativeData(f.what, known).length === 0),
      });
    }
  });
}

/**
 * Collective work for each demo team (issue 7): La soupière, an information session on tenants'
 * rights and a closed women's group with past sessions and attendance, and a codéveloppement table
 * with two meetings whose minutes name nobody. Skipped for a team that already has activities.
 */
export const collectiveStep: DemoStep = {
  name: 'collective work / travail collectif',
  async run({ db, report }) {
    for (const team of demoTeams) {
      const teamId = await teamIdByCode(db, team.code);
      if (!teamId) continue;
      const [existing] = await db
        .select({ id: collectiveActivities.id })
        .from(collectiveActivities)
        .where(eq(collectiveActivities.teamId, teamId))
        .limit(1);
      if (existing) {
        report(`collective work of ${team.code} exists / existe`);
        continue;
      }
      const hoods = await db
        .select({ id: neighbourhoods.id })
        .from(neighbourhoods)
        .where(eq(neighbourhoods.teamId, teamId));
      const hood = hoods[0];
      // The partners are organisations of the team's own neighbourhoods (the directory step's).
      const organisations = hoods.length
        ? await db
            .selectDistinct({ id: actors.id, name: actors.name })
            .from(actors)
            .innerJoin(actorNeighbourhoods, eq(actorNeighbourhoods.actorId, actors.id))
            .where(
              and(
                eq(actors.kind, 'organisation'),
                inArray(
                  actorNeighbourhoods.neighbourhoodId,
                  hoods.map((h) => h.id),
                ),
              ),
            )
            .orderBy(asc(actors.name))
            .limit(5)
        : [];
      const partnerIds = organisations.map((actor) => actor.id);
      await seedActivities(db, teamId, hood?.id ?? null, partnerIds);
      await seedCommittee(db, teamId, hood?.id ?? null, partnerIds.slice(0, 4));
      report(`collective work of ${team.code}: 3 activities, 1 committee / 3 activités, 1 comité`);
    }
  },
};
