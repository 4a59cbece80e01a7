import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, isValidCreditCode } from './creditCode';
import { checkIdNumber, idNumberFacts, maskIdNumber } from './idNumber';

describe('credit code (GB 32100)', () => {
  it('accepts real codes, including a letter check character', () => {
    expect(checkCreditCode('914403001922038216')).toBeNull();
    expect(checkCreditCode('9144030071526726XG')).toBeNull();
  });
  it('accepts full-width input and lower case as typed with an IME', () => {
    expect(isValidCreditCode('９１４４０３００７１５２６７２６ｘｇ')).toBe(true);
  });
  it('accepts a rural collective (authority N) with a computed check', () => {
    const first17 = 'N2330100MA0000001';
    expect(checkCreditCode(first17 + creditCodeCheckChar(first17))).toBeNull();
  });
  it('names the problem', () => {
    expect(checkCreditCode('914403001922038217')).toBe('check');
    expect(checkCreditCode('91440300192203821')).toBe('length');
    expect(checkCreditCode('9144030019220382I6')).toBe('charset');
    expect(checkCreditCode('944403001922038216')).toBe('authority');
    expect(checkCreditCode('91A403001922038216')).toBe('region');
  });
  it('refuses a type code the authority does not issue', () => {
    const first17 = '95440300192203821';
    expect(checkCreditCode(first17 + creditCodeCheckChar(first17))).toBe('authority');
  });
});

describe('ID number (GB 11643)', () => {
  it('accepts a real number and derives birth date and gender', () => {
    expect(checkIdNumber('11010519491231002X')).toBeNull();
    expect(idNumberFacts('11010519491231002x')).toEqual({ birthDate: '1949-12-31', gender: 'female' });
  });
  it('names the problem', () => {
    expect(checkIdNumber('110105194912310021')).toBe('check');
    expect(checkIdNumber('11010519491232002X')).toBe('birthDate');
    expect(checkIdNumber('110105190002290025')).toBe('birthDate');
    expect(checkIdNumber('1101051949123100')).toBe('length');
    expect(checkIdNumber('1101051949123100X2')).toBe('charset');
  });
  it('refuses a birth date in the future', () => {
    expect(checkIdNumber('110105203001010015', '2026-11-28')).toBe('birthDate');
  });
  it('masks all but region and the last four', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
