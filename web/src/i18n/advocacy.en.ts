import type { advocacyFr } from './advocacy.fr.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const advocacyEn: Strings<typeof advocacyFr> = {
  advocacy: {
    tag: 'Pass to advocacy',
    edit: 'Edit advocacy',
    taggedLead: 'Advocacy:',
    tagged: 'Advocacy',
    themes: 'Themes (up to three)',
    statement: 'Structural problem, without names',
    statementHelp: 'One or two sentences about the cause, not about people. This text goes to partners.',
    save: 'Save',
    cancel: 'Cancel',
    remove: 'Take out of advocacy',
    conflict: 'Someone else just changed this signal: the page is up to date, make your choice again.',
    themeNames: {
      housing: 'Housing',
      health: 'Health and care',
      income: 'Income and benefits',
      food: 'Food',
      publicSpace: 'Public space',
      services: 'Access to services',
      safety: 'Safety',
    },
    summary: {
      title: 'Summary for partners',
      help: 'The signals passed to advocacy, by theme and neighbourhood, with the team’s statements. No names, and fewer than 5 shows as "<5".',
      from: 'From',
      to: 'To',
      pdf: 'Download as PDF',
      csv: 'Download as CSV',
    },
  },
};
