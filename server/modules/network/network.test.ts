import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorHostedWorkers, actorNeighbourhoods } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildActor, buildReferral, buildService } from '../../test-support/directory-factories.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';

let t: TestApp;
let ana: Agent;
let other: Agent;
let teamA: string;
let anaId: string;
/** Two circles of partners joined by one broker, and an actor nobody works with. */
const ids: Record<string, string> = {};

type Node = {
  id: string;
  name: string;
  degree: number;
  betweenness: number;
  isolated: boolean;
  bridging: boolean;
  community: number;
};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  teamA = (await buildTeam(db)).id;
  const teamB = (await buildTeam(db)).id;
  const hood = await buildNeighbourhood(db, teamA);
  const anaUser = await buildUser(db, { teamIds: [teamA] });
  anaId = anaUser.id;
  ana = await signedInAgent(t.app, anaUser.email);
  other = await signedInAgent(t.app, (await buildUser(db, { teamIds: [teamB] })).email);
  for (const name of ['CLSC', 'Banque alimentaire', 'École', 'Broker', 'Comité logement', 'Bibliothèque', 'Isolé']) {
    ids[name] = (await buildActor(db, { name })).id;
    await db.insert(actorNeighbourhoods).values({ actorId: ids[name]!, neighbourhoodId: hood.id });
  }
});
afterAll(() => t.close());

const tie = (a: string, b: string, extra: Record<string, unknown> = {}) =>
  ana.post('/api/ties', { actorAId: ids[a], actorBId: ids[b], kind: 'collaboration', ...extra });
const nodeOf = (nodes: Node[], name: string) => nodes.find((n) => n.name === name)!;

