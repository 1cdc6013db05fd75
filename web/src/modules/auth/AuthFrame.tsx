import { Box, Center, Group, Image, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePublicSettings } from '../../api/session.ts';
import { LanguageToggle } from './LanguageToggle.tsx';

/** The frame of the pages before the app: the deployment's name, the language, one card. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const settings = usePublicSettings();
  return (
    <Box mih="100dvh" bg="gray.0">
      <Group justify="flex-end" p="xs">
        <LanguageToggle />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={420} gap="lg">
          <Group gap="sm" justify="center">
            <Image src="/favicon.svg" alt="" w={44} h={44} />
            <Text component="p" fz={26} fw={700}>
              {settings?.deploymentName ?? 'Relais'}
            </Text>
          </Group>
          <Paper component="main" withBorder shadow="sm" p={{ base: 'lg', sm: 'xl' }} radius="lg">
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
