import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { en, fr } from 'zod/locales';
import { createEncounterBodySchema } from '../../../core/contracts/fieldwork.ts';
import { type SyncResult, syncItemSchema } from '../../../core/contracts/sync.ts';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { encounters, syncOperations } from '../../db/schema/index.ts';
import { AppError, type FieldError } from '../../http/errors.ts';
import { actorOf } from '../../http/request-context.ts';
import { anyUuid, insertJsonRows } from '../fieldwork/bulk-insert.ts';
import { createEncounters, type NewEncounter } from '../fieldwork/encounters.create.ts';
import { VersionConflict } from '../fieldwork/fieldwork.errors.ts';
import { operations, type ParsedItem } from './sync.operations.ts';

const frenchMessages = fr().localeError;
const englishMessages = en().localeError;

/** Zod issues worded in both languages, paths prefixed (`payload.needs.0`). */
function fieldErrorsOf(schema: z.ZodType, data: unknown, prefix: string): FieldError[] {
  const inFrench = schema.safeParse(data, { error: frenchMessages }).error?.issues ?? [];
  const inEnglish = schema.safeParse(data, { error: englishMessages }).error?.issues ?? [];
  return inFrench.flatMap((issue, index) => {
    const base = [prefix, ...issue.path.map(String)].filter(Boolean);
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...base, k].join('.')) : [base.join('.')];
    return paths.map((path) => ({
      path: path || 'item',
      message: text(issue.message, inEnglish[index]?.message ?? issue.message),
    }));
  });
}

const invalidInput = (fields: FieldError[]) =>
  new AppError(
    400,
    'invalid_input',
    text(
      `Vérifiez : ${fields.map((f) => f.path).join(', ')}.`,
      `Please check: ${fields.map((f) => f.path).join(', ')}.`,
    ),
    fields,
  );

/** Database refusals a check did not foresee, worded as the app's error handler words them. */
function asAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const code =
    (error as { code?: string; cause?: { code?: string } }).code ??
    (error as { cause?: { code?: string } }).cause?.code;
  if (code === '23505')
    return new AppError(
      409,
      'already_exists',
      text('Cette valeur est déjà utilisée.', 'This value is already in use.'),
    );
  if (code === '23503')
    return new AppError(
      422,
      'unknown_reference',
      text('Un élément lié est introuvable.', 'A linked record was not found.'),
    );
  if (code === '23514' || code === '22P02' || code === '22007' || code === '22008')
    return new AppError(400, 'invalid_value', text('Une valeur est refusée.', 'A value is refused.'));
  request.log.error({ err: error }, 'sync item failed');
  return new AppError(
    500,
    'internal_error',
    text(
      'Erreur inattendue : rien n’a été enregistré pour cet élément. Réessayez.',
      'Unexpected error: nothing was saved for this item. Please try again.',
    ),
  );
}

function failure(base: Pick<SyncResult, 'index' | 'id' | 'entityId'>, error: AppError): SyncResult {
  if (error instanceof VersionConflict)
    return { ...base, status: 'conflict', error: { code: error.code, message: error.text }, current: error.current };
  return {
    ...base,
    status: 'invalid',
    error: { code: error.code, message: error.text },
    ...(error.fields ? { errors: error.fields } : {}),
  };
}

/**
 * Applies a batch from the offline outbox, in order, in one transaction; each item in its own
 * savepoint, so a bad item never aborts the others. Operations already applied (by id) are
 * answered `duplicate` and change nothing. Runs of `encounter.create` go through the bulk path:
 * a few statements for the whole run.
 */
