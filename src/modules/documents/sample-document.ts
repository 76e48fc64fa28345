/**
 * A sample document that uses every feature of the model: title over two lines, 文号, headings
 * of all four levels, long paragraphs, a table with merged header cells longer than a page, the
 * signature. Tests render it; `npx tsx src/modules/documents/sample-document.ts OUTDIR` writes
 * it as DOCX and PDF for a look.
 */
import type { Cell, OfficialDocument } from './document.ts';

const ROWS: Array<[string, string]> = [
  ['（一）予以公开', '3'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '1'],
  ['1.属于国家秘密', '0'],
  ['2.其他法律行政法规禁止公开', '0'],
  ['3.危及“三安全一稳定”', '0'],
  ['4.保护第三方合法权益', '1'],
  ['5.属于三类内部事务信息', '0'],
  ['6.属于四类过程性信息', '0'],
  ['7.属于行政执法案卷', '0'],
  ['8.属于行政查询事项', '0'],
];

function table3Rows(repeat: number): Cell[][] {
  const rows: Cell[][] = [];
  for (let k = 0; k < repeat; k++) {
    ROWS.forEach(([label, n], i) => {
      const lead: Cell[] = i === 0 ? [{ text: `三、本年度办理结果（第${k + 1}组）`, rowSpan: ROWS.length }] : [];
      rows.push([...lead, { text: label, colSpan: 2, align: 'left' }, n, '0', '0', '0', '0', '0', n]);
    });
  }
  return rows;
}

export const SAMPLE_DOCUMENT: OfficialDocument = {
  title: '泉州市洛江区工业和信息化局\n2020年政府信息公开工作年度报告',
  subtitle: '洛工信〔2021〕1号',
  body: [
    {
      kind: 'paragraph',
      text: '本报告由泉州市洛江区工业和信息化局根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条的规定编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。',
    },
    { kind: 'heading', level: 1, text: '总体情况' },
    { kind: 'heading', level: 2, text: '主动公开情况' },
    {
      kind: 'paragraph',
      text: '2020年，我局通过政府信息公开专栏主动公开政府信息数16条。其中，机构职能类信息1条；政策文件类信息1条；规划计划类信息1条；工作动态类信息4条；其他类信息9条。',
    },
    { kind: 'heading', level: 3, text: '公开平台建设' },
    { kind: 'heading', level: 4, text: '专栏栏目调整' },
    {
      kind: 'paragraph',
      text: '按照《条例》第二十三条、第二十四条的要求，进一步完善政府信息公开专栏，做到信息发布及时、准确。',
    },
    {
      kind: 'table',
      caption: '三、收到和处理政府信息公开申请情况',
      columnWidths: [1.2, 1.6, 3.2, 1, 1, 1, 1, 1, 1, 1],
      head: [
        [
          { text: '本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和', rowSpan: 3, colSpan: 3 },
          { text: '申请人情况', colSpan: 7 },
        ],
        [
          { text: '自然人', rowSpan: 2 },
          { text: '法人或其他组织', colSpan: 5 },
          { text: '总计', rowSpan: 2 },
        ],
        ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
      ],
      rows: [
        [{ text: '一、本年新收政府信息公开申请数量', colSpan: 3, align: 'left' }, '4', '0', '0', '0', '0', '0', '4'],
        ...table3Rows(3),
      ],
    },
    { kind: 'paragraph', text: '特此报告。' },
  ],
  signature: { agency: '泉州市洛江区工业和信息化局', date: '2021-01-06' },
};

if (process.argv[1]?.endsWith('sample-document.ts')) {
  const out = process.argv[2] ?? '.';
  const { writeFileSync } = await import('node:fs');
  const { renderDocx, renderPdf } = await import('./index.ts');
  writeFileSync(`${out}/sample.docx`, await renderDocx(SAMPLE_DOCUMENT));
  writeFileSync(`${out}/sample.pdf`, await renderPdf(SAMPLE_DOCUMENT));
  console.log(`wrote ${out}/sample.docx and ${out}/sample.pdf`);
}
