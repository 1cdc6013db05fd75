import { Group, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A quiet confirmation next to the button, announced politely to screen readers. */
export function SavedNotice({ show, message }: { show: boolean; message?: string }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      {show ? (
        <Group gap={6} c="relais.7">
          <IconCheck size={20} aria-hidden />
          <Text fw={600}>{message ?? t('common.saved')}</Text>
        </Group>
      ) : null}
    </div>
  );
}
