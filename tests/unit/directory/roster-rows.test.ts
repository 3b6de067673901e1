import { describe, expect, it } from 'vitest';
import { JOB_LEVEL_SPELLINGS, jobLevelOfSpelling } from '../../../bot/src/features/directory/domain/job-level-spellings.js';
import { MAX_ROSTER_ROWS, parseRosterText } from '../../../bot/src/features/directory/domain/roster-rows.js';

const HEADER = '職員番号,氏名,部,課,職層,メールアドレス,在籍';
const file = (...lines: string[]) => [HEADER, ...lines].join('\r\n');
const ja = (errors: { line: number; column: string | undefined; message: { ja: string } }[]) => errors.map((error) => ({ line: error.line, column: error.column, message: error.message.ja }));

describe('reading the lines of HR\'s roster', () => {
  it('when columns come in any order with extra ones, then each row is read by its header name', () => {
    const parsed = parseRosterText('備考,メールアドレス,職層,課,部,氏名,職員番号\r\nx,Taro@Example.JP,主事,デジタル推進課,企画経営部,品川 太郎,1001\r\n');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows).toEqual([{ staffNumber: '1001', name: '品川 太郎', division: '企画経営部', section: 'デジタル推進課', jobLevel: 'general', upn: 'taro@example.jp', status: 'active' }]);
  });

  it('when HR spells 職層 its own way, then the mapping table gives the policy level', () => {
    expect(jobLevelOfSpelling('主任')).toBe('general');
    expect(jobLevelOfSpelling('課長補佐')).toBe('chief');
    expect(jobLevelOfSpelling(' 部長 ')).toBe('manager');
    expect(jobLevelOfSpelling('係長')).toBe('chief');
    for (const [level, spellings] of Object.entries(JOB_LEVEL_SPELLINGS)) for (const spelling of spellings) expect(jobLevelOfSpelling(spelling)).toBe(level);
  });

  it('when 在籍 says 休職 or 退職, then the row carries that status; empty means in post', () => {
    const parsed = parseRosterText(file('1,a,部,課,主事,a@x.jp,休職', '2,b,部,課,主事,b@x.jp,退職', '3,c,部,課,主事,c@x.jp,'));
    expect(parsed.rows.map((row) => row.status)).toEqual(['on-leave', 'left', 'active']);
  });

  it('when several lines are wrong, then every bad line is listed with its column and nothing is returned to apply', () => {
    const parsed = parseRosterText(
      file(
        '1001,品川 太郎,企画経営部,デジタル推進課,主事,taro@x.jp,',
        '1002,大井 花子,企画経営部,デジタル推進課,嘱託員,hanako@x.jp,',
        '1001,戸越 次郎,総務部,人事課,係長,jiro@x.jp,',
        '1004,五反田 三郎,総務部,人事課,課長,TARO@x.jp,',
        '1005,,総務部,人事課,課長,not-an-address,在籍中',
      ),
    );
    expect(parsed.rows).toEqual([]);
    expect(ja(parsed.errors)).toEqual([
      { line: 3, column: '職層', message: '職層「嘱託員」は対応表にありません。' },
      { line: 4, column: '職員番号', message: '職員番号 1001 が 2 行目と重複しています。' },
      { line: 5, column: 'メールアドレス', message: 'メールアドレス taro@x.jp が 2 行目と重複しています。' },
      { line: 6, column: '氏名', message: '「氏名」が空です。' },
      { line: 6, column: 'メールアドレス', message: 'メールアドレスの形式ではありません。' },
      { line: 6, column: '在籍', message: '在籍「在籍中」は 在籍 / 休職 / 退職 のいずれかにしてください。' },
    ]);
  });

  it('when a required column is missing, then the file is refused naming each missing column', () => {
    const parsed = parseRosterText('職員番号,氏名,部,職層\r\n1,a,b,主事\r\n');
    expect(ja(parsed.errors).map((error) => error.column)).toEqual(['課', 'メールアドレス']);
    expect(parsed.errors[0]!.message.ja).toBe('必須の列「課」がありません。');
  });

  it('when a cell looks like a formula, then it is kept as the text HR wrote', () => {
    const parsed = parseRosterText(file('1,"=HYPERLINK(""http://evil"")",企画経営部,=1+1,主事,a@x.jp,', '2,@SUM(A1),企画経営部,-2+3,主事,b@x.jp,'));
    expect(parsed.rows.map((r) => [r.name, r.section])).toEqual([['=HYPERLINK("http://evil")', '=1+1'], ['@SUM(A1)', '-2+3']]);
  });

  it('when the file has only a header, or more than 20,000 rows, then it is refused with one message', () => {
    expect(parseRosterText(HEADER).errors[0]!.message.ja).toBe('職員の行がありません。');
    const many = file(...Array.from({ length: MAX_ROSTER_ROWS + 1 }, (_, index) => `${index},a,b,c,主事,p${index}@x.jp,`));
    expect(parseRosterText(many).errors).toHaveLength(1);
    expect(parseRosterText(many).errors[0]!.message.en).toContain('20000');
  });

  it('when a quote is never closed, then the line where reading stopped is named', () => {
    const parsed = parseRosterText(file('1,a,b,c,主事,a@x.jp,', '2,"b,c,d,主事,b@x.jp,'));
    expect(parsed.errors).toHaveLength(1);
    expect(parsed.errors[0]!.line).toBeGreaterThanOrEqual(3);
  });
});
