import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../http/schemas.ts';
import { requireActor } from '../../http/actor.ts';
import { presentAgency } from '../agencies/agencies.routes.ts';
import { AgencySchema } from '../agencies/agencies.schemas.ts';
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
          querystring: Type.Object({ agencyId: Type.Optional(Type.String()) }),
          response: {
            200: Type.Object({
              agency: AgencySchema,
              cards: Type.Array(
                Type.Object({
                  key: Type.String(),
                  label: Type.String(),
                  value: Type.Union([Type.Number(), Type.String()]),
                  hint: Type.Optional(Type.String()),
                }),
              ),
              warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
            }),
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
