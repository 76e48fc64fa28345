/** Hand-made figures for tests of assembly, narrative and exports. */
import type { ReportFigures } from './figures.ts';
import { emptyFigures } from './figures-empty.ts';

/** The 2020 figures of 洛江区工信局 as the catalog and power list hold them (sample report §二). */
export function luojiang2020(): ReportFigures {
  const f = emptyFigures();
  f.catalog.documents.normative_docs = { made: 1, published: 1, publishedTotal: 2, repealed: 0, inForce: 2 };
  f.catalog.powerList.licensing = { itemsPrevious: 4, itemsNow: 4, decisions: 1 };
  f.catalog.powerList.other_services = { itemsPrevious: 7, itemsNow: 7, decisions: 21 };
  f.catalog.powerList.penalty = { itemsPrevious: 50, itemsNow: 50, decisions: 0 };
  f.catalog.powerList.enforcement = { itemsPrevious: 3, itemsNow: 3, decisions: 0 };
  f.catalog.published = {
    total: 16,
    categories: [
      { name: '机构职能类信息', count: 1 },
      { name: '政策、规范性文件类信息', count: 1 },
      { name: '行政许可类', count: 1 },
      { name: '安全生产类信息', count: 4 },
      { name: '其他类信息', count: 9 },
    ],
  };
  return f;
}
