/**
 * Crisis mobilisations (issue 7; seed 004: "ponctuelle, limitée dans le temps, à l'échelle du
 * quartier"): a share of some workers' time lent to a crisis response (Covid, arrivals of displaced
 * families) for a bounded stretch, validated by the coordination. Pure rules, shared by server and web.
 */

/** proposed → validated | refused; validated → ended (closed early, or closed once its end is reached). */
export const mobilisationStatuses = ['proposed', 'validated', 'refused', 'ended'] as const;
export type MobilisationStatus = (typeof mobilisationStatuses)[number];

/**
 * The longest stretch one validation covers: twelve weeks, a quarter. Seed 004 wants a crisis
 * response to be time-boxed and not to crowd out the ongoing work; past a quarter the team should
 * decide again, with the situation in front of it (a prolongation is validated again).
 */
export const maxMobilisationDays = 84;

/** A validated mobilisation whose end is this close (or past) shows on the day of its people. */
export const endReminderDays = 7;

/** What happened to a mobilisation, kept in order: its history. */
export const mobilisationEventKinds = [
  'proposed',
  'validated',
  'refused',
  'prolongationProposed',
  'prolongationValidated',
  'prolongationRefused',
  'ended',
] as const;
export type MobilisationEventKind = (typeof mobilisationEventKinds)[number];

const DAY = 86_400_000;

/** Whole days from `from` to `to` (calendar days, YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The last day work is tagged with a mobilisation: its end, or the day it was closed if earlier. */
export function lastDayOf(mobilisation: { endsOn: string; endedOn: string | null }): string {
  return mobilisation.endedOn && mobilisation.endedOn < mobilisation.endsOn
    ? mobilisation.endedOn
    : mobilisation.endsOn;
}
