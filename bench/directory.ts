import { base, Faker, fr, fr_BE, fr_CA } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../core/uuid.ts';
import type { DatabaseHandle } from '../server/db/client.ts';
import { refreshServiceSearch, searchDirectory } from '../server/modules/directory/directory.search.ts';
import { insertRows } from '../server/ops/bulk-insert.ts';
import { readTables, runnerOf } from '../server/ops/catalog.ts';

/**
 * Issue #5's figure: directory search over 20 000 French service records with misspelled,
 * accent-less queries, through the app's search function (server/modules/directory/
 * directory.search.ts `searchDirectory`, called in-process: no HTTP) and as one raw SQL statement
 * doing the same work (correct each word through directory_words, match, rank).
 */
type Timing = { p50: number; p95: number; max: number; runs: number };

export type DirectoryFigures = {
  search: Timing;
  searchRaw: Timing;
  services: number;
  /** Top five service names for the queries the issue names, to show they are right. */
  hits: Record<string, string[]>;
};

const serviceCount = 20_000;
const organisationCount = 2_000;
const searches = 200;

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0, runs: sorted.length };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Real kinds of neighbourhood services, as a Québec or Brussels directory lists them. */
const kinds: { names: string[]; description: string; needs: string[] }[] = [
  {
    names: ['Banque alimentaire', 'Dépannage alimentaire', 'Comptoir alimentaire'],
    description:
      'Aide alimentaire : distribution de denrées et paniers de dépannage pour les familles à faible revenu.',
    needs: ['food'],
  },
  {
    names: ['Cuisine collective', 'Popote roulante', 'Repas communautaires'],
    description: 'Repas à petit prix préparés ensemble ou livrés aux aînés et aux personnes seules.',
    needs: ['food', 'isolation'],
  },
  {
    names: ['Aide au logement', 'Comité logement', 'Recherche de logement'],
    description: 'Accompagnement dans la recherche d’un logement, droits des locataires, bail et litiges.',
    needs: ['housing', 'rights'],
  },
  {
    names: ['Santé mentale', 'Groupe d’entraide en santé mentale', 'Écoute et soutien psychologique'],
    description: 'Soutien aux personnes vivant avec un trouble de santé mentale et à leurs proches.',
    needs: ['mentalHealth'],
  },
  {
    names: ['Francisation', 'Cours de français', 'Ateliers de conversation'],
    description: 'Cours de français langue seconde pour les personnes immigrantes, le jour ou le soir.',
    needs: ['language', 'migration'],
  },
  {
    names: ['Aide aux devoirs', 'Soutien scolaire', 'Halte-garderie'],
    description: 'Soutien aux enfants du primaire et aux parents après l’école.',
    needs: ['family'],
  },
  {
    names: ['Clinique d’impôts', 'Aide budgétaire', 'Accompagnement aux démarches'],
    description: 'Déclarations de revenus et budget pour les personnes à faible revenu, gratuit.',
    needs: ['income', 'rights'],
  },
  {
    names: ['Aide juridique', 'Information juridique', 'Défense des droits'],
    description: 'Consultation avec un avocat ou une juriste, droits sociaux et recours.',
    needs: ['rights'],
  },
  {
    names: ['Centre de jour pour aînés', 'Visites d’amitié', 'Appels d’amitié'],
    description: 'Activités et présence pour rompre l’isolement des aînés du quartier.',
    needs: ['isolation'],
  },
  {
    names: ['Travail de rue', 'Ressource en dépendances', 'Halte-chaleur'],
    description: 'Présence de proximité, réduction des méfaits, consommation et hébergement d’urgence.',
    needs: ['substanceUse', 'housing'],
  },
  {
    names: ['Maison d’hébergement pour femmes', 'Ligne d’écoute violence conjugale'],
    description: 'Hébergement sécuritaire et accompagnement pour les femmes victimes de violence.',
    needs: ['safety', 'housing'],
  },
  {
    names: ['Recherche d’emploi', 'Service d’employabilité', 'Préparation au marché du travail'],
    description: 'Curriculum vitae, entrevues et stages pour retrouver un emploi.',
    needs: ['employment'],
  },
  {
    names: ['Accueil des personnes immigrantes', 'Intégration des nouveaux arrivants'],
    description: 'Accueil, installation et démarches d’immigration pour les nouveaux arrivants.',
    needs: ['migration'],
  },
  {
    names: ['Accès au numérique', 'Formation en informatique'],
    description: 'Ordinateurs en libre accès et aide pour les démarches en ligne.',
    needs: ['digital'],
  },
  {
    names: ['Transport bénévole', 'Accompagnement médical'],
    description: 'Transport et accompagnement aux rendez-vous médicaux par des bénévoles.',
    needs: ['mobility', 'physicalHealth'],
  },
  {
    names: ['Clinique de proximité', 'Soins infirmiers de quartier'],
    description: 'Soins de santé de première ligne sans rendez-vous, vaccination et dépistage.',
    needs: ['physicalHealth'],
  },
  {
    names: ['Friperie', 'Vestiaire communautaire', 'Meubles à petit prix'],
    description: 'Vêtements et meubles usagés à petit prix, bons d’achat sur référence.',
    needs: ['other'],
  },
];

const extras = [
  'Sans rendez-vous le mardi.',
  'Sur inscription, places limitées.',
  'Service offert en français et en anglais.',
  'Interprètes disponibles sur demande.',
  'Accessible en fauteuil roulant.',
  'Preuve de résidence demandée.',
  'Pour les résidents du quartier.',
  'Ouvert aux familles et aux personnes seules.',
];

