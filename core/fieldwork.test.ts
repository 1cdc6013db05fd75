import { describe, expect, it } from 'vitest';
import { followUpState, identificationProblem, mergedPersonFields, searchForm, sessionStatus } from './fieldwork.ts';

describe('searchForm', () => {
  it('folds accents, case and spaces as the database does', () => {
    expect(searchForm('  José   ÉLOÏSE ')).toBe('jose eloise');
    expect(searchForm('Gaëlle')).toBe('gaelle');
  });
});

describe('identificationProblem', () => {
  it('ties the level to the person', () => {
    expect(identificationProblem('anonymous', null, undefined)).toBeNull();
    expect(identificationProblem('anonymous', 'p', false)?.path).toBe('personId');
    expect(identificationProblem('pseudonymous', null, undefined)?.path).toBe('personId');
    expect(identificationProblem('pseudonymous', 'p', false)).toBeNull();
    expect(identificationProblem('identified', 'p', false)?.path).toBe('identification');
    expect(identificationProblem('identified', 'p', true)).toBeNull();
  });
});

describe('followUpState and sessionStatus', () => {
  it('says what is due', () => {
    expect(followUpState(null, null, '2026-11-25')).toBe('none');
    expect(followUpState('2026-11-20', null, '2026-11-25')).toBe('overdue');
    expect(followUpState('2026-11-25', null, '2026-11-25')).toBe('dueToday');
    expect(followUpState('2026-11-30', null, '2026-11-25')).toBe('upcoming');
    expect(followUpState('2026-11-20', '2026-11-21T10:00:00Z', '2026-11-25')).toBe('done');
  });
  it('says where a session stands', () => {
    expect(sessionStatus(null, null)).toBe('planned');
    expect(sessionStatus('2026-11-25T10:00:00Z', null)).toBe('running');
    expect(sessionStatus('2026-11-25T10:00:00Z', '2026-11-25T12:00:00Z')).toBe('ended');
  });
});

describe('mergedPersonFields', () => {
  const base: Parameters<typeof mergedPersonFields>[0] = {
    nickname: 'Jo',
    firstName: null,
    lastName: null,
    phone: null,
    email: null,
    ageBand: null,
    gender: null,
    languages: [],
    household: null,
    firstContactOn: null,
    firstContactHow: null,
    consentGivenAt: null,
    consentScope: null,
    consentRecordedBy: null,
  };
  it('keeps the survivor’s values and fills its blanks; languages joined, earliest first contact', () => {
    const merged = mergedPersonFields(
      { ...base, ageBand: '25to34', languages: ['fr'], firstContactOn: '2026-05-01', firstContactHow: 'street' },
      {
        ...base,
        ageBand: '35to49',
        gender: 'F',
        languages: ['ar', 'fr'],
        firstContactOn: '2026-02-01',
        firstContactHow: 'home',
      },
    );
    expect(merged).toMatchObject({
      ageBand: '25to34',
      gender: 'F',
      languages: ['fr', 'ar'],
      firstContactOn: '2026-02-01',
      firstContactHow: 'home',
    });
    expect(merged).not.toHaveProperty('firstName');
  });
  it('brings identity only with a consent, and the consent along when the survivor has none', () => {
    const consented = { ...base, firstName: 'José', consentGivenAt: '2026-01-01T00:00:00Z', consentScope: 'identity' };
    expect(mergedPersonFields(base, consented)).toMatchObject({ firstName: 'José', consentScope: 'identity' });
    const survivorConsented = { ...base, consentGivenAt: '2026-03-01T00:00:00Z', consentScope: 'identityAndContact' };
    const merged = mergedPersonFields(survivorConsented, consented);
    expect(merged.firstName).toBe('José');
    expect(merged).not.toHaveProperty('consentScope');
  });
});
