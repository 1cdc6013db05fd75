/** The PostgreSQL database every test database is copied from (see global-setup.ts). */
export const templateDatabase = 'relais_template';
