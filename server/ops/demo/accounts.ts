import { eq } from 'drizzle-orm';
import type { Role } from '../../../core/roles.ts';
import { users } from '../../db/schema/index.ts';
import { createUser } from '../../modules/users/users.service.ts';
import { type DemoTeamCode, teamIdByCode } from './territories.ts';
import type { DemoStep } from './types.ts';

/** The one password of every demo account: a demo deployment is for trying Relais, never for real data. */
export const demoPassword = 'demo-relais-quartier';

const domain = 'demo.relais.local';

type DemoAccount = { email: string; name: string; role: Role; teams: DemoTeamCode[] };

const demoAccounts: DemoAccount[] = [
  { email: `admin@${domain}`, name: 'Louise Administration', role: 'admin', teams: [] },
  // Sherbrooke: intervention de quartier, a binôme of workers, an organizer, a coordinator.
  {
    email: `coordination.sherbrooke@${domain}`,
    name: 'Geneviève Tremblay',
    role: 'coordinator',
    teams: ['iq-ascot-jardins-fleuris'],
  },
  {
    email: `intervenante.sherbrooke@${domain}`,
    name: 'Marie-Ève Gagnon',
    role: 'worker',
    teams: ['iq-ascot-jardins-fleuris'],
  },
  {
    email: `intervenant.sherbrooke@${domain}`,
    name: 'Jonathan Bouchard',
    role: 'worker',
    teams: ['iq-ascot-jardins-fleuris'],
  },
  {
    email: `organisateur.sherbrooke@${domain}`,
    name: 'Mathieu Côté',
    role: 'organizer',
    teams: ['iq-ascot-jardins-fleuris'],
  },
  // Brussels: relais d'action de quartier.
  {
    email: `coordination.bruxelles@${domain}`,
    name: 'Nadia El Amrani',
    role: 'coordinator',
    teams: ['raq-cureghem-bockstael'],
  },
  {
    email: `intervenante.bruxelles@${domain}`,
    name: 'Sophie Dubois',
    role: 'worker',
    teams: ['raq-cureghem-bockstael'],
  },
  {
    email: `intervenant.bruxelles@${domain}`,
    name: 'Lucas Peeters',
    role: 'worker',
    teams: ['raq-cureghem-bockstael'],
  },
  {
    email: `organisatrice.bruxelles@${domain}`,
    name: 'Fatima Benali',
    role: 'organizer',
    teams: ['raq-cureghem-bockstael'],
  },
];

export const accountsStep: DemoStep = {
  name: 'accounts / comptes',
  async run({ db, credentials, report }) {
    for (const account of demoAccounts) {
      const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
      if (existing) report(`account ${account.email} exists, password unchanged / existe, mot de passe inchangé`);
      else {
        const teamIds: string[] = [];
        for (const code of account.teams) {
          const id = await teamIdByCode(db, code);
          if (id) teamIds.push(id);
        }
        await createUser(
          db,
          null,
          { email: account.email, name: account.name, role: account.role, language: 'fr', teamIds },
          { password: demoPassword, mustChangePassword: false },
        );
        report(`account ${account.email} created / créé`);
      }
      credentials.push({ ...account, password: demoPassword });
    }
  },
};
