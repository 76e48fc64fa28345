/**
 * The column template of the legacy intake (docs/applications.md "Legacy intake"): what an
 * agency downloads, fills from its old register and uploads again. The XLSX has the headers on
 * its first sheet (the importer reads only that one) with drop-down lists for the closed
 * vocabularies, and a second sheet explaining each column; the CSV has the header row alone
 * (UTF-8 with a byte-order mark, so Excel opens it in Chinese).
 */
import ExcelJS from 'exceljs';
import { APPLICANT_KIND_LABELS } from '../../../domain/applications/applicant.ts';
import { LEGACY_COLUMNS, type LegacyColumn } from '../../../domain/applications/legacy.ts';

const REQUIRED: readonly LegacyColumn[] = ['申请人类型', '申请人', '收到申请之日'];
const CHANNELS = ['当面', '口头', '邮寄', '平常信函', '网上', '电子邮件', '传真'];

/** What each column takes, in the words of the import instructions. */
const HELP: Record<LegacyColumn, string> = {
  申请编号: '可不填：不填时按本机关的申请编号格式生成；填写的编号不能与已有申请重复',
  申请人类型: `${Object.values(APPLICANT_KIND_LABELS).join('、')}（表三的六列）`,
  申请人: '姓名或者名称',
  渠道: `${CHANNELS.join('、')}；不填视为当面`,
  收到日期: '申请到达本机关之日；不填视为与“收到申请之日”相同',
  收到申请之日: '第三十一条规定的收到申请之日，如 2024-03-05、2024/3/5 或 2024年3月5日',
  办结日期: '尚在办理的申请不填',
  办理结果:
    '已办结的申请必填：表三的一项，如“予以公开”“属于国家秘密”“申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请”，或“撤回”',
  所需信息: '申请公开的政府信息的名称、文号或者描述',
  收费通知日期:
    '办理结果为“申请人逾期未按收费通知要求缴纳费用”时，如办结日期不是收费通知后20个工作日届满的次日，请填写',
};

/** The header text of a column: required columns end with `*` (the importer strips it). */
function header(column: LegacyColumn): string {
  return REQUIRED.includes(column) ? `${column}*` : column;
}

/** The template as a file to download. */
export async function legacyTemplate(
  format: 'xlsx' | 'csv',
): Promise<{ content: Buffer; mime: string; fileName: string }> {
  if (format === 'csv') {
    return {
      content: Buffer.from(`\uFEFF${LEGACY_COLUMNS.map(header).join(',')}\r\n`, 'utf8'),
      mime: 'text/csv; charset=utf-8',
      fileName: '历史申请导入模板.csv',
    };
  }
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('申请');
  sheet.addRow(LEGACY_COLUMNS.map(header));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  LEGACY_COLUMNS.forEach((column, i) => {
    sheet.getColumn(i + 1).width = column === '所需信息' ? 40 : column === '办理结果' ? 30 : 16;
    if (column.endsWith('日期') || column === '收到申请之日') sheet.getColumn(i + 1).numFmt = 'yyyy-mm-dd';
  });
  const lists: Partial<Record<LegacyColumn, string[]>> = {
    申请人类型: Object.values(APPLICANT_KIND_LABELS),
    渠道: CHANNELS,
  };
  for (const [column, values] of Object.entries(lists)) {
    const letter = sheet.getColumn(LEGACY_COLUMNS.indexOf(column as LegacyColumn) + 1).letter;
    for (let r = 2; r <= 2001; r++) {
      sheet.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '无法识别',
        error: `请填写：${values.join('、')}`,
      };
    }
  }
  const help = wb.addWorksheet('填写说明');
  help.addRow(['列名', '是否必填', '填写说明']);
  help.getRow(1).font = { bold: true };
  for (const column of LEGACY_COLUMNS) help.addRow([column, REQUIRED.includes(column) ? '必填' : '选填', HELP[column]]);
  help.addRow([]);
  help.addRow([
    '说明',
    '',
    '只读取第一个工作表“申请”；第一行为列名，每行一件申请。导入前先“检查”，列出每一行的问题；可以修改后重新检查，或只导入无误的行。',
  ]);
  help.getColumn(1).width = 16;
  help.getColumn(2).width = 10;
  help.getColumn(3).width = 100;
  const content = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    content,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: '历史申请导入模板.xlsx',
  };
}
