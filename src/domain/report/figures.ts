/**
 * The figures an annual report is assembled from, as the three record sources deliver them
 * (lifecycle.md "Counting for report year Y"): the catalog and power list (table 二 and the
 * overview's counts), the applications (table 三, at the finest grain: V2021 leaf outcomes,
 * six applicant columns, no totals) and the case register (table 四, no totals). Totals are
 * never part of the input: assembly adds them, which is what makes R1, R2 and R4 hold by
 * construction (report-formats.md §5).
 */
import type { Table4Key } from './format-types.ts';
import type { OutcomeKey } from './table3-rows.ts';

/** Six counts in APPLICANT_KINDS order: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
export type ApplicantCounts = readonly number[];

/** 第二十条第（一）项: 规章 or (行政)规范性文件 of one year. */
export interface DocumentFigures {
  /** 成文日期 in Y (V2019 本年新制作数量 = V2021 本年制发件数). */
  made: number;
  /** Published in Y (V2019 本年新公开数量). */
  published: number;
  /** Published by 31 December Y and not withdrawn by then (V2019 对外公开总数量). */
  publishedTotal: number;
  /** Became 废止 or 失效 in Y (V2021 本年废止件数). */
  repealed: number;
  /** 有效 on 31 December Y (V2021 现行有效件数). */
  inForce: number;
}

/** 第二十条第（五）（六）项: power-list items of one kind and the decisions taken under them. */
export interface PowerItemFigures {
  /** Items on 31 December Y−1 (V2019 上一年项目数量). */
  itemsPrevious: number;
  /** Items on 31 December Y (本年增/减 = itemsNow − itemsPrevious). */
  itemsNow: number;
  /** Decisions in Y (处理决定数量 / 本年处理决定数量), entered or imported with their source. */
  decisions: number;
}

/** 第二十条第（八）项 行政事业性收费. */
export interface FeeFigures {
  itemsPrevious: number;
  itemsNow: number;
  /** V2021 本年收费金额, in 万元 as the format prints it. */
  collectedWanYuan: number;
}

/** 第二十条第（九）项 政府集中采购 (V2019 only). */
export interface ProcurementFigures {
  projects: number;
  /** 采购总金额 in 元. */
  amountYuan: number;
}

/** One catalog category's count of items published in Y (for 一（一）of the overview). */
export interface CategoryCount {
  /** The agency's category name, e.g. 「机构职能类信息」. */
  name: string;
  count: number;
}

/** From the catalog and the power list (catalogFigures). */
export interface CatalogFigures {
  documents: { rules: DocumentFigures; normative_docs: DocumentFigures };
  powerList: {
    licensing: PowerItemFigures;
    other_services: PowerItemFigures;
    penalty: PowerItemFigures;
    enforcement: PowerItemFigures;
    fees: FeeFigures;
    procurement: ProcurementFigures;
  };
  /** Catalog items published in Y, in total and by the agency's categories, in display order. */
  published: { total: number; categories: CategoryCount[] };
  /** Figures from outside systems (第二十条（五）（六）（八）（九）) nobody entered, counted as 0: shown as warnings. */
  unentered?: string[];
}

/** From the applications (applicationFigures), counted per lifecycle.md. */
export interface ApplicationFigures {
  received: ApplicantCounts;
  carriedIn: ApplicantCounts;
  /** Applications closed in Y, by outcome (V2021 leaves). */
  closed: Record<OutcomeKey, ApplicantCounts>;
  carriedOut: ApplicantCounts;
  /** 信息处理费 collected in Y in 元, if the applications module tracks it (reported under 六 from 2021). */
  feesCollectedYuan?: number | null;
}

/** One table 四 group without its total. */
export interface CaseCounts {
  upheld: number;
  corrected: number;
  other: number;
  pending: number;
  /**
   * Of these, cases filed before 1 January of the year and still pending then (上年结转); not a
   * table column, only for the narrative's 「含上年结转N件」. Absent when the source cannot tell.
   */
  carriedIn?: number;
}

/** From the case register (caseFigures). */
export type CaseFigures = Record<Table4Key, CaseCounts>;

/** All three sources for one (agency or subtree, year). */
export interface ReportFigures {
  catalog: CatalogFigures;
  applications: ApplicationFigures;
  cases: CaseFigures;
}
