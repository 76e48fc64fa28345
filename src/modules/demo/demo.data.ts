/**
 * The demo platform: 福建省 → 泉州市 → 洛江区, whose 工业和信息化局 is the bureau of
 * ../shared/samples/reports/2020-luojiang-gxj.txt (its office telephone is the one printed
 * there), with sibling bureaus and a 镇. Addresses and other contacts are illustrative.
 */
import type { Role } from '../../domain/accounts.ts';
import type { AgencyContact, AgencyLevel } from '../../domain/agency.ts';

export interface DemoAgency {
  key: string;
  parent: string | null;
  name: string;
  shortName: string;
  code: string;
  level: AgencyLevel;
  makesRules: boolean;
  contact: Partial<AgencyContact>;
}

const HOURS = '工作日 上午8:00—12:00，下午14:30—17:30（法定节假日除外）';

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    key: 'fj',
    parent: null,
    name: '福建省人民政府',
    shortName: '福建省政府',
    code: 'fujian',
    level: 'province',
    makesRules: true,
    contact: { address: '福州市鼓楼区（演示数据）', hours: HOURS },
  },
  {
    key: 'qz',
    parent: 'fj',
    name: '泉州市人民政府',
    shortName: '泉州市政府',
    code: 'quanzhou',
    level: 'city',
    makesRules: true,
    contact: { address: '泉州市丰泽区（演示数据）', hours: HOURS },
  },
  {
    key: 'lj',
    parent: 'qz',
    name: '泉州市洛江区人民政府',
    shortName: '洛江区政府',
    code: 'luojiang',
    level: 'county',
    makesRules: false,
    contact: { address: '泉州市洛江区万安街道（演示数据）', postcode: '362011', hours: HOURS },
  },
  {
    key: 'lj-zfb',
    parent: 'lj',
    name: '泉州市洛江区人民政府办公室',
    shortName: '洛江区政府办',
    code: 'luojiang-zfb',
    level: 'department',
    makesRules: false,
    contact: { address: '泉州市洛江区万安街道（演示数据）', postcode: '362011', hours: HOURS },
  },
  {
    key: 'lj-gxj',
    parent: 'lj',
    name: '泉州市洛江区工业和信息化局',
    shortName: '洛江区工信局',
    code: 'luojiang-gxj',
    level: 'department',
    makesRules: false,
    contact: {
      address: '泉州市洛江区万安街道（演示数据）',
      postcode: '362011',
      hours: HOURS,
      phone: '0595-22630152',
      fax: '0595-22630152',
      email: 'ljgxj@example.gov.cn',
    },
  },
  {
    key: 'lj-czj',
    parent: 'lj',
    name: '泉州市洛江区财政局',
    shortName: '洛江区财政局',
    code: 'luojiang-czj',
    level: 'department',
    makesRules: false,
    contact: { address: '泉州市洛江区万安街道（演示数据）', hours: HOURS },
  },
  {
    key: 'lj-jyj',
    parent: 'lj',
    name: '泉州市洛江区教育局',
    shortName: '洛江区教育局',
    code: 'luojiang-jyj',
    level: 'department',
    makesRules: false,
    contact: { address: '泉州市洛江区万安街道（演示数据）', hours: HOURS },
  },
  {
    key: 'lj-hsz',
    parent: 'lj',
    name: '泉州市洛江区河市镇人民政府',
    shortName: '河市镇政府',
    code: 'luojiang-heshi',
    level: 'township',
    makesRules: false,
    contact: { address: '泉州市洛江区河市镇（演示数据）', hours: HOURS },
  },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  agency: string;
  roles: Role[];
  /** For a supervisor: the government whose subtree it reads. */
  reach?: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'gxj.clerk', displayName: '林登记（演示）', agency: 'lj-gxj', roles: ['clerk'] },
  { username: 'gxj.handler', displayName: '陈承办（演示）', agency: 'lj-gxj', roles: ['handler'] },
  { username: 'gxj.head', displayName: '黄主任（演示）', agency: 'lj-gxj', roles: ['office_head'] },
  { username: 'gxj.reviewer', displayName: '郑保密（演示）', agency: 'lj-gxj', roles: ['confidentiality_reviewer'] },
  { username: 'gxj.approver', displayName: '王审核（演示）', agency: 'lj-gxj', roles: ['approver'] },
  { username: 'gxj.admin', displayName: '吴管理（演示）', agency: 'lj-gxj', roles: ['agency_admin'] },
  { username: 'zfb.supervisor', displayName: '许监督（演示）', agency: 'lj-zfb', roles: ['supervisor'], reach: 'lj' },
  { username: 'sys.admin', displayName: '系统管理员（演示）', agency: 'lj-zfb', roles: ['system_admin'] },
  { username: 'sec.admin', displayName: '安全管理员（演示）', agency: 'lj-zfb', roles: ['security_admin'] },
  { username: 'audit.admin', displayName: '审计管理员（演示）', agency: 'lj-zfb', roles: ['audit_admin'] },
];
