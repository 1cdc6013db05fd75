/** The French words of the diagnostic pages (issue 6). */
export const diagnosticFr = {
  diagnostic: {},
};
