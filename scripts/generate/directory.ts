import type { Faker } from '@faker-js/faker';
import { uuidv7From } from './random.ts';
import type { GeneratorModule, Row } from './types.ts';

const day = 86_400_000;

/** What a neighbourhood's organisations offer, by need: [service name, organisation kind, category]. */
const offers: Record<string, [service: string, organisation: string, category: string][]> = {
  food: [
    ['Banque alimentaire', 'Comptoir alimentaire', 'food'],
    ['Repas communautaire du midi', 'Cuisine collective', 'food'],
    ['Épicerie solidaire', 'Épicerie solidaire', 'food'],
    ['Paniers de Noël', 'Service d’entraide', 'communityGroup'],
  ],
  housing: [
    ['Aide à la recherche de logement', 'Comité logement', 'housing'],
    ['Accompagnement en cas d’éviction', 'Comité logement', 'housing'],
    ['Hébergement d’urgence', 'Refuge', 'housing'],
    ['Soutien aux locataires', 'Association de locataires', 'housing'],
  ],
  mentalHealth: [
    ['Écoute et soutien psychologique', 'Centre d’écoute', 'healthSocial'],
    ['Groupe d’entraide en santé mentale', 'Ressource alternative en santé mentale', 'healthSocial'],
    ['Ligne d’écoute 24/7', 'Centre de prévention du suicide', 'healthSocial'],
  ],
  physicalHealth: [
    ['Clinique sans rendez-vous', 'Centre de santé', 'healthSocial'],
    ['Soins infirmiers de proximité', 'Centre de santé', 'healthSocial'],
    ['Dépistage et vaccination', 'Centre de santé', 'publicService'],
  ],
  income: [
    ['Aide à la déclaration de revenus', 'Service budgétaire', 'communityGroup'],
    ['Consultation budgétaire', 'Service budgétaire', 'communityGroup'],
    ['Aide sociale : accueil et demandes', 'Bureau d’aide sociale', 'publicService'],
  ],
  rights: [
    ['Permanence juridique gratuite', 'Clinique juridique', 'communityGroup'],
    ['Aide aux démarches administratives', 'Maison des droits', 'communityGroup'],
  ],
  family: [
    ['Halte-garderie', 'Maison de la famille', 'communityGroup'],
    ['Ateliers parents-enfants', 'Maison de la famille', 'communityGroup'],
    ['Aide aux devoirs', 'École de quartier', 'school'],
  ],
  employment: [
    ['Recherche d’emploi accompagnée', 'Carrefour jeunesse-emploi', 'employment'],
    ['Formation de base pour adultes', 'Centre d’éducation des adultes', 'school'],
  ],
  language: [
    ['Cours de francisation', 'Centre d’éducation des adultes', 'school'],
    ['Conversation en français', 'Bibliothèque de quartier', 'culture'],
  ],
  migration: [['Accueil des personnes immigrantes', 'Service d’accueil des nouveaux arrivants', 'communityGroup']],
  isolation: [
    ['Visites d’amitié aux aînés', 'Centre d’action bénévole', 'communityGroup'],
    ['Café-rencontre', 'Centre communautaire', 'communityGroup'],
  ],
  digital: [['Aide informatique et accès Internet', 'Bibliothèque de quartier', 'culture']],
  substanceUse: [['Travail de rue et réduction des méfaits', 'Organisme de travail de rue', 'healthSocial']],
  safety: [['Aide aux victimes de violence', 'Maison d’hébergement pour femmes', 'healthSocial']],
  mobility: [['Transport bénévole pour rendez-vous médicaux', 'Centre d’action bénévole', 'communityGroup']],
};

const keyPersonCategories = ['pivot', 'leader', 'naturalHelper', 'connector', 'concierge'];
const audiencesByNeed: Record<string, string[]> = {
  family: ['families', 'children'],
  employment: ['youth', 'adults'],
  isolation: ['seniors'],
  migration: ['newcomers'],
  language: ['newcomers', 'adults'],
  safety: ['women'],
};

