import { describe, expect, it } from 'vitest';
import { fieldErrors, validateApplicationFields, type ApplicationFields } from './validate.ts';

const good: ApplicationFields = {
  applicantKind: 'natural_person',
  applicantName: '张三',
  idDocType: 'resident_id',
  idNumber: '350502198506123013',
  phone: '13800138000',
  address: '泉州市洛江区万安街道1号',
  infoDescription: '2024年技术改造专项资金拨付明细',
  deliveryForm: 'electronic',
  deliveryMethod: 'online',
};

describe('第二十九条: the contents of an application', () => {
  it('a complete application passes', () => {
    expect(validateApplicationFields(good).applicantName).toBe('张三');
  });
  it('every problem is reported at once, beside its field, in Chinese', () => {
    const e = fieldErrors({
      applicantKind: 'x',
      applicantName: '',
      idDocType: 'resident_id',
      idNumber: '123',
      phone: '1',
      deliveryForm: '',
      deliveryMethod: '',
      infoDescription: '',
    });
    expect(Object.keys(e).sort()).toEqual([
      'applicantKind',
      'applicantName',
      'deliveryForm',
      'deliveryMethod',
      'idNumber',
      'infoDescription',
      'phone',
    ]);
    expect(e.infoDescription).toMatch(/第二十九条/);
  });
  it('an organisation needs a contact person and a credit code with a valid check digit', () => {
    const e = fieldErrors({
      ...good,
      applicantKind: 'commercial',
      idDocType: 'credit_code',
      idNumber: '91330100716105852G',
    });
    expect(e.contactPerson).toBeDefined();
    expect(e.idNumber).toMatch(/校验位/);
    expect(fieldErrors({ ...good, applicantKind: 'commercial', idDocType: 'resident_id' }).idDocType).toBeDefined();
  });
  it('the way of obtaining decides which contact is required', () => {
    expect(fieldErrors({ ...good, deliveryMethod: 'email' }).email).toMatch(/电子邮箱/);
    expect(fieldErrors({ ...good, deliveryMethod: 'post', address: '' }).address).toMatch(/通信地址/);
  });
});
