import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

/** Relais green: shade 7 (#0b6e4f) keeps 6:1 contrast with white text. */
const relais: MantineColorsTuple = [
  '#e7f7f1',
  '#d0ede2',
  '#a2d9c4',
  '#70c4a4',
  '#48b389',
  '#2fa878',
  '#1e9a6a',
  '#0b6e4f',
  '#075c41',
  '#034a33',
];

export const theme = createTheme({
  primaryColor: 'relais',
  primaryShade: 7,
  colors: { relais },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'md',
  // Thumbs, not mouse pointers: every control is at least 44px high. Forms are short and every
  // field in them is needed, so a red asterisk on each would say nothing: none is drawn.
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md', withAsterisk: false } },
    PasswordInput: { defaultProps: { size: 'md', withAsterisk: false } },
    NativeSelect: { defaultProps: { size: 'md' } },
    ActionIcon: { defaultProps: { size: 44 } },
  },
});

/**
 * Mantine's dimmed grey (3.3:1), error red (3.6:1) and light-variant text are too pale on white for small text;
 * darker shades read at 7:1 and 5.3:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Text of light and subtle buttons (field pages use many): the darkest shades pass 4.5:1 on
    // their own tint, Mantine's default (shade 6) does not.
    '--mantine-color-relais-light-color': 'var(--mantine-color-relais-9)',
    '--mantine-color-red-light-color': 'var(--mantine-color-red-9)',
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-orange-light-color': '#6b2a00',
  },
  dark: {},
});
