import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { DirectorySearchResult, directorySearchQuerySchema } from '../../../core/contracts/directory-search.ts';
import type { ActorCategory, ActorKind, Availability } from '../../../core/directory.ts';
import type { Database } from '../../db/client.ts';
import { keyPersonTeams } from './directory.policy.ts';
import { searchDirectory } from './directory.search.ts';

const rounded = (value: number) => Math.round(Number(value) * 10_000) / 10_000;

export async function searchDirectoryFor(
  db: Database,
  request: FastifyRequest,
  query: z.output<typeof directorySearchQuerySchema>,
  timeZone: string,
): Promise<DirectorySearchResult> {
  const found = await searchDirectory(db, { ...query, timeZone, keyPersonTeams: keyPersonTeams(request) });
  return {
    services: found.services.map((s) => ({
      id: s.id,
      name: s.name,
      organisation: { id: s.actor_id, name: s.actor_name },
      availability: s.availability as Availability,
      expectedWaitDays: s.expected_wait_days,
      openNow: !!s.open_now,
      needs: s.needs,
      languages: s.languages,
      free: s.free,
      highlight: s.highlight?.includes('«') ? s.highlight : null,
      rank: rounded(s.rank),
    })),
    // A key person's city is contact detail: not in hits.
    actors: found.actors.map((a) => ({
      id: a.id,
      kind: a.kind as ActorKind,
      category: a.category as ActorCategory,
      name: a.name,
      city: a.kind === 'organisation' ? a.city : null,
      rank: rounded(a.rank),
    })),
    corrections: found.corrections,
  };
}
