/**
 * The frame around every screen: top bar (product name, agency switcher, user and roles,
 * 我的账号, 修改密码, 退出), side menu from the navigation registry, and the screen itself.
 */
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Flex, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth, useMe } from '../auth/AuthContext.tsx';
import { ChangePasswordDialog } from '../auth/ChangePasswordDialog.tsx';
import { entryForPath, visibleEntries } from '../navigation.tsx';
import { roleLabel } from '../lib/roles.ts';
import { PRODUCT_NAME } from '../lib/ui.tsx';
import { AgencyProvider, useAgencySearch } from './AgencyContext.tsx';
import { AgencySwitcher } from './AgencySwitcher.tsx';

const HEADER_BG = '#123f7a';

function TopBar() {
  const me = useMe();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const search = useAgencySearch();
  const [passwordOpen, setPasswordOpen] = useState(false);
  return (
    <Layout.Header
      className="app-header"
      style={{ background: HEADER_BG, color: '#fff', height: 'auto', lineHeight: 'normal', padding: '10px 24px' }}
    >
      <Flex align="center" justify="space-between" wrap gap={16}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {PRODUCT_NAME}
        </Typography.Text>
        <Flex align="center" wrap gap={16} style={{ color: '#fff' }}>
          <AgencySwitcher />
          <Flex align="center" gap={6} wrap role="group" aria-label="当前用户">
            <UserOutlined aria-hidden />
            <span>{me.displayName}</span>
            {me.roles.map((r) => (
              <Tag key={r} color="blue" style={{ marginInlineEnd: 0 }}>
                {roleLabel(r)}
              </Tag>
            ))}
          </Flex>
          <Button ghost icon={<UserOutlined />} onClick={() => navigate({ pathname: '/account', search })}>
            我的账号
          </Button>
          <Button ghost icon={<LockOutlined />} onClick={() => setPasswordOpen(true)}>
            修改密码
          </Button>
          <Button ghost icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </Flex>
      </Flex>
      <ChangePasswordDialog open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout.Header>
  );
}

function SideMenu() {
  const me = useMe();
  const { pathname } = useLocation();
  const search = useAgencySearch();
  const current = entryForPath(pathname);
  const items = visibleEntries(me.permissions).map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: <Link to={{ pathname: `/${entry.path}`, search }}>{entry.label}</Link>,
  }));
  return (
    <Layout.Sider
      theme="light"
      breakpoint="lg"
      collapsedWidth={0}
      width={200}
      style={{ borderRight: '1px solid #e8e8e8' }}
    >
      <nav aria-label="主菜单">
        <Menu mode="inline" items={items} selectedKeys={current ? [current.key] : []} style={{ borderInlineEnd: 0 }} />
      </nav>
    </Layout.Sider>
  );
}

/** The signed-in frame; screens render in its Outlet. */
export function AppLayout() {
  return (
    <AgencyProvider>
      <a className="skip-link" href="#main">
        跳到主要内容
      </a>
      <Layout style={{ minHeight: '100vh' }}>
        <TopBar />
        <Layout>
          <SideMenu />
          <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, minWidth: 0 }}>
            <Suspense fallback={<Spin style={{ display: 'block', marginTop: 64 }} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </AgencyProvider>
  );
}
