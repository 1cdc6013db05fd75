import type { PurgeRun, RetentionSettings, SaveRetentionRules } from '../../../../core/contracts/retention.ts';
import { api } from '../../api/client.ts';

export const retentionKey = ['retention'] as const;

export const retentionRulesQuery = {
  queryKey: [...retentionKey, 'rules'],
  queryFn: () => api.get<RetentionSettings>('/retention/rules'),
};

export const purgeRunsQuery = {
  queryKey: [...retentionKey, 'runs'],
  queryFn: () => api.get<{ items: PurgeRun[] }>('/retention/runs', { limit: 10 }),
};

export const saveRetentionRules = (body: SaveRetentionRules) => api.put<RetentionSettings>('/retention/rules', body);
export const startDryRun = () => api.post<PurgeRun>('/retention/dry-run');
export const startPurge = () => api.post<PurgeRun>('/retention/purge');
