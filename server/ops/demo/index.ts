import { accountsStep } from './accounts.ts';
import { collectiveStep } from './collective.ts';
import { crisisStep } from './crisis.ts';
import { diagnosticStep } from './diagnostic.ts';
import { directoryStep } from './directory.ts';
import { fieldworkStep } from './fieldwork.ts';
import { projectsStep } from './projects.ts';
import { reportsStep } from './reports.ts';
import { rightsStep } from './rights.ts';
import { territoriesStep } from './territories.ts';
import { territoryStep } from './territory.ts';
import { timeStep } from './time.ts';
import type { DemoStep } from './types.ts';

/**
 * The demo deployment, in order: a capability that lands later adds its own file here (people,
 * encounters, referrals…) and appends its step after the ones it builds on.
 */
export const demoSteps: DemoStep[] = [
  territoriesStep,
  accountsStep,
  fieldworkStep,
  directoryStep,
  territoryStep,
  diagnosticStep,
  timeStep,
  crisisStep,
  collectiveStep,
  projectsStep,
  rightsStep,
  reportsStep,
];
