/** Closed lists of the team's network (maillage): kinds of tie and of interaction with actors. */
export const tieKinds = ['collaboration', 'referral', 'coOrganisation', 'knowsOf', 'funding', 'hosting'] as const;
export type TieKind = (typeof tieKinds)[number];

/** 1 weak (they know of each other), 2 working, 3 strong (they act together often). */
export const tieStrengths = [1, 2, 3] as const;

export const interactionKinds = ['meeting', 'call', 'concertationTable', 'sharedEvent'] as const;
export type InteractionKind = (typeof interactionKinds)[number];

/** Ties the app derives from activity, beside those entered by hand. */
export const derivedTieKinds = ['sharedInteraction', 'referralFlow', 'sharedCommittee', 'sharedActivity'] as const;
export type DerivedTieKind = (typeof derivedTieKinds)[number];
