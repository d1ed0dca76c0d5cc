import { describe, expect, it } from 'vitest';
import { caseUpdateSchema, orderCreateSchema, stakeholderCreateSchema } from '../../../src-main/contract/schemas';

const order = { title: 'TRO', docket: '1:23-cv-10685', court: 'S.D.N.Y.', order_type: 'tro' };

/**
 * Fields a filing prints on one line (a docket number in a caption, a registry contact's
 * organisation in Appendix A, a judge's name): a line break or control character in one would
 * print a line of its own. The site fields refuse them already; these did not.
 */
describe('fields printed on one line refuse line breaks and control characters', () => {
  it.each([
    ['an order docket', () => orderCreateSchema.safeParse({ ...order, docket: '1:23-cv-10685\nORDER VACATED' })],
    ['an order court', () => orderCreateSchema.safeParse({ ...order, court: 'S.D.N.Y.\r\nSealed' })],
    ['an order judge', () => orderCreateSchema.safeParse({ ...order, judge: 'Hon. A\u202Eevil' })],
    ['an ECF number', () => orderCreateSchema.safeParse({ ...order, ecf_number: '12\t13' })],
    ["a stakeholder's organisation", () => stakeholderCreateSchema.safeParse({ name: 'Registry', organization: 'Verisign\n    innocent-bank.com' })],
    ["a stakeholder's phone", () => stakeholderCreateSchema.safeParse({ name: 'Registry', phone: '+1 555\n0100' })],
    ["the case's docket number", () => caseUpdateSchema.safeParse({ docket_number: '1:23-cv-10685\nX' })],
  ])('%s', (_what, parse) => {
    const result = parse();
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(/line break|control|tab|bidi/i);
  });

  it('while the multi-line fields keep their lines (an address, an order caption, notes)', () => {
    expect(stakeholderCreateSchema.safeParse({ name: 'Registry', address: '12061 Bluemont Way\nReston, VA 20190', notes: 'a\nb' }).success).toBe(true);
    expect(orderCreateSchema.safeParse({ ...order, caption: 'MICROSOFT CORPORATION,\nPlaintiff,\nv.\nJOHN DOES 1-2' }).success).toBe(true);
  });
});
