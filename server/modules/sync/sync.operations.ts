import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { syncSessionPayloadSchema } from '../../../core/contracts/activities.ts';
import {
  attachEncounterBodySchema,
  createObservationBodySchema,
  createSessionBodySchema,
  endSessionBodySchema,
  followUpBodySchema,
  tallyIncrementBodySchema,
  updateEncounterBodySchema,
  updateSessionBodySchema,
} from '../../../core/contracts/fieldwork.ts';
import {
  addPersonRoleBodySchema,
  createPersonBodySchema,
  updatePersonBodySchema,
} from '../../../core/contracts/people.ts';
import {
  changeReferralStatusBodySchema,
  createReferralBodySchema,
  recordCheckBackBodySchema,
} from '../../../core/contracts/referrals.ts';
import type { SyncKind } from '../../../core/contracts/sync.ts';
import { syncTimeEntryPayloadSchema } from '../../../core/contracts/time.ts';
import type { Tx } from '../../db/client.ts';
import { saveSession } from '../activities/sessions.service.ts';
import { attachEncounter, setFollowUp, updateEncounter } from '../fieldwork/encounters.service.ts';
import { addObservation, addTally, endSession, startSession, updateSession } from '../fieldwork/sessions.service.ts';
import { addRole, createPerson, updatePerson } from '../people/people.service.ts';
import { changeReferralStatus, recordCheckBack } from '../referrals/referrals.changes.ts';
import { createReferral } from '../referrals/referrals.service.ts';
import { createTimeEntry } from '../time/entries.service.ts';

export type ParsedItem = { index: number; id: string; kind: SyncKind; entityId: string; payload: unknown };
/** `data`: what the server made that the phone could not (a referral's slip number). */
type Applied = { id: string; version?: number; data?: Record<string, unknown> };
type Operation = {
  schema: z.ZodType;
  /** Whether the envelope's baseVersion goes into the payload (updates). */
  versioned: boolean;
  apply: (tx: Tx, request: FastifyRequest, item: ParsedItem) => Promise<Applied>;
};

/**
 * Each kind of outbox operation: its payload contract (the REST body of the same operation) and the
 * service that applies it. The REST routes and sync call the same services, so a rule holds for both.
 * `encounter.create` is not here: runs of it are applied in bulk (see sync.service.ts).
 */
export const operations: Record<Exclude<SyncKind, 'encounter.create'>, Operation> = {
  'session.start': {
    schema: createSessionBodySchema,
    versioned: false,
    apply: async (tx, request, item) =>
      startSession(tx, request, item.entityId, item.payload as z.output<typeof createSessionBodySchema>),
  },
  'session.update': {
    schema: updateSessionBodySchema,
    versioned: true,
    apply: (tx, request, item) =>
      updateSession(tx, request, item.entityId, item.payload as z.output<typeof updateSessionBodySchema>),
  },
  'session.end': {
    schema: endSessionBodySchema,
    versioned: true,
    apply: (tx, request, item) =>
      endSession(tx, request, item.entityId, item.payload as z.output<typeof endSessionBodySchema>),
  },
  'session.tally': {
    schema: tallyIncrementBodySchema,
    versioned: false,
    apply: (tx, request, item) =>
      addTally(tx, request, item.entityId, item.payload as z.output<typeof tallyIncrementBodySchema>),
  },
  'session.observe': {
    schema: createObservationBodySchema,
    versioned: false,
    apply: async (tx, request, item) => {
      const payload = item.payload as z.output<typeof createObservationBodySchema>;
      const observation = await addObservation(tx, request, item.entityId, payload.id ?? item.id, payload);
      return { id: observation.id };
    },
  },
  'encounter.update': {
    schema: updateEncounterBodySchema,
    versioned: true,
    apply: (tx, request, item) =>
      updateEncounter(tx, request, item.entityId, item.payload as z.output<typeof updateEncounterBodySchema>),
  },
  'encounter.attach': {
    schema: attachEncounterBodySchema,
    versioned: true,
    apply: (tx, request, item) =>
      attachEncounter(tx, request, item.entityId, item.payload as z.output<typeof attachEncounterBodySchema>),
  },
  'encounter.followUp': {
    schema: followUpBodySchema,
    versioned: true,
    apply: (tx, request, item) =>
      setFollowUp(tx, request, item.entityId, item.payload as z.output<typeof followUpBodySchema>),
  },
  'person.create': {
    schema: createPersonBodySchema,
    versioned: false,
    apply: (tx, request, item) =>
      createPerson(tx, request, item.entityId, item.payload as z.output<typeof createPersonBodySchema>),
  },
  'person.update': {
    schema: updatePersonBodySchema,
    versioned: true,
    apply: (tx, request, item) =>
      updatePerson(tx, request, item.entityId, item.payload as z.output<typeof updatePersonBodySchema>),
  },
  'person.addRole': {
    schema: addPersonRoleBodySchema,
    versioned: false,
    apply: async (tx, request, item) => {
      const payload = item.payload as z.output<typeof addPersonRoleBodySchema>;
      const person = await addRole(tx, request, item.entityId, payload.id ?? item.id, payload);
      return { id: person.id, version: person.version };
    },
  },
  'referral.create': {
    schema: createReferralBodySchema,
    versioned: false,
    apply: async (tx, request, item) => {
      const referral = await createReferral(
        tx,
        request,
        item.entityId,
        item.payload as z.output<typeof createReferralBodySchema>,
      );
      return { id: referral.id, version: referral.version, data: { slipNumber: referral.slipNumber } };
    },
  },
  'referral.status': {
    schema: changeReferralStatusBodySchema,
    versioned: true,
    apply: (tx, request, item) =>
      changeReferralStatus(tx, request, item.entityId, item.payload as z.output<typeof changeReferralStatusBodySchema>),
  },
  'referral.checkBack': {
    schema: recordCheckBackBodySchema,
    versioned: true,
    apply: (tx, request, item) =>
      recordCheckBack(tx, request, item.entityId, item.payload as z.output<typeof recordCheckBackBodySchema>),
  },
  'activitySession.save': {
    schema: syncSessionPayloadSchema,
    versioned: true,
    apply: async (tx, request, item) => {
      const { activityId, ...body } = item.payload as z.output<typeof syncSessionPayloadSchema>;
      const { session } = await saveSession(tx, request, activityId, { ...body, id: item.entityId });
      return { id: session.id, version: session.version };
    },
  },
  'timeEntry.create': {
    schema: syncTimeEntryPayloadSchema,
    versioned: false,
    apply: async (tx, request, item) => {
      const payload = item.payload as z.output<typeof syncTimeEntryPayloadSchema>;
      const { entry } = await createTimeEntry(tx, request, item.entityId, { ...payload, id: item.entityId });
      return { id: entry.id, data: { outsideMandate: entry.outsideMandate } };
    },
  },
};
