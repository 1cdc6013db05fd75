import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DiagnosticVersion, diagnosticSectionKeys } from '../../../../core/contracts/diagnostic.ts';
import { useCurrentUser } from '../../api/session.ts';
import { EmptyMessage } from '../../ui/EmptyMessage.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDay } from '../../ui/format.ts';
import { PageLoader } from '../../ui/PageLoader.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SavedNotice } from '../../ui/SavedNotice.tsx';
import { Tag } from '../../ui/Tag.tsx';
import { useLanguage } from '../../ui/use-language.ts';
import { DiagnosticEditor } from './DiagnosticEditor.tsx';
import { diagnosticQuery, figuresQuery, pdfUrl, versionQuery } from './data.ts';
import { FiguresPanel } from './FiguresPanel.tsx';

/**
 * A neighbourhood's diagnostic: the latest version (or an earlier one) beside its figures — frozen
 * for a published version, live for a draft — its versions, the PDF, and the editor.
 */
export function DiagnosticPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const user = useCurrentUser();
  const { neighbourhoodId } = useParams({ from: '/signed-in/diagnostics/$neighbourhoodId' });
  const diagnostic = useQuery(diagnosticQuery(neighbourhoodId));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  const earlier = useQuery({
    ...versionQuery(diagnostic.data?.id ?? '', viewing ?? 0),
    enabled: Boolean(diagnostic.data?.id && viewing),
  });
  const shown: DiagnosticVersion | null | undefined = viewing ? earlier.data : diagnostic.data?.latest;
  const canWrite = user.role !== 'admin';

  if (diagnostic.isPending) return <PageLoader />;
  if (diagnostic.isError || !diagnostic.data) return <FormAlert message={t('common.unexpectedError')} />;
  const data = diagnostic.data;
  const title = t('diagnostic.doc.title', { name: data.neighbourhoodName });

  if (editing)
    return (
      <Stack gap="md">
        <PageTitle title={title} />
        <DiagnosticEditor
          diagnostic={data}
          canPublish={user.role === 'coordinator'}
          onDone={(number) => {
            setEditing(false);
            setViewing(null);
            setSaved(number);
          }}
        />
      </Stack>
    );

  return (
    <Stack gap="md">
      <PageTitle
        title={title}
        actions={
          <>
            {canWrite ? (
              <Button size="md" onClick={() => setEditing(true)}>
                {data.latest ? t('diagnostic.doc.edit') : t('diagnostic.doc.start')}
              </Button>
            ) : null}
            {data.id && shown ? (
              <Button
                size="md"
                variant="default"
                component="a"
                href={pdfUrl(data.id, shown.number, language)}
                download
                leftSection={<IconDownload size={18} aria-hidden />}
              >
                {t('diagnostic.doc.pdf')}
              </Button>
            ) : null}
          </>
        }
      />
      <SavedNotice show={saved !== null} message={t('diagnostic.doc.savedVersion', { n: saved })} />
      {!data.latest ? (
        <EmptyMessage title={t('diagnostic.doc.empty')}>{t('diagnostic.doc.emptyHelp')}</EmptyMessage>
      ) : null}
      {viewing ? (
        <Group gap="sm">
          <Text fw={600}>{t('diagnostic.doc.viewing', { n: viewing })}</Text>
          <Button variant="subtle" size="sm" onClick={() => setViewing(null)}>
            {t('diagnostic.doc.backToLatest')}
          </Button>
        </Group>
      ) : null}
      {shown ? <VersionText version={shown} /> : null}
      {shown?.figures ? (
        <FiguresPanel figures={shown.figures} frozen />
      ) : (
        <LiveFigures neighbourhoodId={neighbourhoodId} from={shown?.periodFrom} to={shown?.periodTo} />
      )}
      {data.versions.length ? (
        <Card withBorder padding="sm" radius="md" component="section">
          <Title order={2} fz="lg" mb="xs">
            {t('diagnostic.doc.versions')}
          </Title>
          <Stack gap={4}>
            {data.versions.map((version) => (
              <Group key={version.number} justify="space-between" wrap="nowrap" gap="xs">
                <Stack gap={0}>
                  <Text fw={600}>
                    {t('diagnostic.doc.version', { n: version.number })} — {t(`diagnostic.doc.${version.status}`)}
                  </Text>
                  <Text fz="xs">
                    {formatDay(version.savedAt, language)} · {version.savedByName ?? '—'}
                  </Text>
                </Stack>
                <Button
                  variant="subtle"
                  size="md"
                  onClick={() => setViewing(version.number === data.currentVersion ? null : version.number)}
                  aria-label={`${t('diagnostic.doc.showVersion')} — ${t('diagnostic.doc.version', { n: version.number })}`}
                >
                  {t('diagnostic.doc.showVersion')}
                </Button>
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}

function VersionText({ version }: { version: DiagnosticVersion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Stack gap="md" data-testid="diagnostic-text">
      <Stack gap={4}>
        <Title order={2} fz="xl">
          {version.title}
        </Title>
        <Group gap="xs">
          <Tag tone={version.status === 'published' ? 'green' : 'gray'}>
            {t('diagnostic.doc.version', { n: version.number })} — {t(`diagnostic.doc.${version.status}`)}
          </Tag>
          <Text fz="sm">
            {t('diagnostic.doc.savedOn', {
              date: formatDay(version.savedAt, language),
              name: version.savedByName ?? '—',
            })}
          </Text>
        </Group>
      </Stack>
      {diagnosticSectionKeys.map((key) => (
        <Stack key={key} gap={2} component="section">
          <Title order={3} fz="lg">
            {t(`diagnostic.doc.sections.${key}`)}
          </Title>
          {version.sections[key]?.trim() ? (
            <Text style={{ whiteSpace: 'pre-wrap' }}>{version.sections[key]}</Text>
          ) : (
            <Text c="dimmed">{t('diagnostic.doc.notWritten')}</Text>
          )}
        </Stack>
      ))}
      <Stack gap={4} component="section">
        <Title order={3} fz="lg">
          {t('diagnostic.doc.priorities')}
        </Title>
        {version.priorities.length === 0 ? <Text c="dimmed">{t('diagnostic.doc.noPriorities')}</Text> : null}
        <Stack component="ol" gap={4} pl="lg" m={0}>
          {version.priorities.map((priority) => (
            <li key={priority.id}>
              <Text fw={600}>{priority.title}</Text>
              {priority.detail ? <Text fz="sm">{priority.detail}</Text> : null}
            </li>
          ))}
        </Stack>
      </Stack>
    </Stack>
  );
}

function LiveFigures({ neighbourhoodId, from, to }: { neighbourhoodId: string; from?: string; to?: string }) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
  const figures = useQuery(figuresQuery(neighbourhoodId, from ?? yearAgo, to ?? today));
  if (figures.isPending) return <PageLoader />;
  if (!figures.data) return <FormAlert message={t('common.unexpectedError')} />;
  return <FiguresPanel figures={figures.data} frozen={false} />;
}
