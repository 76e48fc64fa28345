import { Type } from '@fastify/type-provider-typebox';
import { accountIdentity, RoleKey } from '../auth/auth.schemas.ts';

const ChangeKind = Type.Union([Type.Literal('grant'), Type.Literal('password_reset')]);
const ChangeRoles = Type.Union([Type.Array(RoleKey), Type.Null()]);
const UserStatus = Type.Union([Type.Literal('active'), Type.Literal('disabled')]);

/** A role grant or password reset awaiting the 安全保密管理员 (三员分立, docs/security.md). */
export const PendingChangeSchema = Type.Object(
  {
    id: Type.String(),
    kind: ChangeKind,
    roles: ChangeRoles,
    requestedByName: Type.String(),
    requestedAt: Type.String(),
  },
  { $id: 'PendingAccountChange' },
);

export const AccountChangeSchema = Type.Object(
  {
    id: Type.String(),
    userId: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    agencyId: Type.String(),
    kind: ChangeKind,
    roles: ChangeRoles,
    newAccount: Type.Boolean(),
    status: Type.Union([
      Type.Literal('pending'),
      Type.Literal('approved'),
      Type.Literal('rejected'),
      Type.Literal('superseded'),
    ]),
    requestedByName: Type.String(),
    requestedAt: Type.String(),
    decidedByName: Type.Union([Type.String(), Type.Null()]),
    decidedAt: Type.Union([Type.String(), Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'AccountChange' },
);

export const UserSchema = Type.Object(
  {
    ...accountIdentity,
    status: UserStatus,
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
    pendingChanges: Type.Array(PendingChangeSchema, { description: '待安全保密管理员批准的角色或重置密码申请' }),
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
  password: Type.Optional(
    Type.String({
      maxLength: 128,
      description: '不再填写：初始密码由安全保密管理员批准时生成并交付本人（三员分立）',
    }),
  ),
  reachAgencyId: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  email: Type.Optional(EmailInput),
  reminderEmail: Type.Optional(Type.Boolean()),
});

export const UserPatchBody = Type.Object({
  displayName: Type.Optional(Type.String({ maxLength: 50 })),
  roles: Type.Optional(Type.Array(Type.String(), { maxItems: 10 })),
  status: Type.Optional(UserStatus),
  email: Type.Optional(EmailInput),
  reminderEmail: Type.Optional(Type.Boolean()),
});

/** 我的账号 (GET/PATCH /api/v1/account). */
export const OwnAccountSchema = Type.Object({
  ...accountIdentity,
  email: Type.Union([Type.String(), Type.Null()]),
  reminderEmail: Type.Boolean(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
  pendingChanges: Type.Array(PendingChangeSchema),
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
