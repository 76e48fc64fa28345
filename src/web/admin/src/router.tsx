/**
 * Routes of the console, under the /admin/ base: the login page, and the signed-in frame with
 * one route per entry of the navigation registry.
 */
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, useNavigate, type RouteObject } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { AuthProvider, RequireAuth, useMe } from './auth/AuthContext.tsx';
import LoginPage from './auth/LoginPage.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { useAgencySearch } from './layout/AgencyContext.tsx';
import { navigation, visibleEntries, type NavEntry } from './navigation.tsx';
import { useDocumentTitle } from './lib/ui.tsx';

/** 我的账号: every signed-in user's own page, reached from the top bar rather than the menu. */
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx'));

/** /admin/ opens the first screen the user may see (the dashboard for everyone who has it). */
function HomeRedirect() {
  const me = useMe();
  const search = useAgencySearch();
  const first = visibleEntries(me.permissions)[0];
  if (!first) {
    return <Result status="403" title="暂无可用功能" subTitle="您的账号尚未分配任何管理权限，请联系系统管理员。" />;
  }
  return <Navigate to={{ pathname: `/${first.path}`, search }} replace />;
}

/** A registry entry's screen, after checking the permission (the server checks it again). */
function Screen({ entry }: { entry: NavEntry }) {
  const me = useMe();
  if (!me.permissions.includes(entry.permission)) {
    return <Result status="403" title="无权访问" subTitle={`您的账号没有“${entry.label}”的权限。`} />;
  }
  const Component = entry.component;
  return (
    <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
      <Component />
    </Suspense>
  );
}

function NotFound() {
  useDocumentTitle('页面不存在');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已移动。"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

const routes: RouteObject[] = [
  {
    element: <AuthProvider />,
    children: [
      { path: 'login', element: <LoginPage /> },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              ...navigation.map((entry) => ({ path: `${entry.path}/*`, element: <Screen entry={entry} /> })),
              { path: 'account', element: <AccountPage /> },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
];

/** The router; the server serves index.html for every path under /admin/. */
export const router = createBrowserRouter(routes, { basename: '/admin' });
