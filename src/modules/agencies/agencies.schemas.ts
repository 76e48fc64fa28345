import { Type, type Static } from '@fastify/type-provider-typebox';
import { AGENCY_LEVELS, type AgencyLevel } from '../../domain/agency.ts';

export const AgencyLevelSchema = Type.Unsafe<AgencyLevel>({ type: 'string', enum: [...AGENCY_LEVELS] });

const Contact = Type.Object({
  address: Type.String({ maxLength: 200 }),
  postcode: Type.String({ maxLength: 10 }),
  hours: Type.String({ maxLength: 200 }),
  phone: Type.String({ maxLength: 60 }),
  fax: Type.String({ maxLength: 60 }),
  email: Type.String({ maxLength: 120 }),
});

export const AgencySchema = Type.Object(
  {
    id: Type.String(),
    parentId: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    shortName: Type.String(),
    code: Type.String(),
    level: AgencyLevelSchema,
    makesRules: Type.Boolean(),
    contact: Contact,
  },
  { $id: 'Agency' },
);

export const AgencyListSchema = Type.Object({ items: Type.Array(AgencySchema) });
export type AgencyView = Static<typeof AgencySchema>;

export const AgencyCreateBody = Type.Object({
  parentId: Type.Union([Type.String(), Type.Null()]),
  name: Type.String({ maxLength: 100 }),
  shortName: Type.String({ maxLength: 30 }),
  code: Type.String({ maxLength: 63 }),
  level: AgencyLevelSchema,
  makesRules: Type.Boolean(),
  contact: Type.Partial(Contact),
});

export const AgencyPatchBody = Type.Partial(AgencyCreateBody);
export const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
