import { Group, NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../core/roles.ts';
import { teamsQuery } from '../../api/queries.ts';
import { useCurrentUser } from '../../api/session.ts';
import { neighbourhoodsQuery } from '../directory/data.ts';
import type { ScopeSearch } from './data.ts';

/** Who counts the whole organisation in reports (the contract of core/contracts/reports.ts). */
export const seesWholeOrganisation = (role: Role) => role === 'admin' || role === 'organizer';

/**
 * What a report counts: every team the reader may count (their own, or the whole organisation),
 * one team, or one neighbourhood of it. A single team with no neighbourhood shows nothing to pick.
 */
export function ScopePicker({ scope, onChange }: { scope: ScopeSearch; onChange: (next: ScopeSearch) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const whole = seesWholeOrganisation(user.role);
  const allTeams = useQuery({ ...teamsQuery, enabled: whole });
  const neighbourhoods = useQuery(neighbourhoodsQuery);
  const teams = whole ? (allTeams.data ?? []).map((team) => ({ id: team.id, name: team.name })) : user.teams;
  const teamIds = new Set(teams.map((team) => team.id));
  const hoods = (neighbourhoods.data?.items ?? []).filter((hood) =>
    scope.teamId ? hood.teamId === scope.teamId : teamIds.has(hood.teamId),
  );
  return (
    <Group grow gap="sm" align="end">
      {teams.length > 1 ? (
        <NativeSelect
          label={t('reports.scope.team')}
          value={scope.teamId ?? ''}
          onChange={(event) => onChange({ teamId: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: whole ? t('reports.scope.organisation') : t('reports.scope.myTeams') },
            ...teams.map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
      ) : null}
      {hoods.length > 0 ? (
        <NativeSelect
          label={t('reports.scope.neighbourhood')}
          value={scope.neighbourhoodId ?? ''}
          onChange={(event) => onChange({ ...scope, neighbourhoodId: event.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('reports.scope.allNeighbourhoods') },
            ...hoods.map((hood) => ({ value: hood.id, label: hood.name })),
          ]}
        />
      ) : null}
    </Group>
  );
}
