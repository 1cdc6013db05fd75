import { Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { RegisterFilters } from './RegisterFilters.tsx';
import { consentCsvUrl, consentRegisterQuery, type RegisterFilter } from './rights-data.ts';

/**
 * `/consent-register`: every consent given or withdrawn in the team, newest first, for a period,
 * exportable. An erased person's lines stay, as « personne effacée ».
 */
export function ConsentRegisterPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const [filter, setFilter] = useState<RegisterFilter>({ teamId: user.teams[0]?.id ?? '' });
  const register = useQuery({ ...consentRegisterQuery(filter), enabled: !!filter.teamId });
  return (
    <Stack gap="lg">
      <PageTitle title={t('rights.consentTitle')} description={t('rights.consentIntro')} />
      <RegisterFilters filter={filter} onChange={setFilter} csvUrl={consentCsvUrl(filter)} />
      {register.isPending && filter.teamId ? (
        <PageLoader />
      ) : (
        <Stack gap="sm">
          <Text fw={600}>{t('rights.consentCount', { count: register.data?.items.length ?? 0 })}</Text>
          {register.data?.items.length === 0 ? (
            <EmptyMessage title={t('rights.consentCount', { count: 0 })}>{t('rights.consentIntro')}</EmptyMessage>
          ) : null}
          {register.data?.items.map((line) => (
            <Card key={line.id} withBorder padding="md" radius="md">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} miw={0}>
                  {line.person ? (
                    <RouterAnchor to="/people/$personId" params={{ personId: line.person.id }} fw={700} fz="lg">
                      {line.person.nickname}
                    </RouterAnchor>
                  ) : (
                    <Text fw={700} fz="lg" c="dimmed" fs="italic">
                      {t('rights.erasedPerson')}
                    </Text>
                  )}
                  <Text fz="sm">
                    {formatDateTime(line.occurredAt, language)}
                    {line.scope ? ` · ${t(`rights.scopes.${line.scope}`)}` : ''}
                  </Text>
                  {line.recordedBy ? (
                    <Text fz="sm" c="dimmed">
                      {t('rights.recordedBy', { name: line.recordedBy })}
                    </Text>
                  ) : null}
                </Stack>
                <Tag tone={line.kind === 'given' ? 'blue' : 'orange'}>{t(`rights.${line.kind}`)}</Tag>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
