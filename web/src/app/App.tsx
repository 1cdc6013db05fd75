import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { DeploymentWords } from './DeploymentWords.tsx';
import { forgetSignedInUser, handleSessionLoss, queryClient } from './query-client.ts';
import { router } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

handleSessionLoss((reason) => {
  if (reason === 'signed_out') {
    forgetSignedInUser();
    const here = router.state.location.href;
    if (router.state.location.pathname !== '/sign-in')
      void router.navigate({ to: '/sign-in', search: { redirect: here } });
  } else {
    void queryClient
      .invalidateQueries({ queryKey: ['session'] })
      .then(() => router.navigate({ to: '/choose-password' }));
  }
});

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <DeploymentWords />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
