import { Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatWhen } from '../../ui/format.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { referenceQuery, termLabel } from '../fieldwork/data.ts';
import { referralTimelineEntry } from '../referrals/timeline.tsx';
import { timelineQuery } from './data.ts';
import { Section } from './Section.tsx';

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Encounters, roles, referrals, bridging supports and activity sessions attended, newest first. */
export function TimelineSection({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const timeline = useQuery(timelineQuery(personId));
  const reference = useQuery(referenceQuery);
  const items = timeline.data?.items ?? [];
  return (
    <Section title={t('person.timelineTitle')}>
      {items.length === 0 ? (
        <Text c="dimmed">{timeline.isPending ? t('common.loading') : t('person.noTimeline')}</Text>
      ) : (
        <Timeline bulletSize={16} lineWidth={2}>
          {items.map((item) => {
            const referral = referralTimelineEntry(item, t, language);
            return (
              <Timeline.Item
                key={`${item.type}-${item.id}`}
                title={
                  referral
                    ? referral.title
                    : item.type === 'activity'
                      ? t('person.timelineActivity', { title: String(item.summary.title ?? '') })
                      : item.type === 'project'
                        ? t('projects.timelineEntry', { title: String(item.summary.title ?? '') })
                        : item.type === 'encounter'
                          ? t('person.timelineEncounter')
                          : t(item.type === 'roleStarted' ? 'person.timelineRoleStarted' : 'person.timelineRoleEnded', {
                              role: t(`personRoles.${String(item.summary.role ?? 'participant')}`),
                            })
                }
              >
                <Stack gap={0}>
                  <Text fz="sm">{formatWhen(item.at, language)}</Text>
                  {item.type === 'encounter' ? (
                    <Text fz="sm">
                      {[
                        ...list(item.summary.needs).map((code) => termLabel(reference.data, 'need', code, language)),
                        ...list(item.summary.actions).map((code) =>
                          termLabel(reference.data, 'action', code, language),
                        ),
                      ].join(' · ') || t('day.noDetail')}
                    </Text>
                  ) : null}
                  {item.type === 'project' ? (
                    <Text fz="sm">
                      {t(`projects.people.citizenRoles.${String(item.summary.role ?? 'participant')}`)}
                    </Text>
                  ) : null}
                  {item.type === 'activity' ? (
                    <Text fz="sm">{t(`person.activityRole.${String(item.summary.role ?? 'participant')}`)}</Text>
                  ) : null}
                  {referral?.body}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Section>
  );
}
