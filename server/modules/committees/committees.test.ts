import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildActor } from '../../test-support/directory-factories.ts';
import { buildPerson, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let other: Agent;
let admin: Agent;
let teamA: string;
let clsc: string;
let foodBank: string;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamA] })).email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  admin = await signedInAgent(t.app, (await buildUser(db, { role: 'admin' })).email);
  clsc = (await buildActor(db, { name: 'CLSC de la Pommeraie' })).id;
  foodBank = (await buildActor(db, { name: 'Moisson Estrie' })).id;
  await buildPerson(db, teamA, { nickname: 'Mimi', firstName: 'Marie-Ève', lastName: 'Tremblay' });
  await buildPerson(db, teamA, { nickname: 'Le Grand Jo' });
  // Another team's person: their name is not this team's to know, nor to flag.
  await buildPerson(db, teamB, { nickname: 'Ginette', firstName: 'Ginette', lastName: 'Lavoie' });
});
afterAll(() => t.close());

async function committee() {
  const created = await ana.post('/api/committees', {
    name: 'Table de concertation Ascot',
    purpose: 'Codéveloppement entre partenaires',
    members: [
      { actorId: clsc, role: 'Animation' },
      { actorId: foodBank, since: '2025-09-01' },
    ],
  });
  expect(created.statusCode).toBe(201);
  return created.json() as { id: string; version: number; members: { actorName: string }[] };
}

const meetingBody = () => ({
  heldOn: '2026-11-18',
  agenda: ['Tour de table', 'Situations'],
  minutes: 'Huit partenaires présents. Côté logement, deux signalements de moisissures.',
  situations: [
    {
      themes: ['logement'],
      needs: ['housing'],
      summary: 'Une mère seule, deux enfants, loyer en retard de deux mois.',
      proposed: 'Orienter vers le comité logement; accompagnement à la Régie.',
    },
  ],
  decisions: [{ text: 'Inviter la Régie du logement en janvier.' }],
  followUps: [{ what: 'Écrire à la Régie', actorId: clsc, dueOn: '2026-12-15' }],
  confirmedNotNames: [] as string[],
});

