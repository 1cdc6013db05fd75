import { Button, Checkbox, NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../core/crisis.ts';
import { uuidv7 } from '../../../../core/uuid.ts';
import { teamQuery } from '../../api/queries.ts';
import { useCurrentUser } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { useApiError } from '../../ui/use-api-error.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { localDay } from '../fieldwork/data.ts';
import { crisisKey, proposeMobilisation } from './data.ts';

const formFields = ['teamId', 'title', 'reason', 'startsOn', 'endsOn', 'sharePercent', 'participantIds'] as const;
const shares = ['10', '20', '30', '50', '100'];
const weekChoices = Array.from({ length: 12 }, (_, k) => String(k + 1));

/**
 * Proposing a mobilisation in a few fields: what and why, from when and for how many weeks
 * (so the end can never pass the 12-week box), the share of time, and who else takes part.
 */
export function ProposePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [id] = useState(uuidv7);
  const [teamId, setTeamId] = useState(user.teams[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [startsOn, setStartsOn] = useState(localDay());
  const [weeks, setWeeks] = useState('4');
  const [share, setShare] = useState('20');
  const [colleagues, setColleagues] = useState<string[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const team = useQuery({ ...teamQuery(teamId), enabled: Boolean(teamId) });
  const endsOn = startsOn ? addDays(startsOn, Number(weeks) * 7) : '';
  const save = useMutation({
    mutationFn: () =>
      proposeMobilisation({
        id,
        teamId: user.teams.length > 1 ? teamId : undefined,
        title,
        reason,
        startsOn,
        endsOn,
        sharePercent: Number(share),
        participantIds: colleagues,
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: crisisKey });
      await navigate({ to: '/crisis/$id', params: { id: created.id } });
    },
  });
  const errors = useApiError(save.error, formFields);
  const fieldError = (name: string) => local[name] ?? errors.field(name);
  const submit = () => {
    const problems: Record<string, string> = {};
    if (title.trim().length < 3) problems.title = t('common.required');
    if (reason.trim().length < 3) problems.reason = t('common.required');
    if (!startsOn) problems.startsOn = t('common.required');
    setLocal(problems);
    if (Object.keys(problems).length === 0) save.mutate();
  };
  const others = (team.data?.members ?? []).filter((m) => m.id !== user.id && m.active && m.role !== 'admin');

  return (
    <Stack gap="md">
      <PageTitle title={t('crisis.form.title')} description={t('crisis.form.intro')} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <FormAlert message={Object.keys(local).length ? t('common.checkFields') : errors.general} />
          {user.teams.length > 1 ? (
            <NativeSelect
              label={t('crisis.form.team')}
              size="md"
              value={teamId}
              onChange={(event) => {
                setTeamId(event.currentTarget.value);
                setColleagues([]);
              }}
              data={user.teams.map((choice) => ({ value: choice.id, label: choice.name }))}
              error={fieldError('teamId')}
            />
          ) : null}
          <TextInput
            label={t('crisis.form.name')}
            placeholder={t('crisis.form.namePlaceholder')}
            size="md"
            required
            value={title}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={fieldError('title')}
          />
          <Textarea
            label={t('crisis.form.reason')}
            placeholder={t('crisis.form.reasonPlaceholder')}
            size="md"
            required
            withAsterisk={false}
            autosize
            minRows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError('reason')}
          />
          <TextInput
            type="date"
            label={t('crisis.form.startsOn')}
            size="md"
            required
            value={startsOn}
            onChange={(event) => setStartsOn(event.currentTarget.value)}
            error={fieldError('startsOn')}
          />
          <NativeSelect
            label={t('crisis.form.weeks')}
            size="md"
            value={weeks}
            onChange={(event) => setWeeks(event.currentTarget.value)}
            data={weekChoices.map((value) => ({ value, label: t('crisis.form.weeksValue', { count: Number(value) }) }))}
            description={
              endsOn ? t('crisis.form.endsOnHint', { date: formatDay(endsOn, language, 'dayMonth') }) : undefined
            }
            error={fieldError('endsOn')}
          />
          <Stack gap={4}>
            <Text fw={500} id="crisis-share-label">
              {t('crisis.form.share')}
            </Text>
            <SegmentedControl
              aria-labelledby="crisis-share-label"
              size="md"
              fullWidth
              value={share}
              onChange={setShare}
              data={shares.map((value) => ({ value, label: value }))}
            />
          </Stack>
          {others.length ? (
            <Checkbox.Group
              label={t('crisis.form.participants')}
              description={t('crisis.form.participantsHelp')}
              value={colleagues}
              onChange={setColleagues}
              error={fieldError('participantIds')}
            >
              <Stack gap="sm" mt="xs">
                {others.map((member) => (
                  <Checkbox key={member.id} value={member.id} label={member.name} size="md" />
                ))}
              </Stack>
            </Checkbox.Group>
          ) : null}
          <Button type="submit" size="lg" loading={save.isPending}>
            {t('crisis.form.submit')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
