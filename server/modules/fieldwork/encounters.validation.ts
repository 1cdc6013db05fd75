import { type IdentificationLevel, identificationProblem } from '../../../core/fieldwork.ts';
import { text } from '../../../core/localized.ts';
import type { FieldError } from '../../http/errors.ts';
import type { Actor } from '../../http/request-context.ts';
import type { ActiveCodes } from '../taxonomies/taxonomies.service.ts';
import type { References } from './encounters.repo.ts';
import { fieldError, otherTeam, unknownRecord, unknownTerm } from './fieldwork.errors.ts';

export type EncounterRefsInput = {
  sessionId?: string | null;
  placeId?: string | null;
  personId?: string | null;
  identification?: IdentificationLevel;
  needs?: string[];
  actions?: string[];
  nonRecours?: { right: string; barrier: string }[];
};

/**
 * Checks what an encounter points at and the codes it uses, without a query (the references and
 * codes were loaded once for the whole batch). Returns the field errors and the person and level
 * to store (a merged person's encounters go to the survivor).
 */
export function checkEncounter(
  actor: Actor,
  teamId: string,
  input: EncounterRefsInput,
  refs: References,
  codes: ActiveCodes,
): { errors: FieldError[]; personId: string | null; identification: IdentificationLevel } {
  const errors: FieldError[] = [];
  const inTeam = (path: string, found: { teamId: string } | undefined) => {
    if (!found) errors.push(unknownRecord(path));
    else if (found.teamId !== teamId)
      errors.push(actor.teamIds.includes(found.teamId) ? otherTeam(path) : unknownRecord(path));
  };
  if (input.sessionId) inTeam('sessionId', refs.sessions.get(input.sessionId));
  if (input.placeId) inTeam('placeId', refs.places.get(input.placeId));
  let personId = input.personId ?? null;
  let consented: boolean | undefined;
  if (personId) {
    let person = refs.people.get(personId);
    if (person?.mergedIntoId) person = refs.people.get(person.mergedIntoId);
    inTeam('personId', person);
    personId = person?.id ?? personId;
    consented = person?.consented;
  }
  const identification = input.identification ?? (personId ? (consented ? 'identified' : 'pseudonymous') : 'anonymous');
  const problem = identificationProblem(identification, personId, consented);
  if (problem) errors.push(fieldError(problem.path, text(problem.fr, problem.en)));
  const check = (kind: 'need' | 'action' | 'right' | 'barrier', path: string, code: string) => {
    if (!codes.get(kind)?.has(code)) errors.push(unknownTerm(path, code));
  };
  for (const [i, code] of (input.needs ?? []).entries()) check('need', `needs.${i}`, code);
  for (const [i, code] of (input.actions ?? []).entries()) check('action', `actions.${i}`, code);
  for (const [i, item] of (input.nonRecours ?? []).entries()) {
    check('right', `nonRecours.${i}.right`, item.right);
    check('barrier', `nonRecours.${i}.barrier`, item.barrier);
  }
  return { errors, personId, identification };
}
