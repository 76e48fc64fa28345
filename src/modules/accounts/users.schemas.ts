import { Type } from '@fastify/type-provider-typebox';
import { RoleKey } from '../auth/auth.schemas.ts';

export const UserSchema = Type.Object(
  {
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
    email: Type.Union([Type.String(), Type.Null()], {
      description: '电子邮箱全文：仅可管理该账号者可见，其他人为 null',
    }),
    emailMasked: Type.Union([Type.String(), Type.Null()], {
      description: '列表中显示的邮箱（如 c***@example.gov.cn）；null 表示未设置邮箱',
    }),
    reminderEmail: Type.Boolean({ description: '是否接收期限提醒邮件' }),
  },
  { $id: 'User' },
);

const EmailInput = Type.Union([Type.String({ maxLength: 300 }), Type.Null()], {
  description: '工作邮箱，用于期限提醒；空字符串或 null 表示不设置',
});

export const UserCreateBody = Type.Object({
  username: Type.String({ maxLength: 32 }),
  displayName: Type.String({ maxLength: 50 }),
  agencyId: Type.String({ minLength: 1 }),
  roles: Type.Array(Type.String(), { maxItems: 10 }),
  password: Type.String({ maxLength: 128 }),
  reachAgencyId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  email: Type.Optional(EmailInput),
  reminderEmail: Type.Optional(Type.Boolean()),
});

export const UserPatchBody = Type.Object({
  displayName: Type.Optional(Type.String({ maxLength: 50 })),
  roles: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  email: Type.Optional(EmailInput),
  reminderEmail: Type.Optional(Type.Boolean()),
});

/** 我的账号 (GET/PATCH /api/v1/account). */
export const OwnAccountSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  roles: Type.Array(RoleKey),
  email: Type.Union([Type.String(), Type.Null()]),
  reminderEmail: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});

export const OwnAccountPatchBody = Type.Object(
  { email: Type.Optional(EmailInput), reminderEmail: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

export const RoleSchema = Type.Object({
  key: RoleKey,
  name: Type.String(),
  description: Type.String(),
  system: Type.Boolean(),
});
