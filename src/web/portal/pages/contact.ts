import type { AgencyContact } from '../../../domain/agency.ts';

/**
 * The office contact elements 第十二条 requires of the 政府信息公开指南, as label/value pairs in
 * the order pages show them. Empty values are kept; pages decide whether to show them.
 */
export function contactEntries(c: AgencyContact): Array<[string, string]> {
  return [
    ['办公地址', c.address],
    ['邮政编码', c.postcode],
    ['办公时间', c.hours],
    ['联系电话', c.phone],
    ['传真号码', c.fax],
    ['电子邮箱', c.email],
  ];
}
