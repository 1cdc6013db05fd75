import type { hsdsFr } from './hsds.fr.ts';

/** The English words of the HSDS exchange page (issue 5); same keys as hsds.fr.ts. */
export const hsdsEn: typeof hsdsFr = {
  hsds: {
    title: 'Exchange the directory (HSDS)',
    link: 'Exchange (HSDS)',
    intro:
      'The Open Referral HSDS 3.0 format lets you exchange services with 211, the health network or another organisation.',
    exportTitle: 'Export the directory',
    exportText:
      'Every service of the organisations, with their locations, hours, languages and contacts. Key persons are never exported.',
    exportJson: 'Download as JSON',
    exportZip: 'Download as CSV (zip)',
    importTitle: 'Import another publisher’s file',
    importText:
      'An HSDS 3.0 JSON file, a zipped CSV package, or the CSV files themselves. Nothing is saved before you confirm.',
    file: 'File',
    filePlaceholder: 'Choose a file…',
    clearFile: 'Remove the file',
    fileHint: '.json, .zip or several .csv (20 MB at most)',
    source: 'Publisher (source)',
    sourceHint: 'The same name each time you import this publisher: its services are then updated, not duplicated.',
    check: 'Check the file',
    checking: 'Checking…',
    planTitle: 'What the import would do',
    resultTitle: 'Import done',
    counts: {
      create: '{{count}} to create',
      update: '{{count}} to update',
      reject: '{{count}} rejected',
      created: '{{count}} created',
      updated: '{{count}} updated',
      rejected: '{{count}} rejected',
    },
    organisations: 'Organisations: {{created}} new, {{updated}} updated.',
    action: { create: 'To create', update: 'To update', reject: 'Rejected' },
    done: { create: 'Created', update: 'Updated', reject: 'Rejected' },
    filter: { all: 'All', reject: 'Rejected', warnings: 'With remarks' },
    filterLabel: 'Show',
    noName: '(no name)',
    organisation: 'Organisation: {{name}}',
    reasons: 'Why',
    warnings: 'Remarks',
    showMore: 'Show {{count}} more',
    confirm: 'Import {{count}} service(s)',
    confirmHint: 'Rejected services are left aside. Everything is saved in one go, or nothing.',
    importing: 'Importing…',
    nothingToImport: 'No service in this file can be imported.',
    again: 'Import another file',
    toDirectory: 'See the directory',
  },
};
