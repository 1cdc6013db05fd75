import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../core/contracts/people.ts';
import { erasureRequesters } from '../../../../core/contracts/rights.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { Section } from '../people/Section.tsx';
import { accessRequestUrl, erasePerson } from './rights-data.ts';

const fields = ['reason', 'requestedBy', 'confirmNickname'];

/**
 * On the person's page, for the team's coordinator: hand the person their data (a readable page,
 * and the same as JSON), or erase them — after typing their nickname, with the reason logged.
 */
export function PersonRightsSection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [requestedBy, setRequestedBy] = useState<string>('person');
  const [typed, setTyped] = useState('');
  const erase = useMutation({
    mutationFn: () => erasePerson(person.id, { reason, requestedBy, confirmNickname: typed }),
  });
  // The person is gone: leave their page before anything asks for it again.
  const leave = async () => {
    await navigate({ to: '/people' });
    queryClient.removeQueries({ queryKey: ['fieldwork', 'person', person.id] });
    await queryClient.invalidateQueries({ queryKey: ['fieldwork'] });
  };
  const failure = useApiError(erase.error, fields);
  return (
    <Section title={t('rights.personTitle')}>
      <Stack gap="sm">
        <Text>{t('rights.personIntro')}</Text>
        <Button
          component="a"
          href={accessRequestUrl(person.id, 'html')}
          download
          size="md"
          variant="light"
          leftSection={<IconDownload size={20} aria-hidden />}
        >
          {t('rights.exportReadable')}
        </Button>
        <Button component="a" href={accessRequestUrl(person.id, 'json')} download size="md" variant="subtle">
          {t('rights.exportJson')}
        </Button>
        <Button
          size="md"
          color="red.8"
          variant="outline"
          leftSection={<IconTrash size={20} aria-hidden />}
          onClick={() => setOpened(true)}
        >
          {t('rights.eraseButton')}
        </Button>
      </Stack>
      <Modal
        opened={opened}
        onClose={() => (erase.data ? void leave() : setOpened(false))}
        title={t('rights.eraseTitle', { nickname: person.nickname })}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        {erase.data ? (
          <Stack gap="sm">
            <Text role="status" fw={600}>
              {t('rights.erased', { nickname: person.nickname, count: erase.data.encountersAnonymised })}
            </Text>
            <Button size="md" onClick={leave}>
              {t('person.backToPeople')}
            </Button>
          </Stack>
        ) : (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              erase.mutate();
            }}
          >
            <Stack gap="sm">
              <FormAlert message={failure.general} />
              <Text>{t('rights.eraseText')}</Text>
              <Text fz="sm" c="dimmed">
                {t('rights.eraseExportFirst')}
              </Text>
              <Textarea
                label={t('rights.reason')}
                description={t('rights.reasonHint')}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={failure.field('reason')}
                autosize
                minRows={2}
                required
              />
              <NativeSelect
                label={t('rights.requestedBy')}
                value={requestedBy}
                onChange={(event) => setRequestedBy(event.currentTarget.value)}
                data={erasureRequesters.map((value) => ({ value, label: t(`rights.requesters.${value}`) }))}
                error={failure.field('requestedBy')}
              />
              <TextInput
                label={t('rights.confirmNickname', { nickname: person.nickname })}
                value={typed}
                onChange={(event) => setTyped(event.currentTarget.value)}
                error={failure.field('confirmNickname')}
                autoComplete="off"
                required
              />
              <Group>
                <Button type="submit" color="red.8" size="md" loading={erase.isPending}>
                  {t('rights.eraseYes')}
                </Button>
                <Button variant="default" size="md" onClick={() => setOpened(false)}>
                  {t('sync.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Section>
  );
}
