/** Request and response schemas of the dashboard (工作台). */
import { Type } from '@fastify/type-provider-typebox';
import { AgencySchema } from '../agencies/agencies.schemas.ts';

export const DashboardQuery = Type.Object({ agencyId: Type.Optional(Type.String({ maxLength: 64 })) });

/** The agency, its figures and the warnings of every feature. */
export const DashboardSchema = Type.Object({
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
});
