import { Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** An empty list says what it will hold and what to do next, never just "nothing". */
export function EmptyMessage({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md" bg="gray.0">
      <Stack gap="sm" align="flex-start">
        <ThemeIcon variant="light" size={40} radius="xl" aria-hidden>
          <IconInfoCircle size={24} />
        </ThemeIcon>
        <Text fw={700} component="h2" fz="lg" m={0}>
          {title}
        </Text>
        <Text>{children}</Text>
        {action}
      </Stack>
    </Paper>
  );
}
