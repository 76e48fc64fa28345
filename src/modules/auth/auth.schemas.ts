import { Type } from '@fastify/type-provider-typebox';
import { ROLES, type Role } from '../../domain/accounts.ts';

export const RoleKey = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] });

export const Me = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    agencyId: Type.String(),
    agencyName: Type.String(),
    roles: Type.Array(RoleKey),
    permissions: Type.Array(Type.String()),
    /** The password was set by someone else: the API refuses everything but changing it (and me, logout). */
    mustChangePassword: Type.Boolean(),
  },
  { $id: 'Me' },
);

export const SessionView = Type.Object({ user: Me, csrfToken: Type.String() });

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64, title: '用户名' }),
  password: Type.String({ minLength: 1, maxLength: 256, title: '密码' }),
});

export const PasswordChangeBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
});
