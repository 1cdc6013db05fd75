import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export type TagTone = 'green' | 'blue' | 'grape' | 'gray' | 'red' | 'orange' | 'solidGreen' | 'solidRed';

const tones: Record<TagTone, { bg: string; c: string }> = {
  green: { bg: 'relais.0', c: 'relais.9' },
  blue: { bg: 'blue.0', c: 'blue.9' },
  grape: { bg: 'grape.0', c: 'grape.9' },
  gray: { bg: 'gray.2', c: 'dark.7' },
  red: { bg: 'red.0', c: 'red.9' },
  // Mantine's orange text is too pale on its own tint: a dark brown reads at 9:1.
  orange: { bg: 'orange.1', c: '#6b2a00' },
  solidGreen: { bg: 'relais.7', c: 'white' },
  solidRed: { bg: 'red.8', c: 'white' },
};

/** A small label that wraps instead of cutting a long field word ("intervenant·e de quartier"). */
export function Tag({ tone, children }: { tone: TagTone; children: ReactNode }) {
  return (
    <Text
      component="span"
      fz="sm"
      fw={600}
      px={10}
      py={2}
      bg={tones[tone].bg}
      c={tones[tone].c}
      style={{ borderRadius: 999, display: 'inline-block', lineHeight: 1.5 }}
    >
      {children}
    </Text>
  );
}
