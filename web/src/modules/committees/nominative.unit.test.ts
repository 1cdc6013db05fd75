import { describe, expect, it } from 'vitest';
import { currentFlags, editorPath, type MeetingDraft, meetingBody, meetingTexts, withoutMatch } from './nominative.ts';

const draft = (changes: Partial<MeetingDraft> = {}): MeetingDraft => ({
  heldOn: '2026-11-25',
  agenda: ['', 'Tour de table'],
  minutes: 'Rien à signaler.',
  situations: [],
  decisions: ['', 'Inviter la ville'],
  followUps: [],
  confirmedNotNames: [],
  ...changes,
});

describe('removing a flagged word', () => {
  it('keeps the French space before a colon and closes up before a comma or a full stop', () => {
    expect(withoutMatch('La situation de MARIE-EVE tremblay : logement.', 'MARIE-EVE tremblay')).toBe(
      'La situation de : logement.',
    );
    expect(withoutMatch('Vu avec Mimi, puis au local.', 'Mimi')).toBe('Vu avec, puis au local.');
    expect(withoutMatch('Rappeler au 819 555-0142.', '819 555-0142')).toBe('Rappeler au.');
  });

  it('removes every occurrence, and leaves a text without it unchanged', () => {
    expect(withoutMatch('Mimi a parlé à Mimi', 'Mimi')).toBe('a parlé à');
    expect(withoutMatch('Personne nommée', 'Mimi')).toBe('Personne nommée');
  });
});

describe('flags shown under a field', () => {
  const matches = [
    { path: 'minutes', start: 0, end: 4, found: 'Rose', kind: 'name' as const },
    { path: 'minutes', start: 10, end: 22, found: '819 555-0142', kind: 'phone' as const },
    { path: 'agenda.0', start: 0, end: 4, found: 'Mimi', kind: 'nickname' as const },
  ];

  it('shows only what is still in this field’s text', () => {
    expect(currentFlags(matches, 'minutes', 'Rose est passée', []).map((m) => m.found)).toEqual(['Rose']);
  });

  it('hides a word confirmed as not a name, in any case or accent, but never a phone number', () => {
    const text = 'Rose au 819 555-0142';
    expect(currentFlags(matches, 'minutes', text, ['rosé', '819 555-0142']).map((m) => m.found)).toEqual([
      '819 555-0142',
    ]);
  });
});

describe('the body sent and the paths refused', () => {
  it('leaves empty lines out and maps the server’s positions back to the editor’s', () => {
    const { body, indexes } = meetingBody(draft());
    expect(body.agenda).toEqual(['Tour de table']);
    expect(body.decisions).toEqual([{ text: 'Inviter la ville' }]);
    expect(editorPath('agenda.0', indexes)).toBe('agenda.1');
    expect(editorPath('decisions.0.text', indexes)).toBe('decisions.1.text');
    expect(editorPath('minutes', indexes)).toBe('minutes');
  });

  it('checks every non-empty text at the editor’s own paths', () => {
    expect(meetingTexts(draft()).map((entry) => entry.path)).toEqual(['agenda.1', 'minutes', 'decisions.1.text']);
  });
});
