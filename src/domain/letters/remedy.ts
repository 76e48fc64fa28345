/**
 * 救济途径: which 行政复议机关 and which court a letter names, derived from the agency's place in
 * the tree, with the agency's own setting taking precedence (集中管辖, vertically managed
 * offices, special cases).
 *
 * 《行政复议法》(2023) 第二十四条: 县级以上地方各级人民政府 hears cases against its own working
 * departments (第一款第一项) and against the government one level below (第二项); 省、自治区、
 * 直辖市人民政府 also hears cases against itself (第二款). 第二十七条: 实行垂直领导的行政机关
 * (海关、金融、外汇管理、税务、国家安全…) → 上一级主管部门, which the tree does not know, so
 * such an agency sets its 复议机关 itself.
 * 《行政诉讼法》第十八条: the court of the place of the agency that acted; 第十四条 基层人民法院
 * hears first instance; 第十五条第一项: cases against 县级以上地方人民政府 go to the 中级人民法院.
 * Many places concentrate administrative cases in designated courts (集中管辖); the agency's
 * setting then names that court.
 */
import type { AgencyLevel } from '../agency.ts';
import { ValidationError } from '../errors.ts';

/** An agency and its ancestors, nearest first: `[self, parent, grandparent, …]`. */
export interface RemedyChainLink {
  name: string;
  level: AgencyLevel;
}

/** The agency's own setting; blank fields fall back to the derived value. */
export interface RemedyOverride {
  reviewOrgan?: string | null;
  court?: string | null;
}

export interface Remedy {
  /** 行政复议机关, e.g. 泉州市洛江区人民政府. */
  reviewOrgan: string;
  /** 管辖法院, e.g. 泉州市洛江区人民法院. */
  court: string;
  /** Where each came from: the agency's setting, or the rule applied (for the console). */
  reviewOrganBasis: string;
  courtBasis: string;
  /** The derivation could not name the body with certainty: the agency should set it. */
  reviewOrganCertain: boolean;
  courtCertain: boolean;
}

const GENERIC_COURT = '有管辖权的人民法院';
const GENERIC_REVIEW = '上一级行政机关';

/** 泉州市洛江区人民政府 → 泉州市洛江区; a name without the suffix is returned as it is. */
export function placeOf(governmentName: string): string {
  return governmentName.replace(/(人民政府|政府)(办公厅|办公室)?$/, '');
}

function isGovernmentLevel(level: AgencyLevel): boolean {
  return level !== 'department';
}

/** Derives 复议机关 and court from the chain and applies the agency's setting. */
export function remedyFor(chain: readonly RemedyChainLink[], override: RemedyOverride = {}): Remedy {
  const [self, ...ancestors] = chain;
  if (!self) throw new Error('remedyFor needs the agency itself');
  const governments = ancestors.filter((a) => isGovernmentLevel(a.level));
  const derived = derive(self, governments);
  const review = override.reviewOrgan?.trim();
  const court = override.court?.trim();
  return {
    reviewOrgan: review || derived.reviewOrgan,
    reviewOrganBasis: review ? '本机关设置' : derived.reviewOrganBasis,
    reviewOrganCertain: Boolean(review) || derived.reviewOrganCertain,
    court: court || derived.court,
    courtBasis: court ? '本机关设置' : derived.courtBasis,
    courtCertain: Boolean(court) || derived.courtCertain,
  };
}

function derive(self: RemedyChainLink, governments: readonly RemedyChainLink[]): Remedy {
  const nearest = governments[0];
  if (self.level === 'department') {
    // A working department (or an office under one): its own government hears the case (第二十四条第一款第一项).
    const reviewOrgan = nearest?.name ?? GENERIC_REVIEW;
    const court = basicCourt(governments);
    return {
      reviewOrgan,
      reviewOrganBasis: nearest
        ? '《行政复议法》第二十四条第一款第一项：本级人民政府'
        : '无上级人民政府，请设置复议机关',
      reviewOrganCertain: Boolean(nearest),
      ...court,
    };
  }
  // A government.
  if (self.level === 'province') {
    return {
      reviewOrgan: self.name,
      reviewOrganBasis: '《行政复议法》第二十四条第二款：省级人民政府管辖对本机关的复议',
      reviewOrganCertain: true,
      court: '有管辖权的中级人民法院',
      courtBasis: '《行政诉讼法》第十五条第一项：中级人民法院；请设置具体法院',
      courtCertain: false,
    };
  }
  const reviewOrgan = nearest?.name ?? GENERIC_REVIEW;
  const reviewOrganBasis = nearest
    ? '《行政复议法》第二十四条第一款第二项：上一级人民政府'
    : '无上级人民政府，请设置复议机关';
  if (self.level === 'township') {
    return { reviewOrgan, reviewOrganBasis, reviewOrganCertain: Boolean(nearest), ...basicCourt(governments) };
  }
  // 县级以上地方人民政府: the intermediate court of the 设区的市 it lies in (第十五条第一项).
  const city = self.level === 'city' ? self : governments.find((g) => g.level === 'city');
  return {
    reviewOrgan,
    reviewOrganBasis,
    reviewOrganCertain: Boolean(nearest),
    court: city ? `${placeOf(city.name)}中级人民法院` : '有管辖权的中级人民法院',
    courtBasis: city
      ? '《行政诉讼法》第十五条第一项：县级以上地方人民政府为被告的案件由中级人民法院管辖'
      : '《行政诉讼法》第十五条第一项：中级人民法院；请设置具体法院',
    courtCertain: Boolean(city),
  };
}

/**
 * The 基层人民法院 of the county-level place the agency lies in (第十四条、第十八条), when the
 * tree shows one; a city's department may be in any of its districts, so it names none.
 */
function basicCourt(governments: readonly RemedyChainLink[]): Pick<Remedy, 'court' | 'courtBasis' | 'courtCertain'> {
  const county = governments.find((g) => g.level === 'county');
  const cityOrAbove = governments.findIndex((g) => g.level === 'city' || g.level === 'province');
  if (county && (cityOrAbove === -1 || governments.indexOf(county) < cityOrAbove))
    return {
      court: `${placeOf(county.name)}人民法院`,
      courtBasis: '《行政诉讼法》第十四条、第十八条：所在地基层人民法院',
      courtCertain: true,
    };
  return {
    court: GENERIC_COURT,
    courtBasis: '《行政诉讼法》第十八条：所在地人民法院；请设置具体法院',
    courtCertain: false,
  };
}

const NAME = /^[\p{Script=Han}A-Za-z0-9（）()·、\- ]*$/u;

/**
 * Checks an agency's 救济途径 setting: full names of at most 60 characters, the court a
 * 人民法院; blanks mean "derived". Returns the trimmed values or throws ValidationError per field.
 */
export function checkRemedySetting(input: { reviewOrgan: string; court: string }): {
  reviewOrgan: string;
  court: string;
} {
  const value = { reviewOrgan: input.reviewOrgan.trim(), court: input.court.trim() };
  const errors: Record<string, string> = {};
  for (const [field, label] of [
    ['reviewOrgan', '复议机关'],
    ['court', '管辖法院'],
  ] as const) {
    const v = value[field];
    if (v.length > 60) errors[field] = `${label}不超过60个字`;
    else if (!NAME.test(v)) errors[field] = `${label}请填写机关全称，不含标点符号以外的特殊字符`;
  }
  if (value.court && !/法院$/.test(value.court)) errors.court = '管辖法院应为人民法院的全称，如 泉州市洛江区人民法院';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return value;
}
