import type { FastifyRequest } from 'fastify';

/** The break-the-glass grant a request reads under (issue 8): its id and the reason stated for it. */
export type GrantInUse = { id: string; reason: string };

// Kept beside the request rather than on it: only the scoping code sets it, only the audit reads it.
const grants = new WeakMap<FastifyRequest, GrantInUse>();

export function markReadUnderGrant(request: FastifyRequest, grant: GrantInUse): void {
  grants.set(request, grant);
}

export function grantInUse(request: FastifyRequest | null): GrantInUse | null {
  return request ? (grants.get(request) ?? null) : null;
}
