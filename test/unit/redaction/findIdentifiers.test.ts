import { describe, expect, it } from 'vitest';
import { isIbanValid, isLuhnValid } from '../../../src-main/redaction/checkDigits';
import { findIdentifiers } from '../../../src-main/redaction/findIdentifiers';
import { initialsOf, keepBirthYear, maskKeepingLast, maskMailbox } from '../../../src-main/contract/keptPart';

const only = (text: string, optIn?: ('email' | 'phone')[]) =>
  findIdentifiers(text, optIn ? { optIn } : {}).map((f) => ({ category: f.category, value: f.value, kept: f.kept, rule: f.rule }));

describe('check digits', () => {
  it('Luhn accepts test card numbers and refuses one digit off', () => {
    for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117']) expect(isLuhnValid(n), n).toBe(true);
    for (const n of ['4111111111111112', '5555555555554445', '12a4', '']) expect(isLuhnValid(n), n).toBe(false);
  });
  it('IBAN mod-97 accepts published examples and refuses a changed digit or a wrong country length', () => {
    expect(isIbanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isIbanValid('GB82WEST12345698765432')).toBe(true);
    expect(isIbanValid('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isIbanValid('DE89370400440532013')).toBe(false);
    expect(isIbanValid('XX00')).toBe(false);
  });
});

describe('kept part (Rule 5.2(a))', () => {
  it('keeps the last four digits, the birth year, initials, the mail domain', () => {
    expect(maskKeepingLast('123-45-6789', 4)).toBe('XXX-XX-6789');
    expect(maskKeepingLast('4111 1111 1111 1111', 4)).toBe('XXXX XXXX XXXX 1111');
    expect(keepBirthYear('03/14/1985')).toBe('XX/XX/1985');
    expect(keepBirthYear('March 14, 1985')).toBe('XXXXX XX, 1985');
    expect(keepBirthYear('14.03.85')).toBe('XX.XX.XX');
    expect(initialsOf('jane Q. Doe')).toBe('J.Q.D.');
    expect(maskMailbox('jane.doe@example.com')).toBe('XXXX.XXX@example.com');
  });
});

describe('findIdentifiers', () => {
  it('finds SSNs and ITINs with separators and refuses numbers the SSA never issues', () => {
    expect(only('SSN 123-45-6789 and ITIN 912-70-1234.')).toEqual([
      { category: 'ssn', value: '123-45-6789', kept: 'XXX-XX-6789', rule: '5.2(a)(1)' },
      { category: 'itin', value: '912-70-1234', kept: 'XXX-XX-1234', rule: '5.2(a)(1)' },
    ]);
    for (const bad of ['000-12-3456', '666-12-3456', '123-00-4567', '123-45-0000', '912-66-1234', '123-45 6789', '9123-45-6789']) {
      expect(only(`id ${bad} here`), bad).toEqual([]);
    }
  });
  it('flags a bare nine-digit number only after an SSN or EIN label', () => {
    expect(only('order 123456789 shipped')).toEqual([]);
    expect(only('SSN: 123456789')[0]).toMatchObject({ category: 'ssn', kept: 'XXXXX6789' });
    expect(only('EIN 123456789')[0]).toMatchObject({ category: 'ein', kept: 'XXXXX6789' });
  });
  it('finds EINs with a prefix the IRS assigns', () => {
    expect(only('EIN 12-3456789')).toEqual([{ category: 'ein', value: '12-3456789', kept: 'XX-XXX6789', rule: '5.2(a)(1)' }]);
    expect(only('ref 07-1234567')).toEqual([]);
  });
  it('finds payment cards only when the Luhn check holds', () => {
    const found = only('paid with 4111 1111 1111 1111, refunded to 5555-5555-5555-4444 and 378282246310005; bad 4111111111111112');
    expect(found.map((f) => f.value)).toEqual(['4111 1111 1111 1111', '5555-5555-5555-4444', '378282246310005']);
    expect(found.every((f) => f.category === 'payment_card' && f.rule === '5.2(a)(4)')).toBe(true);
    expect(found[0]!.kept).toBe('XXXX XXXX XXXX 1111');
    expect(only('tracking 1234567890123456789012')).toEqual([]);
  });
  it('finds an IBAN by its checksum and stops before a following word in capitals', () => {
    expect(only('Wire to DE89 3704 0044 0532 0130 00 AMOUNT 5')).toEqual([
      { category: 'iban', value: 'DE89 3704 0044 0532 0130 00', kept: 'XXXX XXXX XXXX XXXX XX30 00', rule: '5.2(a)(4)' },
    ]);
    expect(only('Wire to DE89 3704 0044 0532 0130 01')).toEqual([]);
  });
  it('finds account numbers after "account"/"acct" and not elsewhere', () => {
    expect(only('Account No. 000123456789 closed')).toEqual([
      { category: 'account_number', value: '000123456789', kept: 'XXXXXXXX6789', rule: '5.2(a)(4)' },
    ]);
    expect(only('acct#: 55-0192-8876')[0]).toMatchObject({ value: '55-0192-8876', kept: 'XX-XXXX-8876' });
    expect(only('invoice 000123456789 closed')).toEqual([]);
    expect(only('account 12345')).toEqual([]);
  });
  it('finds birth dates after DOB/born and keeps the year', () => {
    expect(only('DOB: 03/14/1985; born on March 14, 1985; born 1985-03-14')).toEqual([
      { category: 'birth_date', value: '03/14/1985', kept: 'XX/XX/1985', rule: '5.2(a)(2)' },
      { category: 'birth_date', value: 'March 14, 1985', kept: 'XXXXX XX, 1985', rule: '5.2(a)(2)' },
      { category: 'birth_date', value: '1985-03-14', kept: '1985-XX-XX', rule: '5.2(a)(2)' },
    ]);
    expect(only('meeting on 03/14/1985')).toEqual([]);
  });
  it('finds e-mail addresses and phone numbers only when asked', () => {
    const text = 'Contact jane.doe@example.com or (555) 123-4567.';
    expect(only(text)).toEqual([]);
    expect(only(text, ['email', 'phone'])).toEqual([
      { category: 'email', value: 'jane.doe@example.com', kept: 'XXXX.XXX@example.com', rule: null },
      { category: 'phone', value: '(555) 123-4567', kept: '(XXX) XXX-XXXX', rule: null },
    ]);
  });
  it('gives each character to one detector, spans point at the value, context is one line', () => {
    const text = 'Card\n4111111111111111\nnext line';
    const [hit] = findIdentifiers(text, { optIn: ['phone'] });
    expect(findIdentifiers(text, { optIn: ['phone'] })).toHaveLength(1);
    expect(text.slice(hit!.start, hit!.end)).toBe('4111111111111111');
    expect(hit!.context).toBe('Card 4111111111111111 next line');
  });
});
