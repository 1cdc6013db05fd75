import type { Language } from './localized.ts';

/**
 * A deployment speaks the words of its field. The code says `worker` and `person`; Sherbrooke says
 * "intervenant·e de quartier" and "usager·ère", Brussels says "relais d'action de quartier" and
 * "personne rejointe". The web app picks its words from the preset named here.
 */
export const vocabularyPresets = ['sherbrooke', 'brussels'] as const;
export type VocabularyPreset = (typeof vocabularyPresets)[number];

/** The field words that change from one deployment to another, lower case, as used mid-sentence. */
export type FieldTerms = {
  worker: string;
  workers: string;
  organizer: string;
  coordinator: string;
  team: string;
  teams: string;
  neighbourhood: string;
  neighbourhoods: string;
  person: string;
  people: string;
};

export const vocabularyTerms: Record<VocabularyPreset, Record<Language, FieldTerms>> = {
  sherbrooke: {
    fr: {
      worker: 'intervenant·e de quartier',
      workers: 'intervenant·es de quartier',
      organizer: 'organisateur·rice communautaire',
      coordinator: 'coordination',
      team: 'équipe de quartier',
      teams: 'équipes de quartier',
      neighbourhood: 'quartier',
      neighbourhoods: 'quartiers',
      person: 'usager·ère',
      people: 'usager·ères',
    },
    en: {
      worker: 'neighbourhood worker',
      workers: 'neighbourhood workers',
      organizer: 'community organizer',
      coordinator: 'coordination',
      team: 'neighbourhood team',
      teams: 'neighbourhood teams',
      neighbourhood: 'neighbourhood',
      neighbourhoods: 'neighbourhoods',
      person: 'service user',
      people: 'service users',
    },
  },
  brussels: {
    fr: {
      worker: "relais d'action de quartier",
      workers: "relais d'action de quartier",
      organizer: 'organisateur·rice communautaire',
      coordinator: 'coordination',
      team: 'équipe RAQ',
      teams: 'équipes RAQ',
      neighbourhood: 'quartier',
      neighbourhoods: 'quartiers',
      person: 'personne rejointe',
      people: 'personnes rejointes',
    },
    en: {
      worker: 'neighbourhood action relay',
      workers: 'neighbourhood action relays',
      organizer: 'community organizer',
      coordinator: 'coordination',
      team: 'RAQ team',
      teams: 'RAQ teams',
      neighbourhood: 'neighbourhood',
      neighbourhoods: 'neighbourhoods',
      person: 'person reached',
      people: 'people reached',
    },
  },
};
