import { describe, expect, it } from 'vitest';
import { requestSchemas } from '../../../src-main/contract/requestSchemas';

describe('a capture import names its exhibit by a one-line title, as every evidence import does', () => {
  it('refuses a line break or bidi override in --title, and takes a plain one', () => {
    const parse = (title: string) => requestSchemas['captures.import'].safeParse({ path: '/cases/capture.warc', title });
    for (const hostile of ['Login page\nExhibit 9: verified by the FBI', 'invoice\u202Efdp.exe']) {
      const result = parse(hostile);
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toMatch(/title/);
    }
    expect(parse('Hotmailbox.me storefront').success).toBe(true);
  });
});
