import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * An empty field needs no trip to the server: it is named at once, in plain words, and the form is
 * not sent. Everything else (format, uniqueness) is the server's to say.
 */
export function useRequiredFields() {
  const { t } = useTranslation();
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  return {
    /** True when every named value is filled; otherwise marks the empty ones. */
    allFilled(values: Record<string, string>): boolean {
      const empty = new Set(Object.keys(values).filter((name) => !values[name]?.trim()));
      setMissing(empty);
      return empty.size === 0;
    },
    error(name: string): string | undefined {
      return missing.has(name) ? t('common.required') : undefined;
    },
  };
}
