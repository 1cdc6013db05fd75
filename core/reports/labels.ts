import { type LocalizedText, text } from '../localized.ts';

/**
 * The words of report rows for the fixed lists (identification, channel, initiator, age band,
 * gender, referral status, project stage, mission). Taxonomy terms (needs, actions, rights) and
 * criteria come with their own labels from the database. '' is "not said".
 */
const labels: Record<string, Record<string, LocalizedText>> = {
  identification: {
    anonymous: text('Anonyme', 'Anonymous'),
    pseudonymous: text('Pseudonyme', 'Pseudonymous'),
    identified: text('Identifiée', 'Identified'),
  },
  channel: {
    street: text('Dans la rue', 'On the street'),
    home: text('À domicile', 'At home'),
    local: text('Au local', 'At the premises'),
    phone: text('Par téléphone', 'By phone'),
    partnerPremises: text('Chez un partenaire', 'At a partner’s'),
    online: text('En ligne', 'Online'),
  },
  initiator: {
    person: text('La personne', 'The person'),
    worker: text('L’intervenant·e', 'The worker'),
    thirdParty: text('Un tiers', 'A third party'),
    partner: text('Un partenaire', 'A partner'),
  },
  ageBand: {
    under12: text('Moins de 12 ans', 'Under 12'),
    '12to17': text('12 à 17 ans', '12 to 17'),
    '18to24': text('18 à 24 ans', '18 to 24'),
    '25to34': text('25 à 34 ans', '25 to 34'),
    '35to49': text('35 à 49 ans', '35 to 49'),
    '50to64': text('50 à 64 ans', '50 to 64'),
    '65to79': text('65 à 79 ans', '65 to 79'),
    '80plus': text('80 ans et plus', '80 and over'),
  },
  gender: {
    woman: text('Femme', 'Woman'),
    man: text('Homme', 'Man'),
    nonBinary: text('Non binaire', 'Non-binary'),
  },
  referralStatus: {
    proposed: text('Proposée', 'Proposed'),
    sent: text('Envoyée', 'Sent'),
    accepted: text('Acceptée', 'Accepted'),
    refused: text('Refusée', 'Refused'),
    connected: text('Lien fait', 'Connected'),
    failed: text('Sans suite', 'Failed'),
    expired: text('Expirée', 'Expired'),
  },
  projectStage: {
    emergence: text('Émergence', 'Emergence'),
    mobilisation: text('Mobilisation', 'Mobilisation'),
    planning: text('Planification', 'Planning'),
    action: text('Action', 'Action'),
    evaluation: text('Évaluation', 'Evaluation'),
    handover: text('Passage de relais', 'Handover'),
  },
  mission: {
    networking: text('Travail en réseau', 'Networking'),
    orientation: text('Orientation', 'Orientation'),
    collectiveInformation: text('Information collective', 'Collective information'),
    communityAction: text('Action communautaire', 'Community action'),
    hostPartner: text('Partenaire d’accueil', 'Host partner'),
  },
};

export const notSaid = text('Non précisé', 'Not said');
export const totalLabel = text('Total', 'Total');

/** The label of a value of a fixed list; the code itself when the list does not know it. */
export function valueLabel(list: string, value: string): LocalizedText {
  if (value === '') return notSaid;
  return labels[list]?.[value] ?? text(value, value);
}
