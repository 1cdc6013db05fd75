import { Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { usePublicSettings } from '../api/session.ts';

let firstPageShown = false;

/**
 * The page's one h1. After a navigation it takes the focus, so a screen reader announces the new
 * page and the keyboard starts from its top; the first page of a visit leaves focus alone.
 */
export function PageTitle({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPageShown) heading.current?.focus({ preventScroll: true });
    firstPageShown = true;
  }, []);
  const deploymentName = usePublicSettings()?.deploymentName ?? 'Relais';
  useEffect(() => {
    document.title = `${title} · ${deploymentName}`;
  }, [title, deploymentName]);
  return (
    <Group justify="space-between" align="flex-end" mb="lg" gap="sm">
      <Stack gap={4}>
        <Title order={1} ref={heading} tabIndex={-1} fz={{ base: 26, sm: 30 }} style={{ outline: 'none' }}>
          {title}
        </Title>
        {description ? <Text c="dimmed">{description}</Text> : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
