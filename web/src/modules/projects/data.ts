import { queryOptions } from '@tanstack/react-query';
import type { ProjectStage, ProjectStatus } from '../../../../core/collective.ts';
import type { Project, ProjectSummary } from '../../../../core/contracts/projects.ts';
import { api } from '../../api/client.ts';

/** Reads and writes of community projects (issue 7). */
export const projectsKey = ['projects'] as const;

export type ProjectFilters = { neighbourhoodId?: string; stage?: ProjectStage; status?: ProjectStatus | 'all' };

export const projectListQuery = (filters: ProjectFilters) =>
  queryOptions({
    queryKey: [...projectsKey, 'list', filters],
    queryFn: () => api.get<{ items: ProjectSummary[] }>('/projects', filters),
  });

export const projectQuery = (id: string) =>
  queryOptions({
    queryKey: [...projectsKey, id],
    queryFn: () => api.get<Project>(`/projects/${id}`),
  });

export type NewProject = {
  neighbourhoodId: string;
  title: string;
  issue: string;
  approach: Project['approach'];
};

export const createProject = (body: NewProject) => api.post<Project>('/projects', body);

export type ProjectChange = Partial<{
  title: string;
  issue: string;
  approach: Project['approach'];
  status: ProjectStatus;
  signalIds: string[];
  priorities: { diagnosticId: string; priorityId: string }[];
  citizens: { personId: string; role: Project['citizens'][number]['role']; since?: string; until?: string | null }[];
  actors: { actorId: string; role: Project['actors'][number]['role']; since?: string | null; until?: string | null }[];
}>;

export const updateProject = (project: Project, change: ProjectChange) =>
  api.patch<Project>(`/projects/${project.id}`, { baseVersion: project.version, ...change });

export const moveStage = (project: Project, stage: ProjectStage, note?: string) =>
  api.post<Project>(`/projects/${project.id}/stage`, { baseVersion: project.version, stage, note: note || null });

export const changeOwnership = (project: Project, level: Project['ownership'], note?: string) =>
  api.post<Project>(`/projects/${project.id}/ownership`, { baseVersion: project.version, level, note: note || null });

export const addMilestone = (
  projectId: string,
  body: { stage: ProjectStage; title: string; plannedOn?: string | null; reachedOn?: string | null },
) => api.post<Project>(`/projects/${projectId}/milestones`, body);

export const markMilestone = (projectId: string, milestoneId: string, reachedOn: string | null) =>
  api.patch<Project>(`/projects/${projectId}/milestones/${milestoneId}`, { reachedOn });

export const addJournalEntry = (
  projectId: string,
  body: { kind: 'note' | 'decision'; text: string; confirmedNotNames?: string[] },
) => api.post<Project>(`/projects/${projectId}/journal`, body);

/** The current citizens and actors as the PATCH body wants them back, whole. */
export const citizensOf = (project: Project) =>
  project.citizens.map(({ personId, role, since, until }) => ({ personId, role, since, until }));
export const actorsOf = (project: Project) =>
  project.actors.map(({ actorId, role, since, until }) => ({ actorId, role, since, until }));

export const today = () => new Date().toISOString().slice(0, 10);

/** The words of a text that name someone the team knows (the committees' check, nothing saved). */
export const nominativeCheck = (teamId: string, text: string) =>
  api.post<{ matches: { found: string; kind: 'name' | 'nickname' | 'phone' }[] }>('/committee-meetings/check', {
    teamId,
    texts: [{ path: 'text', text }],
  });