/** Opening hours: most places open weekdays, some a few afternoons, a few on Saturday. */
function scheduleRows(faker: Faker, serviceId: string, locationId: string, at: Date): Row[] {
  const pattern = faker.helpers.arrayElement(['weekdays', 'afternoons', 'weekdaysAndSaturday'] as const);
  const days = pattern === 'afternoons' ? faker.helpers.arrayElements([1, 2, 3, 4, 5], 2) : [1, 2, 3, 4, 5];
  if (pattern === 'weekdaysAndSaturday') days.push(6);
  return days.map((weekday) => ({
    id: uuidv7From(faker, at),
    service_id: serviceId,
    location_id: locationId,
    weekday,
    opens_at: pattern === 'afternoons' ? '13:00:00' : weekday === 6 ? '10:00:00' : '09:00:00',
    closes_at: pattern === 'afternoons' ? '16:30:00' : weekday === 6 ? '13:00:00' : '17:00:00',
    valid_from: null,
    valid_to: null,
    description: null,
  }));
}

/**
 * The neighbourhood's actors and what they offer: organisations (everyone's; about 25–45 per
 * team's territory, a few hundred services over a city) with services modelled on HSDS, their
 * hours, places and contacts, a status history where a few services saturate, key persons of the
 * team (pivots, leaders), and the host partner that shelters one or two workers.
 */
export const directory: GeneratorModule = {
  name: 'actors and services',
  generate({ faker, flavour, rows, add }) {
    const hoods = rows.neighbourhoods ?? [];
    const team = rows.teams?.[0];
    const workers = (rows.users ?? []).filter((u) => u.role === 'worker' || u.role === 'organizer');
    if (!team) return;
    const end = faker.defaultRefDate();
    const start = new Date(end.getTime() - 3 * 365 * day);
    const city = flavour === 'sherbrooke' ? 'Sherbrooke' : 'Bruxelles';
    const postalCode = () =>
      flavour === 'sherbrooke'
        ? `J1${faker.helpers.arrayElement(['E', 'G', 'H', 'J'])} ${faker.number.int(9)}${faker.string.alpha(1).toUpperCase()}${faker.number.int(9)}`
        : faker.helpers.arrayElement(['1000', '1030', '1070', '1080', '1210']);
    const organisations = new Map<string, Row>();
    const organisationCount = faker.number.int({ min: 25, max: 45 });
    for (let k = 0; k < organisationCount; k++) {
      const need = faker.helpers.arrayElement(Object.keys(offers));
      const [serviceName, kind, category] = faker.helpers.arrayElement(offers[need]!);
      const at = faker.date.between({ from: start, to: new Date(start.getTime() + 365 * day) });
      const name = `${kind} ${faker.helpers.arrayElement([faker.location.street(), faker.person.lastName(), hoods[k % Math.max(1, hoods.length)]?.name ?? city])}`;
      let organisation = organisations.get(name);
      if (!organisation) {
        organisation = {
          id: uuidv7From(faker, at),
          kind: 'organisation',
          team_id: null,
          category,
          name,
          alternate_name: null,
          description: `${kind} au service des gens du quartier.`,
          email: `accueil@${faker.internet.domainWord()}.org`,
          phone: faker.phone.number(),
          website: `https://${faker.internet.domainWord()}.org`,
          address: faker.location.streetAddress(),
          city,
          postal_code: postalCode(),
          languages: faker.datatype.boolean(0.3)
            ? ['fr', faker.helpers.arrayElement(['en', 'ar', 'es', 'nl'])]
            : ['fr'],
          is_host_partner: false,
          consent_given_at: null,
          consent_scope: null,
          consent_recorded_by: null,
          active: faker.datatype.boolean(0.95),
          external_source: null,
          external_id: null,
          version: 1,
          created_by: workers[0]?.id ?? null,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        };
        organisations.set(name, organisation);
        add('actors', organisation);
        for (const hood of faker.helpers.arrayElements(hoods, { min: 1, max: Math.max(1, hoods.length) }))
          add('actor_neighbourhoods', { actor_id: organisation.id, neighbourhood_id: hood.id });
      }
      const needsServed = [need, ...faker.helpers.arrayElements(Object.keys(offers), { min: 0, max: 1 })];
      const serviceCount = faker.number.int({ min: 1, max: 4 });
      for (let s = 0; s < serviceCount; s++) {
        const [name] = s === 0 ? [serviceName] : faker.helpers.arrayElement(offers[need]!);
        addService(faker, add, { organisation, name: name!, needs: needsServed, hoods, at, end, workers });
      }
    }
    const hosts = [...organisations.values()].filter((o) => o.category !== 'shop');
    if (hosts.length && workers.length) {
      const host = faker.helpers.arrayElement(hosts);
      host.is_host_partner = true;
      for (const worker of faker.helpers.arrayElements(workers, { min: 1, max: Math.min(2, workers.length) }))
        add('actor_hosted_workers', { actor_id: host.id, user_id: worker.id, share_percent: 20 });
    }
    const keyPeople = faker.number.int({ min: 3, max: 8 });
    for (let k = 0; k < keyPeople; k++) {
      const at = faker.date.between({ from: start, to: end });
      const consented = faker.datatype.boolean(0.5);
      const keyPerson: Row = {
        id: uuidv7From(faker, at),
        kind: 'keyPerson',
        team_id: team.id,
        category: faker.helpers.arrayElement(keyPersonCategories),
        name: `${faker.person.firstName()} ${faker.helpers.arrayElement(['du dépanneur', 'de la HLM', 'du parc', 'de la mosquée', 'de l’école', 'la concierge'])}`,
        alternate_name: null,
        description: 'Connaît tout le monde dans son coin, relaie les informations.',
        email: null,
        phone: consented ? faker.phone.number() : null,
        website: null,
        address: null,
        city,
        postal_code: null,
        languages: ['fr'],
        is_host_partner: false,
        consent_given_at: consented ? at.toISOString() : null,
        consent_scope: consented ? 'identityAndContact' : null,
        consent_recorded_by: consented ? (workers[0]?.id ?? null) : null,
        active: true,
        external_source: null,
        external_id: null,
        version: 1,
        created_by: workers[0]?.id ?? null,
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      };
      add('actors', keyPerson);
      if (hoods.length)
        add('actor_neighbourhoods', { actor_id: keyPerson.id, neighbourhood_id: faker.helpers.arrayElement(hoods).id });
    }
  },
};

