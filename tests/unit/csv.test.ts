import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../bot/src/kernel/domain/csv.js';

describe('the one CSV writer', () => {
  it('when rows are written, then the text starts with a BOM and every record ends with CRLF', () => {
    expect(toCsv([['職員ID', '氏名'], ['e1', '品川 太郎']])).toBe('\uFEFF職員ID,氏名\r\ne1,品川 太郎\r\n');
  });

  it('when a text starts like a formula, then it is defused with a leading quote mark', () => {
    expect(toCsv([['=1+1', '+SUM(A1)', '@A1', '-2+3']])).toBe("\uFEFF'=1+1,'+SUM(A1),'@A1,'-2+3\r\n");
  });

  it('when a value is a negative number or missing, then it is written as it is', () => {
    expect(toCsv([[-0.5, undefined, 3]])).toBe('\uFEFF-0.5,,3\r\n');
  });

  it('when a text holds a comma, quote or line break, then it is quoted (RFC 4180)', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});
