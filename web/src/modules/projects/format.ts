import { type OwnershipLevel, ownershipLevels, type ProjectStage, projectStages } from '../../../../core/collective.ts';

/** 1 to 6: the stage's place in the stepper. */
export const stageNumber = (stage: ProjectStage) => projectStages.indexOf(stage) + 1;

/** 1 to 5: the ownership level's height on the chart and the gauge. */
export const ownershipStep = (level: OwnershipLevel) => ownershipLevels.indexOf(level) + 1;
