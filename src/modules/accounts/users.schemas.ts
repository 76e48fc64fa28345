import { Type } from '@fastify/type-provider-typebox';
import { RoleKey } from '../auth/auth.schemas.ts';

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  roles: Type.Array(RoleKey),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  reachAgencyIds: Type.Array(Type.String()),
});

export const UserCreateBody = Type.Object({
  username: Type.String({ maxLength: 32 }),
  displayName: Type.String({ maxLength: 50 }),
  agencyId: Type.String({ minLength: 1 }),
  roles: Type.Array(Type.String(), { maxItems: 10 }),
  password: Type.String({ maxLength: 128 }),
  reachAgencyId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const UserPatchBody = Type.Object({
  displayName: Type.Optional(Type.String({ maxLength: 50 })),
  roles: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
});

export const RoleSchema = Type.Object({ key: RoleKey, name: Type.String(), description: Type.String(), system: Type.Boolean() });
