import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { presentAgency } from '../agencies/agencies.routes.ts';
import { DashboardQuery, DashboardSchema } from './dashboard.schemas.ts';
import { dashboard, type WarningSource } from './dashboard.service.ts';

export const dashboardRoutes =
  (warningSources: WarningSource[]): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { db, clock } = app.ctx;
    app.get(
      '/api/v1/dashboard',
      {
        schema: {
          tags: ['dashboard'],
          summary: '工作台',
          querystring: DashboardQuery,
          response: {
            200: DashboardSchema,
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const result = await dashboard(db, requireActor(request), request.query.agencyId, clock, warningSources);
        return { ...result, agency: presentAgency(result.agency) };
      },
    );
  };