type ServiceContext = {
  organisation: Row;
  name: string;
  needs: string[];
  hoods: Row[];
  at: Date;
  end: Date;
  workers: Row[];
};

function addService(faker: Faker, add: (table: string, ...rows: Row[]) => void, c: ServiceContext) {
  const created = new Date(c.at.getTime() + faker.number.int({ min: 0, max: 60 }) * day);
  const free = faker.datatype.boolean(0.8);
  const service: Row = {
    id: uuidv7From(faker, created),
    actor_id: c.organisation.id,
    name: c.name,
    alternate_name: null,
    description: `${c.name} offert par ${c.organisation.name}. ${faker.helpers.arrayElement([
      'Accueil chaleureux, sans jugement.',
      'Sur inscription, places limitées.',
      'Service confidentiel.',
      'Interprètes possibles sur demande.',
    ])}`,
    url: c.organisation.website,
    email: c.organisation.email,
    phone: c.organisation.phone,
    hsds_status: c.organisation.active ? 'active' : 'inactive',
    eligibility_description: faker.helpers.arrayElement([
      'Résider dans le quartier.',
      'Ouvert à tous.',
      'Personnes à faible revenu (preuve de revenu demandée).',
      null,
    ]),
    minimum_age: faker.helpers.arrayElement([null, null, 18, 12]),
    maximum_age: null,
    audiences: audiencesByNeed[c.needs[0]!] ?? ['everyone'],
    languages: c.organisation.languages,
    needs: [...new Set(c.needs)],
    interpretation_services: faker.datatype.boolean(0.2) ? 'Interprétariat téléphonique sur rendez-vous.' : null,
    application_process: faker.helpers.arrayElement([
      'Se présenter sur place pendant les heures d’ouverture.',
      'Téléphoner pour prendre rendez-vous.',
      'Sur référence d’un intervenant.',
    ]),
    required_documents: faker.datatype.boolean(0.4) ? ['Preuve d’adresse', 'Pièce d’identité'] : [],
    free,
    fees_description: free ? null : 'Contribution volontaire de 2 $.',
    wait_time: null,
    alert: null,
    availability: 'open',
    availability_since: created.toISOString(),
    expected_wait_days: null,
    external_source: null,
    external_id: null,
    search_vector: null,
    version: 1,
    created_by: c.workers[0]?.id ?? null,
    created_at: created.toISOString(),
    updated_at: created.toISOString(),
  };
  const history: Row[] = [
    {
      id: uuidv7From(faker, created),
      service_id: service.id,
      status: 'open',
      expected_wait_days: null,
      note: null,
      effective_at: created.toISOString(),
      recorded_by: c.workers[0]?.id ?? null,
      created_at: created.toISOString(),
    },
  ];
  // One service in six saturates at some point; some of them reopen.
  if (faker.datatype.boolean(1 / 6)) {
    const saturated = faker.date.between({ from: created, to: c.end });
    const status = faker.helpers.arrayElement(['waitingList', 'waitingList', 'closedToNew', 'temporarilyClosed']);
    const wait = status === 'waitingList' ? faker.number.int({ min: 14, max: 180 }) : null;
    history.push({
      id: uuidv7From(faker, saturated),
      service_id: service.id,
      status,
      expected_wait_days: wait,
      note: status === 'waitingList' ? 'Liste d’attente, rappeler dans un mois.' : null,
      effective_at: saturated.toISOString(),
      recorded_by: faker.helpers.arrayElement(c.workers)?.id ?? null,
      created_at: saturated.toISOString(),
    });
    service.availability = status;
    service.availability_since = saturated.toISOString();
    service.expected_wait_days = wait;
    if (faker.datatype.boolean(0.4)) {
      const reopened = new Date(Math.min(c.end.getTime(), saturated.getTime() + 45 * day));
      history.push({ ...history[0]!, id: uuidv7From(faker, reopened), effective_at: reopened.toISOString() });
      service.availability = 'open';
      service.availability_since = reopened.toISOString();
      service.expected_wait_days = null;
    }
  }
  add('services', service);
  add('service_statuses', ...history);
  for (const hood of faker.helpers.arrayElements(c.hoods, { min: 1, max: Math.max(1, c.hoods.length) }))
    add('service_neighbourhoods', { service_id: service.id, neighbourhood_id: hood.id });
  const location: Row = {
    id: uuidv7From(faker, created),
    service_id: service.id,
    name: c.organisation.name,
    description: null,
    address: c.organisation.address,
    city: c.organisation.city,
    region: c.organisation.city === 'Sherbrooke' ? 'QC' : 'Bruxelles-Capitale',
    postal_code: c.organisation.postal_code,
    country: c.organisation.city === 'Sherbrooke' ? 'CA' : 'BE',
    latitude: null,
    longitude: null,
    transportation: faker.helpers.arrayElement(['Autobus 2 et 8', 'Métro ligne 2', null]),
    accessibility: faker.helpers.arrayElement(['Entrée de plain-pied', 'Ascenseur', 'Escalier seulement', null]),
    external_id: null,
  };
  add('service_locations', location);
  add('service_schedules', ...scheduleRows(faker, service.id as string, location.id as string, created));
  if (faker.datatype.boolean(0.6))
    add('service_contacts', {
      id: uuidv7From(faker, created),
      service_id: service.id,
      name: faker.person.fullName(),
      title: faker.helpers.arrayElement(['Intervenante à l’accueil', 'Coordonnateur', 'Travailleuse sociale']),
      department: null,
      email: c.organisation.email,
      phone: c.organisation.phone,
    });
}
