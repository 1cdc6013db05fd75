/**
 * Mantine's light alerts colour their title in the alert's own hue, under 4.5:1 on its tint for
 * green and orange: a dark title reads, the icon and tint still carry the colour.
 */
export const readableAlert = { title: { color: 'var(--mantine-color-dark-8)' } } as const;
