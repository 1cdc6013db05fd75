import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors.ts';
import { useLanguage } from '../../ui/use-language.ts';
import { readableAlert } from './alert-styles.ts';

/**
 * Where a refused file went wrong, as a person would look for it: "Secteur n° 3" for
 * `geojson.features.2`, "Ligne 4, colonne year" for `csv.4.year`; then the server's reason.
 */
function useWhere() {
  const { t } = useTranslation();
  return (path: string): string | null => {
    const feature = /^geojson\.features\.(\d+)$/.exec(path);
    if (feature) return t('territory.imports.where.feature', { number: Number(feature[1]) + 1 });
    const cell = /^csv\.(\d+)(?:\.(.+))?$/.exec(path);
    if (cell)
      return cell[2]
        ? t('territory.imports.where.cell', { row: cell[1], column: cell[2] })
        : t('territory.imports.where.row', { row: cell[1] });
    const column = /^csv\.(\D.*)$/.exec(path);
    if (column) return t('territory.imports.where.column', { column: column[1] });
    return path === 'geojson' || path === 'csv' ? null : path;
  };
}

/** A refusal: the server's sentence, then each problem with where it is. */
export function ImportProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const where = useWhere();
  if (!error) return null;
  if (!(error instanceof ApiError))
    return (
      <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden />}>
        {error instanceof Error && error.message ? error.message : t('common.unexpectedError')}
      </Alert>
    );
  const problems = Object.entries(error.fields);
  return (
    <Alert
      styles={readableAlert}
      color="red"
      role="alert"
      icon={<IconAlertTriangle aria-hidden />}
      title={error.messageIn(language)}
    >
      {problems.length ? (
        <Stack gap={4} component="ul" m={0} pl="md">
          {problems.map(([path, message]) => {
            const place = where(path);
            return (
              <Text component="li" key={path} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {place ? (
                  <Text span fw={700}>
                    {place} —{' '}
                  </Text>
                ) : null}
                {message[language]}
              </Text>
            );
          })}
        </Stack>
      ) : null}
    </Alert>
  );
}
