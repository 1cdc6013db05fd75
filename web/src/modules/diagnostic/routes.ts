/** The diagnostic pages (issue 6), joined into the route tree by app/router.tsx. */
export const diagnosticRoutes = [] as const;
