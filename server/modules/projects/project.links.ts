import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { type CitizenProjectRole, projectRoleToPersonRole } from '../../../core/collective.ts';
import { uuidv7 } from '../../../core/uuid.ts';
import type { Tx } from '../../db/client.ts';
import {
  personRoles,
  projectActors,
  projectCitizens,
  projectPriorities,
  projectSignals,
} from '../../db/schema/index.ts';
import { actorOf } from '../../http/request-context.ts';

export const today = () => new Date().toISOString().slice(0, 10);

type Citizen = { personId: string; role: CitizenProjectRole; since?: string; until?: string | null };
type ProjectActor = { actorId: string; role: string; since?: string | null; until?: string | null };
export type ProjectLinks = {
  signalIds?: string[];
  priorities?: { diagnosticId: string; priorityId: string }[];
  citizens?: Citizen[];
  actors?: ProjectActor[];
};

/**
 * Taking a role in a project starts one in the person's trajectory (an initiator leads, a
 * committee member helps…), from the day they joined. Roles already open are left as they are.
 */
async function feedRoleTrajectories(tx: Tx, request: FastifyRequest, citizens: Citizen[], title: string) {
  const current = citizens.filter((c) => !c.until);
  if (current.length === 0) return;
  const open = await tx
    .select({ personId: personRoles.personId, role: personRoles.role })
    .from(personRoles)
    .where(
      and(
        inArray(
          personRoles.personId,
          current.map((c) => c.personId),
        ),
        isNull(personRoles.endedOn),
      ),
    );
  const already = new Set(open.map((r) => `${r.personId}:${r.role}`));
  const started = new Map<string, { personId: string; role: string; startedOn: string }>();
  for (const c of current) {
    const role = projectRoleToPersonRole[c.role];
    const key = `${c.personId}:${role}`;
    if (!already.has(key) && !started.has(key))
      started.set(key, { personId: c.personId, role, startedOn: c.since ?? today() });
  }
  if (started.size === 0) return;
  await tx
    .insert(personRoles)
    .values([...started.values()].map((s) => ({ id: uuidv7(), ...s, note: title, createdBy: actorOf(request).id })));
}

/**
 * Replaces the lists the body carries (absent lists stay as they are). Merged people land on their
 * survivor; a person listed twice with the same role is kept once.
 */
export async function replaceLinks(
  tx: Tx,
  request: FastifyRequest,
  project: { id: string; title: string },
  links: ProjectLinks,
  survivors: Map<string, string>,
) {
  const projectId = project.id;
  if (links.signalIds) {
    await tx.delete(projectSignals).where(eq(projectSignals.projectId, projectId));
    const unique = [...new Set(links.signalIds)];
    if (unique.length) await tx.insert(projectSignals).values(unique.map((signalId) => ({ projectId, signalId })));
  }
  if (links.priorities) {
    await tx.delete(projectPriorities).where(eq(projectPriorities.projectId, projectId));
    const unique = [...new Map(links.priorities.map((p) => [p.priorityId, p])).values()];
    if (unique.length) await tx.insert(projectPriorities).values(unique.map((p) => ({ projectId, ...p })));
  }
  if (links.citizens) {
    const before = await tx
      .select({ personId: projectCitizens.personId, role: projectCitizens.role })
      .from(projectCitizens)
      .where(eq(projectCitizens.projectId, projectId));
    const known = new Set(before.map((c) => `${c.personId}:${c.role}`));
    await tx.delete(projectCitizens).where(eq(projectCitizens.projectId, projectId));
    const citizens = [
      ...new Map(
        links.citizens.map((c) => {
          const personId = survivors.get(c.personId) ?? c.personId;
          return [`${personId}:${c.role}`, { ...c, personId }];
        }),
      ).values(),
    ];
    if (citizens.length)
      await tx.insert(projectCitizens).values(
        citizens.map((c) => ({
          id: uuidv7(),
          projectId,
          personId: c.personId,
          role: c.role,
          since: c.since ?? today(),
          until: c.until ?? null,
        })),
      );
    // Only a new involvement starts a role: a trajectory the team closed since stays closed.
    const joined = citizens.filter((c) => !known.has(`${c.personId}:${c.role}`));
    await feedRoleTrajectories(tx, request, joined, project.title);
  }
  if (links.actors) {
    await tx.delete(projectActors).where(eq(projectActors.projectId, projectId));
    const unique = [...new Map(links.actors.map((a) => [`${a.actorId}:${a.role}`, a])).values()];
    if (unique.length)
      await tx.insert(projectActors).values(
        unique.map((a) => ({
          projectId,
          actorId: a.actorId,
          role: a.role,
          since: a.since ?? null,
          until: a.until ?? null,
        })),
      );
  }
}
