import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type {
  addReferralNoteBodySchema,
  changeReferralStatusBodySchema,
  recordCheckBackBodySchema,
  updateReferralBodySchema,
} from '../../../core/contracts/referrals.ts';
import { type LocalizedText, text } from '../../../core/localized.ts';
import { canMoveReferral, type ReferralStatus, statusNeedsReason } from '../../../core/referrals.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { referralEvents, referrals } from '../../db/schema/index.ts';
import { recordAudit } from '../../http/audit.ts';
import { type FieldError, invalidField } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { invalidFields, VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { findPerson } from '../people/people.repo.ts';
import type { ReferralRow } from './referrals.repo.ts';
import {
  checkNeeds,
  closedStatuses,
  isOpen,
  pastInstant,
  present,
  sharingProblem,
  writableReferral,
} from './referrals.service.ts';

/**
 * What happens to a referral after it is made: its needs and sharing corrected, its status moved
 * (dated, with a reason when it fails), check-backs and notes. Each change is an event, kept.
 */
/** Applies a guarded change: only if `baseVersion` (when given) is still current, else a conflict. */
async function bump(
  tx: Tx,
  current: ReferralRow,
  baseVersion: number | undefined,
  fields: Partial<typeof referrals.$inferInsert>,
) {
  const versionCheck = baseVersion === undefined ? undefined : eq(referrals.version, baseVersion);
  const [row] = await tx
    .update(referrals)
    .set({ ...fields, version: sql`${referrals.version} + 1`, updatedAt: new Date() })
    .where(and(eq(referrals.id, current.id), versionCheck))
    .returning();
  if (!row) throw new VersionConflict(await present(tx, current.id));
  return row;
}

export async function updateReferral(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof updateReferralBodySchema>,
) {
  const current = await writableReferral(db, request, id);
  if (current.version !== body.baseVersion) throw new VersionConflict(await present(db, id));
  const errors: FieldError[] = [];
  if (body.needs) errors.push(...(await checkNeeds(db, body.needs)));
  if (body.sharedItems) {
    const person = current.personId ? ((await findPerson(db, current.personId)) ?? null) : null;
    const sharing = sharingProblem(body.sharedItems, person);
    if (sharing) errors.push(sharing);
  }
  if (errors.length) throw invalidFields(errors);
  const { baseVersion, ...fields } = body;
  return db.transaction(async (tx) => {
    await bump(tx, current, baseVersion, {
      ...(fields.needs ? { needs: [...new Set(fields.needs)] } : {}),
      ...(fields.sharedItems ? { sharedItems: [...new Set(fields.sharedItems)] } : {}),
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      teamId: current.teamId,
      details: {
        ...(current.personId ? { personId: current.personId } : {}),
        fields: Object.keys(fields),
      },
    });
    return present(tx, id);
  });
}

const statusName: Record<ReferralStatus, LocalizedText> = {
  proposed: text('proposée', 'proposed'),
  sent: text('envoyée', 'sent'),
  accepted: text('acceptée', 'accepted'),
  refused: text('refusée', 'refused'),
  connected: text('accrochée', 'connected'),
  failed: text('échouée', 'failed'),
  expired: text('expirée', 'expired'),
};

/** A status move (core/referrals.ts), dated, kept as an event; refused and failed need a reason. */
export async function changeReferralStatus(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof changeReferralStatusBodySchema>,
) {
  const current = await writableReferral(db, request, id);
  if (current.version !== body.baseVersion) throw new VersionConflict(await present(db, id));
  const from = current.status as ReferralStatus;
  const to = body.status;
  if (!canMoveReferral(from, to))
    throw invalidField(
      'status',
      text(
        `Une orientation ${statusName[from].fr} ne peut pas passer à ${statusName[to].fr}.`,
        `A referral that is ${statusName[from].en} cannot become ${statusName[to].en}.`,
      ),
    );
  if (statusNeedsReason(to) && !body.reason)
    throw invalidField('reason', text('Indiquez la raison.', 'Give the reason.'));
  if (!statusNeedsReason(to) && body.reason)
    throw invalidField(
      'reason',
      text(
        'Une raison ne s’indique que pour une orientation refusée ou échouée.',
        'A reason goes only with a refused or failed referral.',
      ),
    );
  // A move is not dated before the one it follows, except after an expiry: the outcome learnt
  // late may have happened before Relais expired the referral.
  const notBefore = current.status === 'expired' ? current.referredAt : current.statusChangedAt;
  const occurredAt = pastInstant('occurredAt', body.occurredAt, new Date(), notBefore);
  if (occurredAt < notBefore)
    throw invalidField(
      'occurredAt',
      text(
        'Cette date précède le dernier changement de l’orientation.',
        'This date comes before the referral’s last change.',
      ),
    );
  const closed = closedStatuses.includes(to);
  return db.transaction(async (tx) => {
    await bump(tx, current, body.baseVersion, {
      status: to,
      failureReason: body.reason ?? null,
      statusChangedAt: occurredAt,
      connectedAt: to === 'connected' ? occurredAt : null,
      closedAt: closed ? occurredAt : null,
    });
    await tx.insert(referralEvents).values({
      id: uuidv7(),
      referralId: id,
      kind: 'status',
      status: to,
      reason: body.reason ?? null,
      note: body.note ?? null,
      fromPartner: body.fromPartner,
      occurredAt,
      recordedBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      teamId: current.teamId,
      details: {
        ...(current.personId ? { personId: current.personId } : {}),
        from,
        status: to,
        ...(body.reason ? { reason: body.reason } : {}),
        fromPartner: body.fromPartner,
      },
    });
    return present(tx, id);
  });
}

/** "I called, no news yet": an open referral's check-back, which clears the one due. */
export async function recordCheckBack(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof recordCheckBackBodySchema>,
) {
  const current = await writableReferral(db, request, id);
  if (body.baseVersion !== undefined && current.version !== body.baseVersion)
    throw new VersionConflict(await present(db, id));
  if (!isOpen(current.status))
    throw invalidField(
      'status',
      text(
        'Cette orientation a déjà son issue : enregistrez plutôt une note.',
        'This referral already has its outcome: add a note instead.',
      ),
    );
  const occurredAt = pastInstant('occurredAt', body.occurredAt, new Date(), current.referredAt);
  return db.transaction(async (tx) => {
    await bump(tx, current, body.baseVersion, {});
    await tx.insert(referralEvents).values({
      id: uuidv7(),
      referralId: id,
      kind: 'checkBack',
      note: body.note ?? null,
      fromPartner: body.fromPartner,
      occurredAt,
      recordedBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      teamId: current.teamId,
      details: {
        ...(current.personId ? { personId: current.personId } : {}),
        checkBack: true,
        fromPartner: body.fromPartner,
      },
    });
    return present(tx, id);
  });
}

/** A note adds to the story without changing the referral (no new version, no conflict). */
export async function addReferralNote(
  db: Database | Tx,
  request: FastifyRequest,
  id: string,
  body: z.output<typeof addReferralNoteBodySchema>,
) {
  const current = await writableReferral(db, request, id);
  const occurredAt = pastInstant('occurredAt', body.occurredAt, new Date(), current.referredAt);
  return db.transaction(async (tx) => {
    await tx.insert(referralEvents).values({
      id: uuidv7(),
      referralId: id,
      kind: 'note',
      note: body.note,
      fromPartner: body.fromPartner,
      occurredAt,
      recordedBy: actorOf(request).id,
    });
    await recordAudit(tx, request, {
      action: 'update',
      entityType: 'referral',
      entityId: id,
      teamId: current.teamId,
      details: {
        ...(current.personId ? { personId: current.personId } : {}),
        note: true,
        fromPartner: body.fromPartner,
      },
    });
    return present(tx, id);
  });
}