describe('committees', () => {
  it('keeps a committee of partners with its members, meetings and open follow-ups', async () => {
    const { id, members } = await committee();
    expect(members.map((m) => m.actorName)).toEqual(['CLSC de la Pommeraie', 'Moisson Estrie']);
    const meeting = await ana.post(`/api/committees/${id}/meetings`, meetingBody());
    expect(meeting.statusCode).toBe(201);
    expect(meeting.json().followUps[0]).toMatchObject({ actorId: clsc, dueOn: '2026-12-15', doneOn: null });

    const list = (await ana.get('/api/committees')).json().items;
    expect(list.find((c: { id: string }) => c.id === id)).toMatchObject({
      memberCount: 2,
      lastMeetingOn: '2026-11-18',
      openFollowUps: 1,
    });
    const done = await ana.patch(`/api/committee-meetings/${meeting.json().id}`, {
      baseVersion: 1,
      followUps: [{ what: 'Écrire à la Régie', actorId: clsc, dueOn: '2026-12-15', doneOn: '2026-12-01' }],
    });
    expect(done.statusCode).toBe(200);
    expect((await ana.get(`/api/committees/${id}`)).json()).toMatchObject({
      openFollowUps: 0,
      meetings: [{ version: 2 }],
    });
  });

  it('refuses minutes that name a known person in other accents and case, and saves nothing', async () => {
    const { id } = await committee();
    const named = {
      ...meetingBody(),
      minutes: 'MARIE-EVE tremblay est venue, avec le grand JO.',
      situations: [{ ...meetingBody().situations[0]!, summary: 'Mimi doit deux mois; la rappeler au 819 555-0123.' }],
    };
    const refused = await ana.post(`/api/committees/${id}/meetings`, named);
    expect(refused.statusCode).toBe(422);
    const { error } = refused.json();
    expect(error.code).toBe('nominative_data');
    expect(error.message.fr).toMatch(/nomme quelqu’un/);
    expect(error.message.en).toMatch(/name someone/);
    expect(error.fields.map((f: { path: string; message: { fr: string } }) => [f.path, f.message.fr])).toEqual([
      ['minutes', '« MARIE-EVE tremblay » : le nom d’une personne connue de l’équipe, à retirer.'],
      ['minutes', '« le grand JO » : le surnom d’une personne connue de l’équipe, à retirer.'],
      ['situations.0.summary', '« Mimi » : le surnom d’une personne connue de l’équipe, à retirer.'],
      ['situations.0.summary', '« 819 555-0123 » : un numéro de téléphone, à retirer.'],
    ]);
    expect((await ana.get(`/api/committees/${id}`)).json().meetings).toEqual([]);

    // Another team's people are not flagged: this team does not know them.
    const elsewhere = { ...meetingBody(), minutes: 'Ginette Lavoie (autre quartier) a animé.' };
    expect((await ana.post(`/api/committees/${id}/meetings`, elsewhere)).statusCode).toBe(201);
  });

  it('lets the author confirm a word that is not about anyone, never a phone number', async () => {
    const { id } = await committee();
    await buildPerson(t.database.db, teamA, { nickname: 'Côté' });
    const minutes = { ...meetingBody(), minutes: 'Côté logement, rien de neuf.' };
    expect((await ana.post(`/api/committees/${id}/meetings`, minutes)).statusCode).toBe(422);
    const confirmed = await ana.post(`/api/committees/${id}/meetings`, { ...minutes, confirmedNotNames: ['cote'] });
    expect(confirmed.statusCode).toBe(201);
    const phone = { ...minutes, minutes: 'Côté logement : 819 555-0199.', confirmedNotNames: ['Côté', '819 555-0199'] };
    const stillRefused = await ana.post(`/api/committees/${id}/meetings`, phone);
    expect(stillRefused.statusCode).toBe(422);
    expect(stillRefused.json().error.fields).toHaveLength(1);
  });

  it('checks the same way while the author types, without saving', async () => {
    const checked = await ana.post('/api/committee-meetings/check', {
      texts: [
        { path: 'minutes', text: 'Rencontre avec marie-eve TREMBLAY' },
        { path: 'agenda.0', text: 'Tour de table' },
      ],
    });
    expect(checked.statusCode).toBe(200);
    expect(checked.json().matches).toEqual([
      { path: 'minutes', start: 15, end: 33, found: 'marie-eve TREMBLAY', kind: 'name' },
    ]);
  });

  it('refuses bad input with the field named, and keeps other teams out', async () => {
    const { id } = await committee();
    const noName = await ana.post('/api/committees', { name: '' });
    expect(noName.statusCode).toBe(400);
    const strangers = await ana.post('/api/committees', {
      name: 'Comité',
      members: [{ actorId: crypto.randomUUID() }],
    });
    expect(strangers.statusCode).toBe(422);
    expect(strangers.json().error.fields[0].path).toBe('members.0.actorId');
    const badDate = await ana.post(`/api/committees/${id}/meetings`, { ...meetingBody(), heldOn: '18/11/2026' });
    expect(badDate.statusCode).toBe(400);

    expect((await other.get(`/api/committees/${id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/committees/${id}/meetings`, meetingBody())).statusCode).toBe(404);
    expect((await other.get('/api/committees')).json().items).toEqual([]);
    expect((await admin.get(`/api/committees/${id}`)).statusCode).toBe(403);
    const withReason = await admin.get(`/api/committees/${id}`, {
      headers: { 'x-access-reason': encodeURIComponent('Vérification annuelle') },
    });
    expect(withReason.statusCode).toBe(200);
  });

  it('answers a stale edit with the current committee', async () => {
    const { id } = await committee();
    expect((await ana.patch(`/api/committees/${id}`, { baseVersion: 1, name: 'Table Ascot' })).statusCode).toBe(200);
    const stale = await ana.patch(`/api/committees/${id}`, { baseVersion: 1, name: 'Autre nom' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ name: 'Table Ascot', version: 2 });
  });
});
