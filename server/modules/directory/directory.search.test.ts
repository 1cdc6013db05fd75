import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../core/uuid.ts';
import { serviceSchedules } from '../../db/schema/index.ts';
import { type Agent, signedInAgent } from '../../test-support/agent.ts';
import { createTestApp, type TestApp } from '../../test-support/app.ts';
import { buildActor, buildService } from '../../test-support/directory-factories.ts';
import { buildNeighbourhood, buildTeam, buildUser } from '../../test-support/factories.ts';
import { highlightExcerpt, queryWords, refreshServiceSearch, searchDirectory } from './directory.search.ts';

let t: TestApp;
let ana: Agent;
let neighbourhood: string;

/** A small directory, as a neighbourhood would have it; the search must rank the right one first. */
const directory: { name: string; description: string; needs: string[]; languages?: string[] }[] = [
  {
    name: 'Aide au logement',
    description: 'Recherche de logement, bail, litiges avec le propriétaire.',
    needs: ['housing'],
  },
  { name: 'Comptoir alimentaire', description: 'Épicerie solidaire et paniers de dépannage.', needs: ['food'] },
  { name: 'Banque alimentaire du quartier', description: 'Distribution de denrées chaque semaine.', needs: ['food'] },
  {
    name: 'Écoute et santé mentale',
    description: 'Soutien psychologique, groupes d’entraide, crise.',
    needs: ['mentalHealth'],
  },
  {
    name: 'Francisation des adultes',
    description: 'Cours de français pour personnes immigrantes.',
    needs: ['language'],
    languages: ['fr', 'ar', 'es'],
  },
  { name: 'Aide aux devoirs', description: 'Soutien scolaire pour les enfants du primaire.', needs: ['family'] },
  {
    name: 'Clinique d’impôts',
    description: 'Déclarations de revenus pour personnes à faible revenu.',
    needs: ['income'],
  },
  { name: 'Aide juridique', description: 'Consultations gratuites avec un avocat.', needs: ['rights'] },
  { name: 'Aide à domicile', description: 'Ménage et repas pour les aînés.', needs: ['isolation'] },
  {
    name: 'Friperie communautaire',
    description: 'Vêtements à petit prix, aide alimentaire d’urgence le vendredi.',
    needs: ['other'],
  },
];
const ids = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const team = (await buildTeam(db)).id;
  neighbourhood = (await buildNeighbourhood(db, team)).id;
  ana = await signedInAgent(t.app, (await buildUser(db, { teamIds: [team] })).email);
  const organisation = await buildActor(db, { name: 'Carrefour des ressources' });
  for (const entry of directory) {
    const row = await buildService(db, { actorId: organisation.id, languages: ['fr'], ...entry });
    ids.set(entry.name, row.id);
  }
  await refreshServiceSearch(db, [...ids.values()]);
  await buildActor(db, { name: 'Société Saint-Vincent de Paul', category: 'communityGroup' });
});
afterAll(() => t.close());

const names = async (q: string, extra = '') =>
  (await ana.get(`/api/directory/search?q=${encodeURIComponent(q)}${extra}`))
    .json()
    .services.map((s: { name: string }) => s.name);

describe('directory search', () => {
  it('folds case, accents and ligatures like the documents', () => {
    expect(queryWords('SANTÉ  Mentale, cœur')).toEqual(['sante', 'mentale', 'coeur']);
  });

  it('cuts an excerpt around the first matching word, accents kept, matches marked', () => {
    const text = 'Accueil sans rendez-vous. Soutien en santé mentale pour adultes, groupes d’entraide et écoute.';
    expect(highlightExcerpt(text, ['sante', 'menta'], 2, 3)).toBe('… Soutien en «santé» «mentale» pour adultes …');
    expect(highlightExcerpt(text, ['logem'])).toBeNull();
  });

  it('finds the right service first for misspelled, accent-less queries', async () => {
    expect((await names('logemant'))[0]).toBe('Aide au logement');
    expect((await names('sante mentale'))[0]).toBe('Écoute et santé mentale');
    expect((await names('SANTE MENTAL'))[0]).toBe('Écoute et santé mentale');
    const food = await names('aide alimentaire');
    // "aide" is in half the directory: it ranks, "alimentaire" filters.
    expect(food.slice(0, 2).sort()).toEqual(['Banque alimentaire du quartier', 'Comptoir alimentaire'].sort());
    expect(food).toEqual(expect.arrayContaining(['Friperie communautaire']));
    expect(food).not.toContain('Aide juridique');
    expect((await names('francisasion'))[0]).toBe('Francisation des adultes');
    expect((await names('devoir'))[0]).toBe('Aide aux devoirs');
    expect((await names('impot'))[0]).toBe('Clinique d’impôts');
  });

  it('matches need labels in French and English, and says what it corrected', async () => {
    expect((await names('housing'))[0]).toBe('Aide au logement');
    expect((await names('mental health'))[0]).toBe('Écoute et santé mentale');
    const body = (await ana.get('/api/directory/search?q=logemant')).json();
    expect(body.corrections).toEqual([{ from: 'logemant', to: 'logement' }]);
    expect(body.services[0].highlight).toContain('«logement»');
  });

  it('filters by need, language, neighbourhood, availability and open now', async () => {
    expect(await names('aide', '&need=family')).toEqual(['Aide aux devoirs']);
    expect(await names('', '&language=ar')).toEqual(['Francisation des adultes']);
    expect(await names('', `&neighbourhoodId=${neighbourhood}`)).toEqual([]);
    expect(await names('', '&availability=closedToNew')).toEqual([]);
    const db = t.database.db;
    const always = Array.from({ length: 7 }, (_, i) => ({
      id: uuidv7(),
      serviceId: ids.get('Comptoir alimentaire') as string,
      weekday: i + 1,
      opensAt: '00:00',
      closesAt: '23:59:59',
    }));
    await db.insert(serviceSchedules).values(always);
    const open = (await ana.get('/api/directory/search?openNow=true')).json().services;
    expect(open.map((s: { name: string; openNow: boolean }) => [s.name, s.openNow])).toEqual([
      ['Comptoir alimentaire', true],
    ]);
  });

  it('finds organisations by name, accents and typos forgiven, beside the services', async () => {
    const body = (await ana.get('/api/directory/search?q=saint vincent')).json();
    expect(body.actors[0]).toMatchObject({ name: 'Société Saint-Vincent de Paul', kind: 'organisation' });
    expect((await ana.get('/api/directory/search?q=societe&kind=service')).json().actors).toEqual([]);
    expect((await ana.get('/api/directory/search?openNow=maybe')).statusCode).toBe(400);
  });

  it('falls back to any word when no service has them all, and finds nothing for nonsense', async () => {
    expect((await names('logement zzqxw'))[0]).toBe('Aide au logement');
    const found = await searchDirectory(t.database.db, {
      q: 'xqzwv',
      kind: 'all',
      limit: 10,
      timeZone: 'America/Toronto',
      keyPersonTeams: [],
    });
    expect(found.services).toEqual([]);
  });
});
