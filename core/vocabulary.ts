/**
 * A deployment speaks the words of its field. The code says `worker` and `person`; Sherbrooke says
 * "intervenant·e de quartier" and "usager·ère", Brussels says "relais d'action de quartier" and
 * "personne rejointe". The web app picks its words from the preset named here.
 */
export const vocabularyPresets = ['sherbrooke', 'brussels'] as const;
export type VocabularyPreset = (typeof vocabularyPresets)[number];
