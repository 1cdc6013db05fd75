import { type APIRequestContext, expect } from '@playwright/test';
import type { Referral } from '../../core/contracts/referrals.ts';
import { unique } from './fixtures.ts';

/**
 * What a referral journey needs but does not test, made through the API as the worker: an
 * organisation with a service in the directory, a person, referrals made days ago.
 */
type Api = { api: APIRequestContext; csrf: string };

async function post<T>(as: Api, path: string, data: unknown, status = 201): Promise<T> {
  const answer = await as.api.post(path, { data, headers: { 'x-csrf-token': as.csrf } });
  expect(answer.status(), `${path}: ${await answer.text()}`).toBe(status);
  return (await answer.json()) as T;
}

export async function createService(
  as: Api,
  options: { name?: string; needs?: string[]; availability?: 'open' | 'waitingList' } = {},
): Promise<{ id: string; name: string; organisationName: string }> {
  const organisationName = unique('Maison du quartier');
  const actor = await post<{ id: string }>(as, '/api/actors', {
    kind: 'organisation',
    category: 'healthSocial',
    name: organisationName,
  });
  const name = options.name ?? unique('Aide au logement');
  const service = await post<{ id: string }>(as, '/api/services', {
    actorId: actor.id,
    name,
    description: 'Accompagnement pour trouver un logement et remplir les demandes.',
    phone: '819 555-0100',
    needs: options.needs ?? ['housing'],
    applicationProcess: 'Se présenter sans rendez-vous avec la fiche de liaison.',
    requiredDocuments: ['Preuve de revenu'],
    locations: [{ name: 'Local principal', address: '12 rue King Ouest', city: 'Sherbrooke', postalCode: 'J1H 1N5' }],
    schedules: [{ weekday: 2, opensAt: '09:00', closesAt: '16:00' }],
    availability: options.availability ?? 'open',
  });
  return { id: service.id, name, organisationName };
}

export async function createPerson(as: Api, nickname = unique('Mimi')): Promise<{ id: string; nickname: string }> {
  const person = await post<{ id: string }>(as, '/api/people', { nickname });
  return { id: person.id, nickname };
}

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

export async function createReferral(
  as: Api,
  body: { serviceId: string; personId?: string; needs?: string[]; madeDaysAgo?: number; status?: 'proposed' | 'sent' },
): Promise<Referral> {
  return post<Referral>(as, '/api/referrals', {
    serviceId: body.serviceId,
    personId: body.personId,
    needs: body.needs ?? ['housing'],
    status: body.status ?? 'sent',
    referredAt: daysAgo(body.madeDaysAgo ?? 0),
  });
}

export async function readReferral(as: Api, id: string): Promise<Referral> {
  const answer = await as.api.get(`/api/referrals/${id}`);
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()) as Referral;
}
