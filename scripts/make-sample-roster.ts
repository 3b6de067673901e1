/**
 * Writes the two sample roster files `npm start` imports (bot/src/dev/sample-roster/), in Shift_JIS as Excel in
 * Japan saves them: March's file (the 30 demo people plus 30 more, HR's own 職層 spellings) and April's, with one
 * transfer (effective 4月1日) and one leaver. Run again only to change the samples: `tsx scripts/make-sample-roster.ts`.
 */
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { DEMO_DEPARTMENTS, DEMO_PEOPLE } from '../bot/src/dev/demo-data.js';

const SPELLING = { general: ['主事', '主任', '一般職'], chief: ['係長', '課長補佐'], manager: ['課長', '部長'] } as const;
// Family names no demo person has, so every name in the file is unique (the local stack links demo people by name).
const EXTRA_FAMILY = ['平和島', '御殿山', '勝島', '東海', '八ツ山', '池田山', '島津山', '花房山', '城南', '東大井'];
const EXTRA_GIVEN = ['一郎', '花子', '健', '美穂', '翔太', '由佳'];

const splitName = (departmentName: string) => departmentName.split(' ') as [string, string];
const rows: string[][] = DEMO_PEOPLE.map(([name, departmentId, jobLevel], index) => {
  const [division, section] = splitName(DEMO_DEPARTMENTS.find((department) => department.id === departmentId)!.name);
  return [`S${String(1001 + index)}`, name, division, section, SPELLING[jobLevel][index % SPELLING[jobLevel].length]!, `demo${String(index + 1).padStart(3, '0')}@city.shinagawa.example.jp`, '在籍'];
});
for (let index = 0; index < 30; index++) {
  const [division, section] = splitName(DEMO_DEPARTMENTS[index % DEMO_DEPARTMENTS.length]!.name);
  const level = index % 7 === 0 ? 'manager' : index % 3 === 0 ? 'chief' : 'general';
  const name = `${EXTRA_FAMILY[index % EXTRA_FAMILY.length]} ${EXTRA_GIVEN[index % EXTRA_GIVEN.length]}`;
  rows.push([`S${String(2001 + index)}`, `${name}${index >= EXTRA_FAMILY.length ? String(index) : ''}`, division, section, SPELLING[level][index % SPELLING[level].length]!, `staff${String(index + 1).padStart(3, '0')}@city.shinagawa.example.jp`, index === 29 ? '休職' : '在籍']);
}
if (new Set(rows.map((row) => row[1])).size !== rows.length) throw new Error('sample roster names must be unique');
const header = ['職員番号', '氏名', '部', '課', '職層', 'メールアドレス', '在籍', '備考'];
const write = (file: string, lines: string[][]) =>
  writeFileSync(new URL(`../bot/src/dev/sample-roster/${file}`, import.meta.url), iconv.encode([header, ...lines.map((line) => [...line, ''])].map((line) => line.join(',')).join('\r\n') + '\r\n', 'cp932'));

write('roster-2026-03.csv', rows);
// April: S2001 moves to 人事課 and is promoted to 係長; S2002 has left (absent from HR's file).
const april = rows.filter((row) => row[0] !== 'S2002').map((row) => (row[0] === 'S2001' ? [row[0]!, row[1]!, '総務部', '人事課', '係長', row[5]!, row[6]!] : row));
write('roster-2026-04.csv', april);
console.log(`sample rosters written: ${rows.length} and ${april.length} rows`);
