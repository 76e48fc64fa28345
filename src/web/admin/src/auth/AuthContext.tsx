/**
 * The session in the browser: who is signed in, what they may do, logging in and out, and
 * going back to the login page when the server says the session has ended (idle expiry).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Flex, Spin } from 'antd';
import { api, ApiError, onUnauthenticated, setCsrfToken } from '../api/client.ts';
import type { Me, Permission } from '../api/types.ts';
import { ForcedPasswordChange } from './ForcedPasswordChange.tsx';

/** Router location state of the login page. */
export interface LoginState {
  /** Where to go back after logging in (path + search). */
  from?: string;
}

/** Why the last session ended in this tab: the login page says so. */
export type SessionEnd = 'expired' | 'logout' | null;

interface AuthValue {
  /** 'loading' until /auth/me has answered once. */
  status: 'loading' | 'anonymous' | 'authenticated';
  me: Me | null;
  ended: SessionEnd;
  /** Throws the server's ApiError (wrong password, locked account, rate limit). */
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Reads the session again (after a forced password change). */
  refresh: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

/** The current session; only inside {@link AuthProvider}. */
export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** The signed-in user, for screens under {@link RequireAuth}. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}

/** Holds the session for everything below it; the router's root element. */
export function AuthProvider({ children }: { children?: ReactNode }) {
  const [status, setStatus] = useState<AuthValue['status']>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [ended, setEnded] = useState<SessionEnd>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.me(controller.signal).then(
      (session) => {
        setCsrfToken(session.csrfToken);
        setMe(session.user);
        setStatus('authenticated');
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        // Any failure (401, server down) means "not signed in"; the login page shows server errors.
        if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
        setStatus('anonymous');
      },
    );
    return () => controller.abort();
  }, []);

  // The session ended on the server (idle expiry, revoked): RequireAuth then sends the user to
  // the login page, remembering the page to come back to.
  const end = useCallback((reason: SessionEnd) => {
    setCsrfToken(null);
    setMe(null);
    setEnded(reason);
    setStatus('anonymous');
  }, []);
  useEffect(() => onUnauthenticated(() => end('expired')), [end]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await api.login(username, password);
    setCsrfToken(session.csrfToken);
    setMe(session.user);
    setEnded(null);
    setStatus('authenticated');
  }, []);

  const refresh = useCallback(async () => {
    const session = await api.me();
    setCsrfToken(session.csrfToken);
    setMe(session.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      end('logout');
    }
  }, [end]);

  const value = useMemo<AuthValue>(
    () => ({ status, me, ended, login, logout, refresh, can: (p) => !!me && me.permissions.includes(p) }),
    [status, me, ended, login, logout, refresh],
  );
  return <AuthContext.Provider value={value}>{children ?? <Outlet />}</AuthContext.Provider>;
}

/** Full-window spinner while the session is being checked. */
export function FullPageSpin() {
  return (
    <Flex style={{ height: '100vh' }} align="center" justify="center">
      <Spin size="large" tip="正在加载…">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </Flex>
  );
}

/** Shows its routes only to a signed-in user; anyone else goes to the login page. */
export function RequireAuth() {
  const { status, ended, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'anonymous') {
    // After 退出 the next person starts from the dashboard, not from the previous user's page.
    const state: LoginState = ended === 'logout' ? {} : { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  // The server refuses everything else until then; the page stays where it was asked for.
  if (me?.mustChangePassword) return <ForcedPasswordChange />;
  return <Outlet />;
}
