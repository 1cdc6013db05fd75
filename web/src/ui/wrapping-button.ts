/**
 * Mantine buttons keep their label on one line; a long French label on a 390-pixel phone then runs
 * out of the card. These styles let it wrap and the button grow.
 */
export const wrappingButton = {
  root: { height: 'auto', minHeight: 44, paddingBlock: 8 },
  label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 },
} as const;
