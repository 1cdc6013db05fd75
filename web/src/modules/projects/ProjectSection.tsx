import { Card, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One card of the project page, titled for screen readers' heading list. */
export function ProjectSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" component="section">
      <Title order={2} fz="lg" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}