const areas = [
  'Ascot',
  'Jardins-Fleuris',
  'Fleurimont',
  'Lennoxville',
  'Saint-Roch',
  'Limoilou',
  'Vanier',
  'Hochelaga',
  'Villeray',
  'Côte-des-Neiges',
  'Pointe-Saint-Charles',
  'Verdun',
  'Marolles',
  'Cureghem',
  'Molenbeek',
  'Schaerbeek',
  'Saint-Gilles',
  'Laeken',
];

/** How workers type on a phone: accents dropped, a letter wrong, singular for plural. */
const queries = [
  'logemant',
  'sante mentale',
  'aide alimentaire',
  'banque alimentair',
  'francisasion',
  'aide au devoir',
  'clinique dimpots',
  'halte garderie',
  'aines isolement',
  'dependance',
  'hebergement femme',
  'aide juridik',
  'recherche emploie',
  'immigrant',
  'transport medical',
  'popote roulante',
  'friperie',
  'travail de rue',
  'cuisine colective',
  'numerique',
  'soutien psychologique',
  'violence conjugal',
  'cours de francais',
  'droits des locataires',
  'vaccination',
];

async function addDirectory(database: DatabaseHandle): Promise<string[]> {
  const faker = new Faker({ locale: [fr_CA, fr_BE, fr, base] });
  faker.seed(5);
  const organisations = Array.from({ length: organisationCount }, () => ({
    id: uuidv7(),
    kind: 'organisation',
    category: faker.helpers.arrayElement(['communityGroup', 'publicService', 'healthSocial', 'food', 'housing']),
    name: `${faker.helpers.arrayElement(['Carrefour', 'Maison', 'Centre communautaire', 'Regroupement', 'Association'])} ${faker.location.street()}`,
    city: faker.location.city(),
    languages: ['fr'],
  }));
  const services = Array.from({ length: serviceCount }, (_, k) => {
    const kind = kinds[k % kinds.length] as (typeof kinds)[number];
    const organisation = organisations[(k * 7) % organisations.length] as (typeof organisations)[number];
    const area = faker.datatype.boolean(0.5) ? faker.helpers.arrayElement(areas) : faker.location.city();
    return {
      id: uuidv7(),
      actor_id: organisation.id,
      name: `${faker.helpers.arrayElement(kind.names)} ${faker.helpers.arrayElement(['de', 'du quartier', '—'])} ${area}`,
      description: `${kind.description} ${faker.helpers.arrayElements(extras, 2).join(' ')}`,
      needs: kind.needs,
      languages: faker.helpers.arrayElement([['fr'], ['fr', 'en'], ['fr', 'ar'], ['fr', 'es']]),
      availability: faker.helpers.weightedArrayElement([
        { weight: 6, value: 'open' },
        { weight: 2, value: 'waitingList' },
        { weight: 1, value: 'closedToNew' },
        { weight: 1, value: 'temporarilyClosed' },
      ]),
      free: faker.datatype.boolean(0.8),
    };
  });
  const locations = services.map((s) => ({
    id: uuidv7(),
    service_id: s.id,
    address: faker.location.streetAddress(),
    city: faker.location.city(),
  }));
  const run = runnerOf(database.db);
  const tables = await readTables(run);
  const table = (name: string) => {
    const found = tables.find((t) => t.name === name);
    if (!found) throw new Error(`no ${name} table`);
    return found;
  };
  await insertRows(run, table('actors'), organisations);
  await insertRows(run, table('services'), services);
  await insertRows(run, table('service_locations'), locations);
  const ids = services.map((s) => s.id);
  await refreshServiceSearch(database.db, ids);
  return ids;
}

/** The app's search in one statement: each word corrected, every word required, ranked. */
async function searchRaw(database: DatabaseHandle, q: string) {
  const words = q
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2);
  return database.db.execute(sql`
    with q as (
      select coalesce(
        (select d.word from directory_words d where d.word = w),
        (select d.word from directory_words d where d.word % w order by similarity(d.word, w) desc limit 1),
        w) as word
      from unnest(${`{${words.join(',')}}`}::text[]) as w
      where numnode(plainto_tsquery('french', w)) > 0
    ),
    query as (select to_tsquery('french', string_agg(word, ' & ')) as tsq from q)
    select s.id, s.name, ts_rank(s.search_vector, query.tsq) as rank
    from services s, query
    where s.search_vector @@ query.tsq
    order by rank desc, s.id
    limit 30`);
}

export async function measureDirectorySearch(
  database: DatabaseHandle,
  log: (line: string) => void,
): Promise<DirectoryFigures> {
  log(`  directory: ${serviceCount.toLocaleString('en')} services, search documents and words…`);
  const loadStart = performance.now();
  await addDirectory(database);
  await database.query('analyze services');
  await database.query('analyze directory_words');
  await database.query('analyze actors');
  log(`  directory loaded and indexed in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  const options = { kind: 'all' as const, limit: 30, timeZone: 'America/Toronto', keyPersonTeams: [] };
  const hits: Record<string, string[]> = {};
  for (const q of ['logemant', 'sante mentale', 'aide alimentaire']) {
    const found = await searchDirectory(database.db, { ...options, q });
    hits[q] = found.services.slice(0, 5).map((s) => s.name);
  }
  log(`  directory search, ${searches} misspelled or accent-less queries…`);
  const searchSamples: number[] = [];
  const rawSamples: number[] = [];
  for (let k = 0; k < searches; k++) {
    const q = queries[k % queries.length] as string;
    searchSamples.push(await timed(() => searchDirectory(database.db, { ...options, q })));
    rawSamples.push(await timed(() => searchRaw(database, q)));
  }
  return {
    search: timing(searchSamples),
    searchRaw: timing(rawSamples),
    services: serviceCount,
    hits,
  };
}
