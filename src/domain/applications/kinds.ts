/**
 * Request kinds and intake channels. A 政府信息公开申请 (第二十七条–第三十八条) is counted in
 * report table 三; a request to correct government records about oneself (第四十一条) is a
 * separate kind with its own outcomes and is not counted there.
 */
import type { Channel } from '../clock/types.ts';

export const REQUEST_KINDS = ['disclosure', 'records_correction'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  disclosure: '政府信息公开申请',
  records_correction: '更正申请（第四十一条）',
};

/** 第四十一条: corrected; transferred to the competent agency; told where to go; refused (not inaccurate). */
export const RECORDS_OUTCOMES = ['corrected', 'transferred', 'referred', 'refused'] as const;
export type RecordsOutcome = (typeof RECORDS_OUTCOMES)[number];
export const RECORDS_OUTCOME_LABELS: Record<RecordsOutcome, string> = {
  corrected: '已予更正并告知申请人',
  transferred: '无权更正，已转送有权更正的行政机关',
  referred: '无权更正，已告知申请人向有权更正的行政机关提出',
  refused: '经核实记录准确，不予更正',
};

/** Intake channels: the clock's channels plus an oral application transcribed by staff (第二十九条). */
export const INTAKE_CHANNELS = ['in-person', 'oral', 'post-signed', 'post-ordinary', 'online', 'email', 'fax'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
export const CHANNEL_LABELS: Record<IntakeChannel, string> = {
  'in-person': '当面提交',
  oral: '口头提出（代为填写）',
  'post-signed': '邮寄（签收）',
  'post-ordinary': '平常信函',
  online: '网上申请',
  email: '电子邮件',
  fax: '传真',
};

/** The clock's channel of an intake channel: an oral application is made in person. */
export function clockChannel(channel: IntakeChannel): Channel {
  return channel === 'oral' ? 'in-person' : channel;
}

/**
 * Whether the arrival is itself 收到申请之日 (第三十一条第一项, 第二项前段) or the clock waits for a
 * confirmation (平常信函, 互联网, 电子邮件, 传真: 第三十一条第二项后段, 第三项).
 */
export function receivedOnArrival(channel: IntakeChannel): boolean {
  return channel === 'in-person' || channel === 'oral' || channel === 'post-signed';
}

/** 当场答复 (第三十三条第一款) is possible only when the applicant is there. */
export function canAnswerOnSpot(channel: IntakeChannel): boolean {
  return channel === 'in-person' || channel === 'oral';
}

/** 第二十九条第二款第三项: the form of the information and how it is obtained. */
export const DELIVERY_FORMS = ['paper', 'electronic'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];
export const DELIVERY_FORM_LABELS: Record<DeliveryForm, string> = { paper: '纸质', electronic: '电子' };
export const DELIVERY_METHODS = ['post', 'email', 'pickup', 'online'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
};
