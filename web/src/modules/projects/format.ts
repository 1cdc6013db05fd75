import { type OwnershipLevel, ownershipLevels, type ProjectStage, projectStages } from '../../../../core/collective.ts';
import type { Language } from '../../../../core/localized.ts';

/** A calendar day as that day everywhere (read at noon UTC), with its year. */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-CA' : 'fr-CA', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(`${day.slice(0, 10)}T12:00:00Z`));
}

/** 1 to 6: the stage's place in the stepper. */
export const stageNumber = (stage: ProjectStage) => projectStages.indexOf(stage) + 1;

/** 1 to 5: the ownership level's height on the chart and the gauge. */
export const ownershipStep = (level: OwnershipLevel) => ownershipLevels.indexOf(level) + 1;
