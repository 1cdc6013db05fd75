import { Anchor, Group } from '@mantine/core';
import { IconPhone, IconWorld } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** A phone to call, an address to write to and a website, each one tap away (what is given). */
export function ContactLinks({
  phone,
  email,
  website,
  websiteLabel,
}: {
  phone: string | null | undefined;
  email: string | null | undefined;
  website: string | null | undefined;
  /** What the website link says; its address by default. */
  websiteLabel?: ReactNode;
}) {
  return (
    <>
      {phone ? (
        <Anchor href={`tel:${phone}`}>
          <Group gap={6}>
            <IconPhone size={18} aria-hidden />
            {phone}
          </Group>
        </Anchor>
      ) : null}
      {email ? <Anchor href={`mailto:${email}`}>{email}</Anchor> : null}
      {website ? (
        <Anchor href={website} target="_blank" rel="noreferrer">
          <Group gap={6}>
            <IconWorld size={18} aria-hidden />
            {websiteLabel ?? website}
          </Group>
        </Anchor>
      ) : null}
    </>
  );
}
