import { Card, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormAlert } from './FormAlert.tsx';

/**
 * A short form on its own card, as a section of the page: its title (which names the section),
 * the request's general error, then the fields. Submitting never reloads the page.
 */
export function FormCard({
  id,
  title,
  error,
  onSubmit,
  children,
}: {
  /** The title's id, unique on the page: the section is labelled by it. */
  id: string;
  title: string;
  error: string | undefined;
  onSubmit: () => void;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={id}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="xl" id={id}>
            {title}
          </Title>
          <FormAlert message={error} />
          {children}
        </Stack>
      </form>
    </Card>
  );
}
