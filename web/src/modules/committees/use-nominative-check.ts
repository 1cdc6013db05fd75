import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { nominativeCheckSchema } from '../../../../core/contracts/committees.ts';
import { api } from '../../api/client.ts';
import { committeesKey } from './data.ts';
import type { MeetingDraft } from './nominative.ts';
import { meetingTexts } from './nominative.ts';

/**
 * Asks the server, a moment after the author stops typing, which words look like a known person's
 * name, nickname or a phone number. The team's list of names never comes to the browser.
 */
export function useNominativeCheck(teamId: string, draft: MeetingDraft) {
  const texts = meetingTexts(draft);
  const [debounced] = useDebouncedValue(JSON.stringify(texts), 500);
  const check = useQuery({
    queryKey: [...committeesKey, 'check', teamId, debounced],
    queryFn: () =>
      api.post<z.infer<typeof nominativeCheckSchema>>('/committee-meetings/check', {
        teamId,
        texts: JSON.parse(debounced),
      }),
    enabled: debounced !== '[]',
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
    placeholderData: (previous) => previous,
  });
  return {
    matches: debounced === '[]' ? [] : (check.data?.matches ?? []),
    checking: check.isFetching || debounced !== JSON.stringify(texts),
  };
}
