/** Request and response schemas of the 第二十条 figures API (权责清单, 政府集中采购, 收费). */
import { Type } from '@fastify/type-provider-typebox';
import { POWER_LIST_KINDS, type PowerListKind } from '../../domain/catalog/index.ts';

const Int = Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]);
const Dec = Type.Union([Type.String({ maxLength: 24 }), Type.Null()]);
const Kind = Type.Unsafe<PowerListKind>({ type: 'string', enum: [...POWER_LIST_KINDS] });

export const AgencyParams = Type.Object({ agencyId: Type.String({ maxLength: 64 }) });
export const YearQuery = Type.Object({ year: Type.Integer({ minimum: 2008, maximum: 2100 }) });

/** One figure of one kind and year, with where it came from. */
export const FigureSchema = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    year: Type.Integer(),
    kind: Kind,
    itemCount: Int,
    added: Int,
    removed: Int,
    decisions: Int,
    source: Type.String(),
    updatedBy: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'PowerListFigure' },
);

/** A year's 政府集中采购 and fees; decimals as strings (元, 万元). */
export const AmountSchema = Type.Object(
  {
    agencyId: Type.String(),
    year: Type.Integer(),
    procurementProjects: Int,
    procurementAmountYuan: Dec,
    feesCollectedWan: Dec,
    source: Type.String(),
    updatedBy: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'YearAmount' },
);

export const FiguresSchema = Type.Object({ figures: Type.Array(FigureSchema), amounts: Type.Array(AmountSchema) });

export const FigureBody = Type.Object({
  year: Type.Integer(),
  kind: Kind,
  itemCount: Int,
  added: Type.Optional(Int),
  removed: Type.Optional(Int),
  decisions: Int,
  source: Type.String({ maxLength: 200 }),
});

export const AmountBody = Type.Object({
  year: Type.Integer(),
  procurementProjects: Int,
  procurementAmountYuan: Dec,
  feesCollectedWan: Dec,
  source: Type.String({ maxLength: 200 }),
});

export const ImportQuery = Type.Object({
  name: Type.String({ maxLength: 200 }),
  apply: Type.Optional(Type.Boolean()),
  source: Type.Optional(Type.String({ maxLength: 200 })),
});

/** What an import found: rows read, rows saved, and each bad row's problems in Chinese. */
export const ImportResultSchema = Type.Object({
  rows: Type.Integer(),
  saved: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), messages: Type.Array(Type.String()) })),
});
