/** Request and response schemas of the API tokens (machine clients). The secret itself is never listed. */
import { Type } from '@fastify/type-provider-typebox';

export const TokenSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    scopes: Type.Array(Type.String()),
    createdAt: Type.String(),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
    revokedAt: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'ApiToken' },
);

export const TokenListSchema = Type.Object({ items: Type.Array(TokenSchema) });
export const TokenScopeListSchema = Type.Object({
  items: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
});
export const TokenCreateBody = Type.Object({
  name: Type.String({ maxLength: 100 }),
  scopes: Type.Array(Type.String(), { maxItems: 20 }),
  expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
});
/** The plaintext token is in this answer once and never again. */
export const CreatedTokenSchema = Type.Object({ token: Type.String(), item: TokenSchema });
