import { parse } from 'csv-parse/sync';
import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';
import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import { jobLevelOfSpelling } from './job-level-spellings.js';

export const MAX_ROSTER_ROWS = 20_000;

/** 在籍: active staff count in audiences; 休職 (on leave) and 退職 (left) do not. */
export const STAFF_STATUSES = ['active', 'on-leave', 'left'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

/** One staff member as HR's file describes them. Everything is text as written (a cell `=1+1` stays that text). */
export interface RosterRow {
  staffNumber: string;
  name: string;
  division: string;
  section: string;
  jobLevel: JobLevel;
  /** メールアドレス, lower-cased: the UPN that links the row to a Teams identity. */
  upn: string;
  status: StaffStatus;
}

export interface RosterLineError {
  /** The line in the file (the header is line 1). */
  line: number;
  /** The header name of the column at fault, or undefined for the whole line or file. */
  column: string | undefined;
  message: LocalizedText;
}

export const ROSTER_COLUMNS = {
  staffNumber: '職員番号',
  name: '氏名',
  division: '部',
  section: '課',
  jobLevel: '職層',
  upn: 'メールアドレス',
  status: '在籍',
} as const;
type ColumnKey = keyof typeof ROSTER_COLUMNS;
const REQUIRED: ColumnKey[] = ['staffNumber', 'name', 'division', 'section', 'jobLevel', 'upn'];

const STATUS_SPELLINGS: Record<string, StaffStatus> = { '': 'active', 在籍: 'active', 在職: 'active', 休職: 'on-leave', 退職: 'left' };
const STAFF_NUMBER = /^[0-9A-Za-z-]{1,20}$/;
// A UPN is an e-mail address in form; anything stricter belongs to Entra.
const UPN = /^[^\s@",;<>]+@[^\s@",;<>]+\.[^\s@",;<>]+$/;
const MAX_TEXT = 100;

export type ParsedRoster = { rows: RosterRow[]; rowLines: number[]; errors: RosterLineError[] };

const cell = (value: string | undefined) => (value ?? '').normalize('NFC').trim();

/**
 * Reads and validates every line of the file's text, collecting every fault (line, column, why) instead of
 * stopping at the first: the admin fixes the file once. Rows come back only when there is no error at all.
 */
export function parseRosterText(text: string): ParsedRoster {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    return { rows: [], rowLines: [], errors: [{ line, column: undefined, message: { ja: 'CSVとして読めません(引用符の閉じ忘れなど)。', en: 'The line cannot be read as CSV (an unclosed quote?).' } }] };
  }
  const [header, ...body] = records;
  if (!header || body.length === 0) {
    return { rows: [], rowLines: [], errors: [{ line: 1, column: undefined, message: { ja: '職員の行がありません。', en: 'The file has no staff rows.' } }] };
  }
  if (body.length > MAX_ROSTER_ROWS) {
    return {
      rows: [],
      rowLines: [],
      errors: [{ line: 1, column: undefined, message: { ja: `行数が上限(${MAX_ROSTER_ROWS.toLocaleString('ja-JP')}行)を超えています。`, en: `The file has more than ${MAX_ROSTER_ROWS} rows.` } }],
    };
  }
  const names = header.record.map((name) => cell(name));
  const index = Object.fromEntries(Object.entries(ROSTER_COLUMNS).map(([key, name]) => [key, names.indexOf(name)])) as Record<ColumnKey, number>;
  const missing = REQUIRED.filter((key) => index[key] < 0);
  if (missing.length > 0) {
    return {
      rows: [],
      rowLines: [],
      errors: missing.map((key) => ({
        line: header.info.lines,
        column: ROSTER_COLUMNS[key],
        message: { ja: `必須の列「${ROSTER_COLUMNS[key]}」がありません。`, en: `The required column "${ROSTER_COLUMNS[key]}" is missing.` },
      })),
    };
  }

  const errors: RosterLineError[] = [];
  const rows: RosterRow[] = [];
  const rowLines: number[] = [];
  const firstLineOfNumber = new Map<string, number>();
  const firstLineOfUpn = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const value = (key: ColumnKey) => (index[key] < 0 ? '' : cell(record[index[key]]));
    const fault = (key: ColumnKey, ja: string, en: string) => errors.push({ line, column: ROSTER_COLUMNS[key], message: { ja, en } });
    const before = errors.length;
    for (const key of ['name', 'division', 'section'] as const) {
      const text = value(key);
      if (text === '') fault(key, `「${ROSTER_COLUMNS[key]}」が空です。`, `"${ROSTER_COLUMNS[key]}" is empty.`);
      else if (text.length > MAX_TEXT) fault(key, `「${ROSTER_COLUMNS[key]}」が長すぎます(${MAX_TEXT}文字まで)。`, `"${ROSTER_COLUMNS[key]}" is longer than ${MAX_TEXT} characters.`);
    }
    const staffNumber = value('staffNumber').normalize('NFKC');
    if (!STAFF_NUMBER.test(staffNumber)) {
      fault('staffNumber', '職員番号は半角英数字とハイフン(20文字まで)で書いてください。', 'The staff number must be letters, digits and hyphens (up to 20).');
    } else if (firstLineOfNumber.has(staffNumber)) {
      fault('staffNumber', `職員番号 ${staffNumber} が ${firstLineOfNumber.get(staffNumber)} 行目と重複しています。`, `Staff number ${staffNumber} repeats line ${firstLineOfNumber.get(staffNumber)}.`);
    } else firstLineOfNumber.set(staffNumber, line);
    const upn = value('upn').normalize('NFKC').toLowerCase();
    if (!UPN.test(upn)) {
      fault('upn', 'メールアドレスの形式ではありません。', 'This is not an e-mail address.');
    } else if (firstLineOfUpn.has(upn)) {
      fault('upn', `メールアドレス ${upn} が ${firstLineOfUpn.get(upn)} 行目と重複しています。`, `E-mail ${upn} repeats line ${firstLineOfUpn.get(upn)}.`);
    } else firstLineOfUpn.set(upn, line);
    const spelling = value('jobLevel');
    const jobLevel = jobLevelOfSpelling(spelling);
    if (!jobLevel) fault('jobLevel', `職層「${spelling}」は対応表にありません。`, `The job level "${spelling}" is not in the mapping table.`);
    const status = STATUS_SPELLINGS[value('status').normalize('NFKC').replace(/\s+/g, '')];
    if (!status) fault('status', `在籍「${value('status')}」は 在籍 / 休職 / 退職 のいずれかにしてください。`, `在籍 must be 在籍, 休職 or 退職 (was "${value('status')}").`);
    if (errors.length === before && jobLevel && status) {
      rows.push({ staffNumber, name: value('name'), division: value('division'), section: value('section'), jobLevel, upn, status });
      rowLines.push(line);
    }
  }
  return errors.length > 0 ? { rows: [], rowLines: [], errors } : { rows, rowLines, errors };
}
