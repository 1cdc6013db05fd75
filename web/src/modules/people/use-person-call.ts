import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Person } from '../../../../core/contracts/people.ts';
import { personQuery } from './data.ts';

/** An online-only change of a person (consent, identity, merge): the answer becomes the page. */
export function usePersonCall<Input>(personId: string, call: (input: Input) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (person) => {
      queryClient.setQueryData(personQuery(personId).queryKey, person);
      void queryClient.invalidateQueries({ queryKey: ['fieldwork'] });
    },
  });
}
