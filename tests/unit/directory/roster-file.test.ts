import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeRosterFile, MAX_ROSTER_BYTES } from '../../../bot/src/features/directory/domain/roster-file.js';

const TEXT = '職員番号,氏名,部,課,職層,メールアドレス\r\n1001,品川 太郎,企画経営部,デジタル推進課,主事,taro@example.jp\r\n';
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const sjis = (text: string) => new Uint8Array(iconv.encode(text, 'cp932'));

describe('reading the bytes of a roster file', () => {
  it('when the file is UTF-8 without a BOM, then it is read as UTF-8', () => {
    expect(decodeRosterFile(utf8(TEXT))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8' });
  });

  it('when the file is UTF-8 with a BOM, then the BOM is dropped and the text is the same', () => {
    expect(decodeRosterFile(utf8(`\uFEFF${TEXT}`))).toEqual({ ok: true, text: TEXT, encoding: 'utf-8-bom' });
  });

  it('when Excel wrote the file in Shift_JIS (CP932, with ① and ㈱), then it is detected and read without asking', () => {
    const text = `${TEXT}1002,髙橋 ①,㈱部,課,主任,b@example.jp\r\n`;
    expect(decodeRosterFile(sjis(text))).toEqual({ ok: true, text, encoding: 'shift_jis' });
  });

  it('when lines in two encodings were pasted together, then the file is refused naming the odd lines', () => {
    const mixed = Buffer.concat([sjis(TEXT), sjis('1002,大井 花子,企画経営部,デジタル推進課,主任,h@example.jp\r\n'), utf8('1003,戸越 次郎,総務部,人事課,係長,j@example.jp\r\n')]);
    expect(decodeRosterFile(new Uint8Array(mixed))).toEqual({ ok: false, problem: { kind: 'mixed-encodings', lines: [4] } });
  });

  it('when the upload is an Excel workbook, a PDF or empty, then it is refused as not a CSV or empty', () => {
    expect(decodeRosterFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, problem: { kind: 'not-csv' } });
    expect(decodeRosterFile(utf8('%PDF-1.7\n...'))).toEqual({ ok: false, problem: { kind: 'not-csv' } });
    expect(decodeRosterFile(new Uint8Array())).toEqual({ ok: false, problem: { kind: 'empty' } });
    expect(decodeRosterFile(utf8('\uFEFF \r\n'))).toEqual({ ok: false, problem: { kind: 'empty' } });
  });

  it('when the file is over 10 MB, then it is refused before it is decoded', () => {
    expect(decodeRosterFile(new Uint8Array(MAX_ROSTER_BYTES + 1))).toEqual({ ok: false, problem: { kind: 'too-large', bytes: MAX_ROSTER_BYTES + 1 } });
  });
});
