import { uuidv7 } from '../../../core/uuid.ts';
import type { Database, Tx } from '../../db/client.ts';
import { consentEvents } from '../../db/schema/index.ts';

export type ConsentEventInput = {
  teamId: string;
  personId: string;
  kind: 'given' | 'withdrawn';
  scope: string | null;
  occurredAt: Date;
  recordedBy: string | null;
};

/** One line of the consent register, written in the same transaction as the consent itself. */
export async function recordConsentEvent(db: Database | Tx, event: ConsentEventInput): Promise<void> {
  await db.insert(consentEvents).values({ id: uuidv7(), ...event });
}
