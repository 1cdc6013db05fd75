import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Availability } from '../../../../core/directory.ts';
import type { Language } from '../../../../core/localized.ts';
import { useCurrentUser } from '../../api/session.ts';
import { Tag, type TagTone } from '../../ui/Tag.tsx';

const tones: Record<Availability, TagTone> = {
  open: 'green',
  waitingList: 'orange',
  closedToNew: 'red',
  temporarilyClosed: 'gray',
};

/** Saturation at a glance: open, waiting list (with the wait), full, closed for now. */
export function AvailabilityTag({ availability, waitDays }: { availability: Availability; waitDays?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag tone={tones[availability]}>
      {t(`availability.${availability}`)}
      {availability === 'waitingList' && waitDays != null ? ` · ${t('directory.waitDays', { count: waitDays })}` : ''}
    </Tag>
  );
}

/** The server marks matched words «like this»; shown in bold, never as HTML. */
export function Highlight({ text }: { text: string }) {
  const segments: { at: number; text: string; marked: boolean }[] = [];
  let at = 0;
  let marked = false;
  for (const part of text.split(/«|»/)) {
    if (part) segments.push({ at, text: part, marked });
    at += part.length + 1;
    marked = !marked;
  }
  return (
    <>
      {segments.map((segment) =>
        segment.marked ? (
          <mark key={segment.at} style={{ background: 'var(--mantine-color-yellow-1)', fontWeight: 700 }}>
            {segment.text}
          </mark>
        ) : (
          <Fragment key={segment.at}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}

/** Workers, organizers and coordinators keep the directory; administrators read it. */
export function useCanEditDirectory(): boolean {
  return useCurrentUser().role !== 'admin';
}

/** "09:00" → "9 h" (fr) or "9:00" (en). */
export function clockText(value: string, language: Language): string {
  const [h, m] = value.split(':');
  if (language === 'en') return `${Number(h)}:${m}`;
  return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`;
}
