/** The four roles of a Relais deployment (see GLOSSARY.md). */
export const roles = ['worker', 'organizer', 'coordinator', 'admin'] as const;
export type Role = (typeof roles)[number];