export async function applyBatch(db: Database, request: FastifyRequest, rawItems: unknown[]) {
  const actor = actorOf(request);
  const results: (SyncResult | undefined)[] = new Array(rawItems.length);
  const parsed: ParsedItem[] = [];
  rawItems.forEach((raw, index) => {
    const envelope = syncItemSchema.safeParse(raw);
    const rawId = typeof (raw as { id?: unknown })?.id === 'string' ? ((raw as { id: string }).id as string) : null;
    const rawEntity =
      typeof (raw as { entityId?: unknown })?.entityId === 'string'
        ? ((raw as { entityId: string }).entityId as string)
        : null;
    if (!envelope.success) {
      results[index] = failure(
        { index, id: rawId, entityId: rawEntity },
        invalidInput(fieldErrorsOf(syncItemSchema, raw, '')),
      );
      return;
    }
    const item = envelope.data;
    const schema = item.kind === 'encounter.create' ? createEncounterBodySchema : operations[item.kind].schema;
    const versioned = item.kind !== 'encounter.create' && operations[item.kind].versioned;
    const data =
      versioned && item.baseVersion !== undefined ? { ...item.payload, baseVersion: item.baseVersion } : item.payload;
    const payload = schema.safeParse(data);
    if (!payload.success) {
      const fields = fieldErrorsOf(schema, data, 'payload').map((f) =>
        f.path === 'payload.baseVersion' ? { ...f, path: 'baseVersion' } : f,
      );
      results[index] = failure({ index, id: item.id, entityId: item.entityId }, invalidInput(fields));
      return;
    }
    parsed.push({ index, id: item.id, kind: item.kind, entityId: item.entityId, payload: payload.data });
  });

  // Already applied: answered from the record of the first time, nothing runs again. A created
  // encounter is its own record (its id is the phone's): no operation row is kept for it, which
  // spares a sync of a day's contacts 500 inserts.
  const created = parsed.filter((p) => p.kind === 'encounter.create').map((p) => p.entityId);
  const [known, existing] = await Promise.all([
    parsed.length
      ? db
          .select({ id: syncOperations.id, actorId: syncOperations.actorId, result: syncOperations.result })
          .from(syncOperations)
          .where(
            anyUuid(
              syncOperations.id,
              parsed.map((p) => p.id),
            ),
          )
      : [],
    created.length
      ? db
          .select({ id: encounters.id, createdBy: encounters.createdBy })
          .from(encounters)
          .where(anyUuid(encounters.id, created))
      : [],
  ]);
  const knownById = new Map<string, { actorId: string | null; result: unknown }>(known.map((op) => [op.id, op]));
  const existingEncounters = new Map(existing.map((row) => [row.id, row.createdBy]));
  // Someone else's encounter with this id goes on, and is refused as already existing.
  for (const item of parsed)
    if (
      item.kind === 'encounter.create' &&
      existingEncounters.get(item.entityId) === actor.id &&
      !knownById.has(item.id)
    )
      knownById.set(item.id, { actorId: actor.id, result: { entityId: item.entityId, version: 1 } });
  const firstInBatch = new Map<string, number>();
  const toApply: ParsedItem[] = [];
  for (const item of parsed) {
    const before = knownById.get(item.id);
    const base = { index: item.index, id: item.id, entityId: item.entityId };
    if (before && before.actorId !== actor.id) {
      results[item.index] = failure(
        base,
        new AppError(
          409,
          'operation_id_taken',
          text('Identifiant d’opération déjà utilisé.', 'Operation id already used.'),
        ),
      );
    } else if (before) {
      results[item.index] = {
        ...base,
        status: 'duplicate',
        ...(before.result as { version?: number; data?: Record<string, unknown> }),
      };
    } else if (firstInBatch.has(item.id)) {
      results[item.index] = { ...base, status: 'duplicate' };
    } else {
      firstInBatch.set(item.id, item.index);
      toApply.push(item);
    }
  }

  await db.transaction(async (tx) => {
    const applied: (typeof syncOperations.$inferInsert)[] = [];
    const appliedAt = new Date();
    const record = (
      item: ParsedItem,
      entityId: string,
      version: number | undefined,
      data?: Record<string, unknown>,
    ) => {
      const result = { entityId, ...(version !== undefined ? { version } : {}), ...(data ? { data } : {}) };
      results[item.index] = { index: item.index, id: item.id, status: 'applied', ...result };
      if (item.kind !== 'encounter.create')
        applied.push({ id: item.id, actorId: actor.id, kind: item.kind, entityId: item.entityId, result, appliedAt });
    };
    let run: ParsedItem[] = [];
    const flushRun = async () => {
      if (run.length === 0) return;
      const inputs: NewEncounter[] = run.map((item) => ({
        id: item.entityId,
        body: item.payload as NewEncounter['body'],
      }));
      const outcomes = await createEncounters(tx, request, inputs);
      run.forEach((item, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) record(item, outcome.encounter.id, outcome.encounter.version);
        else
          results[item.index] = failure(
            { index: item.index, id: item.id, entityId: item.entityId },
            outcome?.error ?? asAppError(null, request),
          );
      });
      run = [];
    };
    for (const item of toApply) {
      if (item.kind === 'encounter.create') {
        run.push(item);
        continue;
      }
      await flushRun();
      try {
        const done = await tx.transaction((sp: Tx) =>
          operations[item.kind as keyof typeof operations].apply(sp, request, item),
        );
        record(item, done.id, done.version, done.data);
      } catch (error) {
        results[item.index] = failure(
          { index: item.index, id: item.id, entityId: item.entityId },
          asAppError(error, request),
        );
      }
    }
    await flushRun();
    // A second copy of this batch racing on another connection has already recorded them: keep the first.
    await insertJsonRows(tx, syncOperations, applied, { skipExisting: true });
  });

  // An operation sent twice in one batch answers like the first one.
  for (const [id, firstIndex] of firstInBatch) {
    const first = results[firstIndex];
    results.forEach((result, index) => {
      if (result?.id !== id || index === firstIndex || result.status !== 'duplicate' || !first) return;
      results[index] =
        first.status === 'applied'
          ? { ...result, entityId: first.entityId, version: first.version, ...(first.data ? { data: first.data } : {}) }
          : { ...first, index };
    });
  }
  const final = results as SyncResult[];
  const counts = { applied: 0, duplicate: 0, invalid: 0, conflict: 0 };
  for (const result of final) counts[result.status]++;
  return { results: final, counts };
}
