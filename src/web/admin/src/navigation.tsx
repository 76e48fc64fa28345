/**
 * The console's screens, in menu order. This is the one place a feature adds a screen:
 * one entry gives it a menu item, a route under /admin/<path>, a permission check and its own
 * lazily loaded code chunk. The menu shows only the entries whose permission the user holds.
 * See docs/admin-console.md.
 */
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BulbOutlined,
  CalendarOutlined,
  CommentOutlined,
  ContainerOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FundOutlined,
  ImportOutlined,
  KeyOutlined,
  MailOutlined,
  MedicineBoxOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from './api/types.ts';

/** One screen of the console. */
export interface NavEntry {
  /** Stable identifier; also the menu item's key. */
  key: string;
  /** Chinese menu label; the screen's heading should use the same words. */
  label: string;
  icon: ReactNode;
  /** Route below /admin/, without a leading slash. */
  path: string;
  /** Permission (Me.permissions) needed to see the entry and open the screen. */
  permission: Permission;
  /** The screen, loaded on first visit. Its module must `export default` the component. */
  component: LazyExoticComponent<ComponentType>;
}

/** Every screen, in menu order. */
export const navigation: readonly NavEntry[] = [
  {
    key: 'dashboard',
    label: '工作台',
    icon: <DashboardOutlined />,
    path: 'dashboard',
    permission: 'dashboard.read',
    component: lazy(() => import('./pages/dashboard/DashboardPage.tsx')),
  },
  {
    key: 'applications',
    label: '依申请公开',
    icon: <FileSearchOutlined />,
    path: 'applications',
    permission: 'applications.read',
    component: lazy(() => import('./pages/applications/ApplicationsPage.tsx')),
  },
  {
    key: 'application-suggestions',
    label: '第四十四条建议',
    icon: <BulbOutlined />,
    path: 'application-suggestions',
    permission: 'applications.read',
    component: lazy(() => import('./pages/applications-settings/SuggestionsPage.tsx')),
  },
  {
    key: 'application-tools',
    label: '申请导入与编号',
    icon: <ImportOutlined />,
    path: 'application-tools',
    permission: 'applications.read',
    component: lazy(() => import('./pages/applications-settings/ApplicationToolsPage.tsx')),
  },
  {
    key: 'agencies',
    label: '机构管理',
    icon: <ApartmentOutlined />,
    path: 'agencies',
    permission: 'agencies.read',
    component: lazy(() => import('./pages/agencies/AgenciesPage.tsx')),
  },
  {
    key: 'users',
    label: '用户与角色',
    icon: <TeamOutlined />,
    path: 'users',
    permission: 'users.read',
    component: lazy(() => import('./pages/users/UsersPage.tsx')),
  },
  {
    key: 'account-changes',
    label: '账号变更审批',
    icon: <SafetyCertificateOutlined />,
    path: 'account-changes',
    permission: 'account_changes.read',
    component: lazy(() => import('./pages/account-changes/AccountChangesPage.tsx')),
  },
  {
    key: 'tokens',
    label: 'API 令牌',
    icon: <KeyOutlined />,
    path: 'tokens',
    permission: 'tokens.manage',
    component: lazy(() => import('./pages/tokens/TokensPage.tsx')),
  },
  {
    key: 'calendar',
    label: '节假日安排',
    icon: <CalendarOutlined />,
    path: 'calendar',
    permission: 'calendar.read',
    component: lazy(() => import('./pages/calendar/CalendarPage.tsx')),
  },
  {
    key: 'audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    path: 'audit',
    permission: 'audit.read',
    component: lazy(() => import('./pages/audit/AuditPage.tsx')),
  },
  {
    key: 'catalog',
    label: '主动公开',
    icon: <FileTextOutlined />,
    path: 'catalog',
    permission: 'catalog.read',
    component: lazy(() => import('./pages/catalog/CatalogPage.tsx')),
  },
  {
    key: 'power-list',
    label: '第二十条数据',
    icon: <BarChartOutlined />,
    path: 'power-list',
    permission: 'catalog.figures',
    component: lazy(() => import('./pages/catalog/FiguresPage.tsx')),
  },
  {
    key: 'catalog-settings',
    label: '专栏设置',
    icon: <SettingOutlined />,
    path: 'catalog-settings',
    permission: 'catalog.settings',
    component: lazy(() => import('./pages/catalog/SettingsPage.tsx')),
  },
  {
    key: 'reports',
    label: '年度报告',
    icon: <ProfileOutlined />,
    path: 'reports',
    permission: 'reports.read',
    component: lazy(() => import('./pages/reports/ReportsPage.tsx')),
  },
  {
    key: 'supervision',
    label: '监督统计',
    icon: <FundOutlined />,
    path: 'supervision',
    permission: 'supervision.read',
    component: lazy(() => import('./pages/supervision/SupervisionPage.tsx')),
  },
  {
    key: 'report-checks',
    label: '年报体检',
    icon: <MedicineBoxOutlined />,
    path: 'report-checks',
    permission: 'report_checks.read',
    component: lazy(() => import('./pages/report-checks/ReportChecksPage.tsx')),
  },
  {
    key: 'cases',
    label: '复议诉讼',
    icon: <SafetyCertificateOutlined />,
    path: 'cases',
    permission: 'cases.read',
    component: lazy(() => import('./pages/cases/CasesPage.tsx')),
  },
  {
    key: 'complaints',
    label: '投诉举报',
    icon: <CommentOutlined />,
    path: 'complaints',
    permission: 'complaints.read',
    component: lazy(() => import('./pages/complaints/ComplaintsPage.tsx')),
  },
  {
    key: 'letters',
    label: '答复模板',
    icon: <ContainerOutlined />,
    path: 'letters',
    permission: 'letters.read',
    component: lazy(() => import('./pages/letters/LettersPage.tsx')),
  },
  {
    key: 'outbox',
    label: '发件箱',
    icon: <MailOutlined />,
    path: 'outbox',
    permission: 'outbox.read',
    component: lazy(() => import('./pages/outbox/OutboxPage.tsx')),
  },
];

/** The entries a user with these permissions may see, in menu order. */
export function visibleEntries(permissions: readonly string[]): NavEntry[] {
  return navigation.filter((entry) => permissions.includes(entry.permission));
}

/** The entry whose route contains `pathname` (relative to /admin), for highlighting the menu. */
export function entryForPath(pathname: string): NavEntry | undefined {
  const first = pathname.replace(/^\/+/, '').split('/')[0];
  return navigation.find((entry) => entry.path.split('/')[0] === first);
}