describe('the network', () => {
  it('shows ties as a graph with degree, betweenness, communities, bridging and isolated actors', async () => {
    const pairs: [string, string][] = [
      ['CLSC', 'Banque alimentaire'],
      ['Banque alimentaire', 'École'],
      ['École', 'CLSC'],
      ['École', 'Broker'],
      ['Broker', 'Comité logement'],
      ['Comité logement', 'Bibliothèque'],
    ];
    for (const [a, b] of pairs) expect((await tie(a, b, { startedOn: '2024-01-01' })).statusCode).toBe(201);
    const { nodes, edges, communities } = (await ana.get('/api/network?at=2026-11-01')).json();
    expect(edges).toHaveLength(6);
    expect(nodeOf(nodes, 'Isolé')).toMatchObject({ degree: 0, isolated: true, bridging: false });
    expect(nodeOf(nodes, 'Broker')).toMatchObject({ degree: 2, bridging: true });
    expect(nodeOf(nodes, 'École').bridging).toBe(true);
    expect(nodeOf(nodes, 'CLSC').bridging).toBe(false);
    const top = [...nodes].sort((a: Node, b: Node) => b.betweenness - a.betweenness)[0];
    expect(['Broker', 'École', 'Comité logement']).toContain(top.name);
    expect(communities).toBeGreaterThanOrEqual(2);
    expect(nodeOf(nodes, 'CLSC').community).toBe(nodeOf(nodes, 'Banque alimentaire').community);
  });

  it('compares two dates: a tie that ended and one that began', async () => {
    const ended = (await tie('CLSC', 'Bibliothèque', { startedOn: '2023-01-01', endedOn: '2025-06-01' })).json();
    expect(ended.endedOn).toBe('2025-06-01');
    await tie('Isolé', 'Bibliothèque', { startedOn: '2026-03-01', kind: 'knowsOf' });
    const compared = (await ana.get('/api/network/compare?from=2025-01-01&to=2026-11-01')).json();
    const names = (edge: { source: string; target: string }) =>
      [edge.source, edge.target].map((id) => Object.keys(ids).find((k) => ids[k] === id)).sort();
    expect(compared.lostTies.map(names)).toEqual([['Bibliothèque', 'CLSC']]);
    expect(compared.newTies.map(names)).toEqual([['Bibliothèque', 'Isolé']]);
    expect(compared.from.at).toBe('2025-01-01');
    expect(nodeOf(compared.to.nodes, 'Isolé').isolated).toBe(false);
  });

  it('derives ties from shared interactions and from referrals, and filters by kind', async () => {
    const logged = await ana.post('/api/actor-interactions', {
      kind: 'concertationTable',
      occurredOn: '2026-10-15',
      title: 'Table de quartier',
      actorIds: [ids.CLSC, ids['Comité logement'], ids.Isolé],
    });
    expect(logged.statusCode).toBe(201);
    expect(logged.json().actorIds).toHaveLength(3);
    // Ana's host partner is the library; her referrals to the food bank's service make a flow.
    await t.database.db.insert(actorHostedWorkers).values({ actorId: ids.Bibliothèque!, userId: anaId });
    const service = await buildService(t.database.db, { actorId: ids['Banque alimentaire'] });
    for (let k = 0; k < 3; k++)
      await buildReferral(t.database.db, teamA, {
        serviceId: service.id,
        createdBy: anaId,
        referredAt: new Date('2026-10-20T12:00:00Z'),
      });
    const derived = (await ana.get('/api/network?at=2026-11-01&kinds=sharedInteraction,referralFlow')).json();
    expect(derived.edges.every((e: { derived: boolean }) => e.derived)).toBe(true);
    expect(derived.edges.filter((e: { kind: string }) => e.kind === 'sharedInteraction')).toHaveLength(3);
    expect(derived.edges.find((e: { kind: string }) => e.kind === 'referralFlow')).toMatchObject({
      source: ids.Bibliothèque,
      target: ids['Banque alimentaire'],
      count: 3,
      strength: 2,
    });
    // A year later the interaction is out of the window.
    const laterAnswer = await ana.get('/api/network?at=2028-01-01&kinds=sharedInteraction');
    expect(laterAnswer.statusCode, laterAnswer.body).toBe(200);
    const later = laterAnswer.json();
    expect(later.edges).toEqual([]);
  });

  it('derives ties from shared committees and from activities held together', async () => {
    const committee = await ana.post('/api/committees', {
      name: 'Table de concertation',
      members: [
        { actorId: ids.CLSC, since: '2025-01-01' },
        { actorId: ids.École, since: '2025-01-01', until: '2026-06-01' },
        { actorId: ids.Bibliothèque, since: '2026-03-01' },
      ],
    });
    expect(committee.statusCode).toBe(201);
    const activity = await ana.post('/api/activities', {
      title: 'Fête de quartier',
      kind: 'celebration',
      partnerIds: [ids.CLSC, ids['Banque alimentaire']],
    });
    expect(activity.statusCode).toBe(201);
    const session = { id: crypto.randomUUID(), onDate: '2026-09-12', headCounts: { '25to34': 40 } };
    expect((await ana.post(`/api/activities/${activity.json().id}/sessions`, session)).statusCode).toBe(201);

    const pairsOf = async (at: string) => {
      const { edges } = (await ana.get(`/api/network?at=${at}&kinds=sharedCommittee,sharedActivity`)).json();
      const name = (id: string) => Object.keys(ids).find((key) => ids[key] === id);
      return (edges as { kind: string; source: string; target: string }[])
        .map((e) => `${e.kind}: ${[name(e.source), name(e.target)].sort().join(' + ')}`)
        .sort();
    };
    expect(await pairsOf('2026-04-01')).toEqual([
      'sharedCommittee: Bibliothèque + CLSC',
      'sharedCommittee: Bibliothèque + École',
      'sharedCommittee: CLSC + École',
    ]);
    // The school left the committee in June; the celebration with the food bank was in September.
    expect(await pairsOf('2026-11-01')).toEqual([
      'sharedActivity: Banque alimentaire + CLSC',
      'sharedCommittee: Bibliothèque + CLSC',
    ]);
  });

  it('keeps a team’s ties to itself and refuses bad ties with the field named', async () => {
    const theirs = (await other.get('/api/network')).json();
    expect(theirs.edges).toEqual([]);
    expect((await other.get('/api/ties')).json().items).toEqual([]);
    const [mine] = (await ana.get('/api/ties')).json().items;
    expect((await other.patch(`/api/ties/${mine.id}`, { baseVersion: 1, strength: 3 })).statusCode).toBe(404);
    const stale = await ana.patch(`/api/ties/${mine.id}`, { baseVersion: 9, strength: 3 });
    expect(stale.statusCode).toBe(409);
    const self = await tie('CLSC', 'CLSC');
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields[0].path).toBe('actorBId');
    const theirKeyPerson = await buildActor(t.database.db, {
      kind: 'keyPerson',
      teamId: (await buildTeam(t.database.db)).id,
    });
    const hidden = await ana.post('/api/ties', { actorAId: ids.CLSC, actorBId: theirKeyPerson.id, kind: 'knowsOf' });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().error.fields[0].path).toBe('actorBId');
    const backwards = await tie('CLSC', 'École', { startedOn: '2025-01-01', endedOn: '2024-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect((await ana.get('/api/network?kinds=friendship')).statusCode).toBe(400);
  });

  it('names the actors of listed ties and interactions, and filters interactions by actor and kind', async () => {
    const tied = (await ana.get(`/api/ties?actorId=${ids.Broker}`)).json();
    expect(tied.items).toHaveLength(2);
    expect(tied.actors.map((a: { name: string }) => a.name).sort()).toEqual(['Broker', 'Comité logement', 'École']);
    await ana.post('/api/actor-interactions', {
      kind: 'call',
      occurredOn: '2026-10-16',
      title: 'Appel au CLSC',
      actorIds: [ids.CLSC],
    });
    const calls = (await ana.get(`/api/actor-interactions?actorId=${ids.CLSC}&kind=call`)).json();
    expect(calls.items.map((i: { title: string }) => i.title)).toEqual(['Appel au CLSC']);
    expect(calls.total).toBe(1);
    expect(calls.actors).toEqual([expect.objectContaining({ id: ids.CLSC, name: 'CLSC', kind: 'organisation' })]);
    const all = (await ana.get(`/api/actor-interactions?actorId=${ids.CLSC}`)).json();
    expect(all.total).toBe(2);
    expect((await ana.get('/api/actor-interactions?kind=lunch')).statusCode).toBe(400);
  });
});
