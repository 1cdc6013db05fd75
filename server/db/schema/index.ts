export * from './accounts.ts';
export * from './audit.ts';
export * from './fieldwork.ts';
export * from './people.ts';
export * from './settings.ts';
export * from './sync.ts';
export * from './taxonomies.ts';
