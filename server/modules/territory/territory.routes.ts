import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema, idParamsSchema } from '../../../core/contracts/common.ts';
import {
  coverageQuerySchema,
  coverageSchema,
  indicatorImportBodySchema,
  indicatorImportResultSchema,
  indicatorListSchema,
  indicatorMapSchema,
  indicatorParamsSchema,
  neighbourhoodTerritoryBodySchema,
  neighbourhoodTerritorySchema,
  rankingBodySchema,
  rankingSchema,
  sectorCollectionSchema,
  sectorImportBodySchema,
  sectorImportResultSchema,
  sectorQuerySchema,
} from '../../../core/contracts/territory.ts';
import { access } from '../../http/access.ts';
import { conflictBodySchema, installConflictHandler } from '../fieldwork/fieldwork.errors.ts';
import { coverage } from './coverage.service.ts';
import { seedIndicatorDefinitions } from './indicators.defaults.ts';
import { importIndicators, indicatorMap, listIndicators, rankTerritory } from './indicators.service.ts';
import { importSectors, listSectors, neighbourhoodTerritory, saveNeighbourhoodTerritory } from './sectors.service.ts';

const tags = ['territory'];
const stewards = access.roles('coordinator', 'admin');
/** A city's sector file runs to tens of megabytes of coordinates. */
const uploadLimit = 60 * 1024 * 1024;

export async function territoryRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.context.database;
  installConflictHandler(app);
  await seedIndicatorDefinitions(db);

  api.post(
    '/territory/sectors/import',
    {
      bodyLimit: uploadLimit,
      config: { access: stewards },
      schema: {
        tags,
        summary: 'Import statistical sectors (GeoJSON, any usual projection); dryRun to check first',
        body: sectorImportBodySchema,
        response: { 200: sectorImportResultSchema, 422: errorBodySchema },
      },
    },
    async (request) => importSectors(db, request, request.body),
  );

  api.get(
    '/territory/sectors',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Sectors as GeoJSON (WGS84), in a box or of a neighbourhood',
        querystring: sectorQuerySchema,
        response: { 200: sectorCollectionSchema },
      },
    },
    async (request) => listSectors(db, request.query),
  );

  api.get(
    '/territory/neighbourhoods/:id',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'A neighbourhood’s sectors, outline and borders',
        params: idParamsSchema,
        response: { 200: neighbourhoodTerritorySchema, 404: errorBodySchema },
      },
    },
    async (request) => neighbourhoodTerritory(db, request.params.id),
  );

  api.patch(
    '/territory/neighbourhoods/:id',
    {
      config: { access: stewards },
      schema: {
        tags,
        summary: 'Draw a neighbourhood from sectors and note its real and symbolic borders',
        params: idParamsSchema,
        body: neighbourhoodTerritoryBodySchema,
        response: {
          200: neighbourhoodTerritorySchema,
          403: errorBodySchema,
          404: errorBodySchema,
          409: conflictBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request) => saveNeighbourhoodTerritory(db, request, request.params.id, request.body),
  );

  api.post(
    '/territory/indicators/import',
    {
      bodyLimit: uploadLimit,
      config: { access: stewards },
      schema: {
        tags,
        summary: 'Import an indicator table (CSV: sector, indicator, year, value, source); dryRun to check first',
        body: indicatorImportBodySchema,
        response: { 200: indicatorImportResultSchema, 422: errorBodySchema },
      },
    },
    async (request) => importIndicators(db, request, request.body),
  );

  api.get(
    '/territory/indicators',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Indicators and the years they have values for',
        response: { 200: indicatorListSchema },
      },
    },
    async () => listIndicators(db),
  );

  api.get(
    '/territory/indicators/:code/:year',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'One indicator for one year, per sector, with quintile breaks for a map',
        params: indicatorParamsSchema,
        response: { 200: indicatorMapSchema, 404: errorBodySchema },
      },
    },
    async (request) => indicatorMap(db, request.params.code, request.params.year),
  );

  api.post(
    '/territory/ranking',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Rank sectors on weighted indicators and propose a zone within a population target',
        body: rankingBodySchema,
        response: { 200: rankingSchema, 422: errorBodySchema },
      },
    },
    async (request) => rankTerritory(db, request.body),
  );

  api.get(
    '/territory/coverage',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'Outreach coverage: sessions and encounters by place or neighbourhood, and where no one went lately',
        querystring: coverageQuerySchema,
        response: { 200: coverageSchema },
      },
    },
    async (request) => coverage(db, request, request.query),
  );
}
