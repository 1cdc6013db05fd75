import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconEdit, IconLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tie } from '../../../../core/contracts/network.ts';
import { useCurrentUser } from '../../api/session.ts';
import { formatDay } from '../../ui/format.ts';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { localDay } from '../fieldwork/data.ts';
import { Section } from '../people/Section.tsx';
import { actorTiesQuery, nameOf } from './data.ts';
import { TieFormModal } from './TieForm.tsx';

type Editing = { value: Tie; actorA: { id: string; name: string }; actorB: { id: string; name: string } };

/**
 * An actor's ties as the team knows them (on the actor's page): with whom, what kind, how strong,
 * since when; add one, change one, end one. Administrators read no team's maillage, so see nothing here.
 */
export function ActorTies({ actor }: { actor: { id: string; name: string; active: boolean } }) {
  const user = useCurrentUser();
  if (user.role === 'admin') return null;
  return <ActorTiesSection actor={actor} />;
}

function ActorTiesSection({ actor }: { actor: { id: string; name: string; active: boolean } }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const ties = useQuery(actorTiesQuery(actor.id));
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const today = localDay();
  const items = [...(ties.data?.items ?? [])].sort(
    (a, b) =>
      Number(isEnded(a, today)) - Number(isEnded(b, today)) || (b.startedOn ?? '').localeCompare(a.startedOn ?? ''),
  );
  const known = ties.data?.actors ?? [];

  return (
    <Section title={t('ties.title')}>
      <Stack gap="xs" data-testid="actor-ties">
        {ties.isError ? <Text c="red.8">{t('common.unexpectedError')}</Text> : null}
        {ties.data && items.length === 0 ? <Text c="dimmed">{t('ties.none')}</Text> : null}
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((tie) => {
            const otherId = tie.actorAId === actor.id ? tie.actorBId : tie.actorAId;
            const ended = isEnded(tie, today);
            return (
              <Card key={tie.id} component="li" withBorder padding="sm">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={2} miw={0}>
                    <Text fw={700}>
                      <Link to="/directory/actors/$actorId" params={{ actorId: otherId }}>
                        {nameOf(known, otherId)}
                      </Link>
                    </Text>
                    <Group gap={6}>
                      <Tag tone={ended ? 'gray' : 'green'}>{t(`network.tieKind.${tie.kind}`)}</Tag>
                      <Text fz="sm">{t(`ties.strengthValue.${tie.strength}`)}</Text>
                      {ended ? <Tag tone="gray">{t('ties.ended')}</Tag> : null}
                    </Group>
                    <Text fz="sm" c="dimmed">
                      {period(tie, language, t)}
                    </Text>
                    {tie.note ? <Text fz="sm">{tie.note}</Text> : null}
                  </Stack>
                  <Button
                    variant="subtle"
                    size="compact-md"
                    leftSection={<IconEdit size={16} aria-hidden />}
                    aria-label={t('ties.editWith', { name: nameOf(known, otherId) })}
                    onClick={() =>
                      setEditing({
                        value: tie,
                        actorA: { id: tie.actorAId, name: nameOf(known, tie.actorAId) },
                        actorB: { id: tie.actorBId, name: nameOf(known, tie.actorBId) },
                      })
                    }
                  >
                    {t('common.edit')}
                  </Button>
                </Group>
              </Card>
            );
          })}
        </Stack>
        <Group gap="sm">
          {actor.active ? (
            <Button variant="light" leftSection={<IconLink size={18} aria-hidden />} onClick={() => setAdding(true)}>
              {t('ties.add')}
            </Button>
          ) : null}
          <RouterAnchor to="/network/interactions" search={{ actorId: actor.id }} fw={600}>
            {t('ties.interactionsWith')}
          </RouterAnchor>
        </Group>
      </Stack>
      <TieFormModal opened={adding} onClose={() => setAdding(false)} from={{ id: actor.id, name: actor.name }} />
      <TieFormModal opened={editing !== null} onClose={() => setEditing(null)} tie={editing ?? undefined} />
    </Section>
  );
}

const isEnded = (tie: Tie, today: string) => tie.endedOn !== null && tie.endedOn <= today;

function period(tie: Tie, language: 'fr' | 'en', t: ReturnType<typeof useTranslation>['t']): string {
  const start = tie.startedOn ? formatDay(tie.startedOn, language, 'long') : null;
  const end = tie.endedOn ? formatDay(tie.endedOn, language, 'long') : null;
  if (start && end) return t('ties.fromTo', { from: start, to: end });
  if (start) return t('ties.since', { from: start });
  if (end) return t('ties.until', { to: end });
  return t('ties.undated');
}
