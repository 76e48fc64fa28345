import { Type } from '@fastify/type-provider-typebox';
import { ROLES, type Role } from '../../domain/accounts.ts';

export const RoleKey = Type.Unsafe<Role>({ type: 'string', enum: [...ROLES] });

/** Who an account is: the first fields of every view of one (Me, 我的账号, the user list). */
export const accountIdentity = {
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  agencyId: Type.String(),
  agencyName: Type.String(),
  roles: Type.Array(RoleKey),
};

export const Me = Type.Object(
  {
    ...accountIdentity,
    permissions: Type.Array(Type.String()),
    /** The password was set by someone else: the API refuses everything but changing it (and me, logout). */
    mustChangePassword: Type.Boolean(),
  },
  { $id: 'Me' },
);

export const SessionView = Type.Object({ user: Me, csrfToken: Type.String() });

/** A password as typed: never empty, bounded so hashing an enormous one cannot tie up the server. */
const passwordInput = (options: { title?: string } = {}) => Type.String({ minLength: 1, maxLength: 256, ...options });

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64, title: '用户名' }),
  password: passwordInput({ title: '密码' }),
});

export const PasswordChangeBody = Type.Object({
  currentPassword: passwordInput(),
  newPassword: passwordInput(),
});
