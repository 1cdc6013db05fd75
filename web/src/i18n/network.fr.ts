/** The French words of the network pages (issue 6). */
export const networkFr = {
  network: {},
};
