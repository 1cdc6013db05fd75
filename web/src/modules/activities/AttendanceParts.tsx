import { ActionIcon, Button, Card, Chip, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconMinus, IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type AttendanceRole, attendanceRoles } from '../../../../core/collective.ts';
import { type AgeBand, ageBands } from '../../../../core/fieldwork.ts';
import type { SessionDraft } from './data.ts';

type Attendees = SessionDraft['attendees'];

/** The activity's regulars as big chips: one tap marks someone present, another takes it back. */
export function RegularChips({
  regulars,
  attendees,
  nickname,
  onChange,
}: {
  regulars: string[];
  attendees: Attendees;
  nickname: (personId: string) => string;
  onChange: (attendees: Attendees) => void;
}) {
  const { t } = useTranslation();
  if (regulars.length === 0) return null;
  const present = attendees.map((attendee) => attendee.personId);
  return (
    <Stack gap={4}>
      <Text fw={700}>{t('attendance.regularsTitle')}</Text>
      <Text fz="sm" c="dimmed">
        {t('attendance.regularsHelp')}
      </Text>
      <Chip.Group
        multiple
        value={present.filter((id) => regulars.includes(id))}
        onChange={(ids) => {
          const kept = attendees.filter(
            (attendee) => !regulars.includes(attendee.personId) || ids.includes(attendee.personId),
          );
          const added = ids
            .filter((id) => !present.includes(id))
            .map((personId) => ({ personId, role: 'participant' as const }));
          onChange([...kept, ...added]);
        }}
      >
        <Group gap="xs">
          {regulars.map((personId) => (
            <Chip key={personId} value={personId} size="lg">
              {nickname(personId)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
    </Stack>
  );
}

/** Each named person present, with their role that day (participant unless changed). */
export function PresentList({
  attendees,
  nickname,
  onChange,
}: {
  attendees: Attendees;
  nickname: (personId: string) => string;
  onChange: (attendees: Attendees) => void;
}) {
  const { t } = useTranslation();
  const setRole = (personId: string, role: AttendanceRole) =>
    onChange(attendees.map((attendee) => (attendee.personId === personId ? { ...attendee, role } : attendee)));
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {attendees.map((attendee) => {
        const name = nickname(attendee.personId);
        return (
          <Card key={attendee.personId} component="li" withBorder padding="xs" radius="md" data-testid="attendee">
            <Group justify="space-between" wrap="nowrap" mb={6}>
              <Text fw={700} fz="lg">
                {name}
              </Text>
              <ActionIcon
                variant="subtle"
                color="gray.7"
                size={44}
                aria-label={t('attendance.remove', { nickname: name })}
                onClick={() => onChange(attendees.filter((other) => other.personId !== attendee.personId))}
              >
                <IconX size={22} aria-hidden />
              </ActionIcon>
            </Group>
            <SegmentedControl
              fullWidth
              size="md"
              aria-label={t('attendance.roleOf', { nickname: name })}
              value={attendee.role}
              onChange={(role) => setRole(attendee.personId, role as AttendanceRole)}
              data={attendanceRoles.map((role) => ({ value: role, label: t(`attendanceRoles.${role}`) }))}
            />
          </Card>
        );
      })}
    </Stack>
  );
}

/** A +/− pair per age band: the people who came without a name noted. */
export function HeadCountSteppers({
  headCounts,
  onChange,
}: {
  headCounts: SessionDraft['headCounts'];
  onChange: (headCounts: SessionDraft['headCounts']) => void;
}) {
  const { t } = useTranslation();
  const step = (band: AgeBand, delta: 1 | -1) => {
    const count = Math.max(0, (headCounts[band] ?? 0) + delta);
    const next = { ...headCounts };
    if (count === 0) delete next[band];
    else next[band] = count;
    onChange(next);
  };
  return (
    <SimpleGrid cols={2} spacing="xs">
      {ageBands.map((band) => {
        const count = headCounts[band] ?? 0;
        const label = t(`ageBands.${band}`);
        return (
          <Card key={band} withBorder padding="xs" radius="md">
            <Text fz="sm" fw={600} ta="center" mb={4}>
              {label}
            </Text>
            <Group gap={4} justify="space-between" wrap="nowrap">
              <ActionIcon
                variant="default"
                size={48}
                aria-label={t('attendance.subtract', { band: label })}
                disabled={count === 0}
                onClick={() => step(band, -1)}
              >
                <IconMinus size={22} aria-hidden />
              </ActionIcon>
              <Text fz={24} fw={700} data-testid={`headcount-${band}`} aria-live="polite">
                {count}
              </Text>
              <Button
                variant="light"
                size="md"
                h={48}
                w={48}
                p={0}
                aria-label={t('attendance.add', { band: label, count })}
                onClick={() => step(band, 1)}
              >
                <IconPlus size={22} aria-hidden />
              </Button>
            </Group>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}
