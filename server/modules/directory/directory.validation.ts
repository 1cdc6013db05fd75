import { and, eq, inArray } from 'drizzle-orm';
import { text } from '../../../core/localized.ts';
import type { Database, Tx } from '../../db/client.ts';
import { neighbourhoods, users } from '../../db/schema/index.ts';
import type { FieldError } from '../../http/errors.ts';
import { fieldError } from '../fieldwork/fieldwork.errors.ts';

const unknownNeighbourhood = (path: string) => fieldError(path, text('Quartier inconnu.', 'Unknown neighbourhood.'));

/** The neighbourhoods a record serves must be the deployment's. */
export async function checkNeighbourhoods(
  db: Database | Tx,
  ids: string[] | undefined,
  errors: FieldError[],
): Promise<void> {
  if (!ids?.length) return;
  const found = new Set(
    (await db.select({ id: neighbourhoods.id }).from(neighbourhoods).where(inArray(neighbourhoods.id, ids))).map(
      (n) => n.id,
    ),
  );
  ids.forEach((id, i) => {
    if (!found.has(id)) errors.push(unknownNeighbourhood(`neighbourhoodIds.${i}`));
  });
}

/** Hosted workers are active accounts. */
export async function checkUsers(
  db: Database | Tx,
  hosted: { userId: string }[] | undefined,
  errors: FieldError[],
): Promise<void> {
  if (!hosted?.length) return;
  const ids = hosted.map((h) => h.userId);
  const found = new Set(
    (
      await db
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, ids), eq(users.active, true)))
    ).map((u) => u.id),
  );
  hosted.forEach((h, i) => {
    if (!found.has(h.userId))
      errors.push(fieldError(`hostedWorkers.${i}.userId`, text('Intervenant inconnu.', 'Unknown worker.')));
  });
}
