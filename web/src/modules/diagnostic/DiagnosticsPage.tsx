import { Card, Group, Stack, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { diagnosticListQuery } from './data.ts';

/** The team's neighbourhoods and where each diagnostic stands; one tap opens it. */
export function DiagnosticsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery(diagnosticListQuery);
  return (
    <Stack gap="md">
      <PageTitle title={t('diagnostic.list.title')} description={t('diagnostic.list.intro')} />
      {list.isPending ? <PageLoader /> : null}
      {list.isError ? <FormAlert message={t('common.unexpectedError')} /> : null}
      {list.data?.items.map((item) => (
        <Card key={item.neighbourhoodId} withBorder padding="md" radius="md">
          <RouterAnchor
            to="/diagnostics/$neighbourhoodId"
            params={{ neighbourhoodId: item.neighbourhoodId }}
            aria-label={t('diagnostic.list.open', { name: item.neighbourhoodName })}
            underline="never"
            c="inherit"
          >
            <Group justify="space-between" wrap="nowrap" mih={44}>
              <Stack gap={2}>
                <Text fw={700} fz="lg">
                  {item.neighbourhoodName}
                </Text>
                {item.savedAt ? (
                  <Group gap="xs">
                    <Tag tone={item.status === 'published' ? 'green' : 'gray'}>
                      {t('diagnostic.doc.version', { n: item.currentVersion })} —{' '}
                      {t(`diagnostic.doc.${item.status ?? 'draft'}`)}
                    </Tag>
                    <Text fz="sm">{formatDay(item.savedAt, language)}</Text>
                  </Group>
                ) : (
                  <Text fz="sm" c="dimmed">
                    {t('diagnostic.list.none')}
                  </Text>
                )}
              </Stack>
              <IconChevronRight aria-hidden />
            </Group>
          </RouterAnchor>
        </Card>
      ))}
    </Stack>
  );
}
