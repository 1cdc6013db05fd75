/** The French words of the territory pages (issue 6). */
export const territoryFr = {
  territory: {},
};
