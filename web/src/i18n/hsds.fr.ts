/**
 * The French words of the HSDS exchange page (issue 5): exporting the directory in the Open
 * Referral format, importing another publisher's file with a dry run first.
 */
export const hsdsFr = {
  hsds: {
    title: 'Échanger le répertoire (HSDS)',
    link: 'Échanger (HSDS)',
    intro:
      'Le format Open Referral HSDS 3.0 permet d’échanger les services avec le 211, le réseau de la santé ou un autre organisme.',
    exportTitle: 'Exporter le répertoire',
    exportText:
      'Tous les services des organismes, avec leurs lieux, horaires, langues et contacts. Les personnes-clés ne sont jamais exportées.',
    exportJson: 'Télécharger en JSON',
    exportZip: 'Télécharger en CSV (zip)',
    importTitle: 'Importer le fichier d’un autre éditeur',
    importText:
      'Fichier JSON HSDS 3.0, paquet CSV en zip, ou les fichiers CSV eux-mêmes. Rien n’est enregistré avant votre confirmation.',
    file: 'Fichier',
    filePlaceholder: 'Choisir un fichier…',
    clearFile: 'Retirer le fichier',
    fileHint: '.json, .zip ou plusieurs .csv (20 Mo au plus)',
    source: 'Éditeur (source)',
    sourceHint:
      'Le même nom à chaque import du même éditeur : ses services sont alors mis à jour au lieu d’être ajoutés en double.',
    check: 'Vérifier le fichier',
    checking: 'Vérification…',
    planTitle: 'Ce que l’import ferait',
    resultTitle: 'Import terminé',
    counts: {
      create: '{{count}} à créer',
      update: '{{count}} à mettre à jour',
      reject: '{{count}} refusé(s)',
      created: '{{count}} créé(s)',
      updated: '{{count}} mis à jour',
      rejected: '{{count}} refusé(s)',
    },
    organisations: 'Organismes : {{created}} nouveau(x), {{updated}} mis à jour.',
    action: { create: 'À créer', update: 'À mettre à jour', reject: 'Refusé' },
    done: { create: 'Créé', update: 'Mis à jour', reject: 'Refusé' },
    filter: { all: 'Tous', reject: 'Refusés', warnings: 'Avec remarques' },
    filterLabel: 'Afficher',
    noName: '(sans nom)',
    organisation: 'Organisme : {{name}}',
    reasons: 'Pourquoi',
    warnings: 'Remarques',
    showMore: 'Afficher {{count}} de plus',
    confirm: 'Importer {{count}} service(s)',
    confirmHint: 'Les services refusés sont laissés de côté. Tout est enregistré d’un seul coup, ou rien.',
    importing: 'Import en cours…',
    nothingToImport: 'Aucun service de ce fichier ne peut être importé.',
    again: 'Importer un autre fichier',
    toDirectory: 'Voir le répertoire',
  },
};
