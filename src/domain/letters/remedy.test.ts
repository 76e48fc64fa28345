import { describe, expect, it } from 'vitest';
import { placeOf, remedyFor, type RemedyChainLink } from './remedy.ts';

const PROVINCE: RemedyChainLink = { name: '福建省人民政府', level: 'province' };
const CITY: RemedyChainLink = { name: '泉州市人民政府', level: 'city' };
const COUNTY: RemedyChainLink = { name: '泉州市洛江区人民政府', level: 'county' };
const TOWN: RemedyChainLink = { name: '泉州市洛江区河市镇人民政府', level: 'township' };
const dept = (name: string): RemedyChainLink => ({ name, level: 'department' });

describe('救济途径 from the agency tree (行政复议法 第二十四条, 行政诉讼法 第十四条、第十五条、第十八条)', () => {
  it('a county department: its own government reviews, the basic court of the county hears', () => {
    const r = remedyFor([dept('泉州市洛江区工业和信息化局'), COUNTY, CITY, PROVINCE]);
    expect(r).toMatchObject({
      reviewOrgan: '泉州市洛江区人民政府',
      court: '泉州市洛江区人民法院',
      reviewOrganCertain: true,
      courtCertain: true,
    });
    expect(r.reviewOrganBasis).toContain('第二十四条第一款第一项');
  });

  it('an office under a county department still goes to the county government and court', () => {
    const r = remedyFor([dept('某某执法大队'), dept('泉州市洛江区市场监督管理局'), COUNTY, CITY]);
    expect([r.reviewOrgan, r.court]).toEqual(['泉州市洛江区人民政府', '泉州市洛江区人民法院']);
  });

  it('a county government: the city government reviews, the city intermediate court hears (第十五条第一项)', () => {
    const r = remedyFor([COUNTY, CITY, PROVINCE]);
    expect([r.reviewOrgan, r.court]).toEqual(['泉州市人民政府', '泉州市中级人民法院']);
    expect(r.courtBasis).toContain('第十五条第一项');
  });

  it('a township: the county government reviews, the county basic court hears', () => {
    const r = remedyFor([TOWN, COUNTY, CITY]);
    expect([r.reviewOrgan, r.court]).toEqual(['泉州市洛江区人民政府', '泉州市洛江区人民法院']);
  });

  it('a city government: the province reviews, its own intermediate court hears', () => {
    const r = remedyFor([CITY, PROVINCE]);
    expect([r.reviewOrgan, r.court]).toEqual(['福建省人民政府', '泉州市中级人民法院']);
  });

  it('a province government reviews itself (第二十四条第二款); the court is left to the setting', () => {
    const r = remedyFor([PROVINCE]);
    expect(r.reviewOrgan).toBe('福建省人民政府');
    expect(r.courtCertain).toBe(false);
  });

  it("a city department: the city government reviews; which district's court is not in the tree", () => {
    const r = remedyFor([dept('泉州市教育局'), CITY, PROVINCE]);
    expect(r.reviewOrgan).toBe('泉州市人民政府');
    expect(r).toMatchObject({ court: '有管辖权的人民法院', courtCertain: false });
  });

  it("the agency's setting wins (集中管辖, a vertically managed office); blanks fall back", () => {
    const r = remedyFor([dept('国家税务总局泉州市洛江区税务局'), COUNTY, CITY], {
      reviewOrgan: '国家税务总局泉州市税务局',
      court: ' ',
    });
    expect(r).toMatchObject({
      reviewOrgan: '国家税务总局泉州市税务局',
      reviewOrganBasis: '本机关设置',
      court: '泉州市洛江区人民法院',
    });
    expect(remedyFor([COUNTY, CITY], { court: '泉州市丰泽区人民法院' }).court).toBe('泉州市丰泽区人民法院');
  });

  it('the place of a government is its name without 人民政府', () => {
    expect(placeOf('泉州市洛江区人民政府')).toBe('泉州市洛江区');
    expect(placeOf('福建省人民政府办公厅')).toBe('福建省');
  });
});
