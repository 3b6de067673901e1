import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | undefined;

// csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF or CR; Excel needs those quoted too.
const OPTIONS = { record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ } as const;

/**
 * Every CSV the product writes goes through here: UTF-8 with a BOM (so Excel on a ward PC reads the Japanese),
 * CRLF line ends, RFC 4180 quoting, and a text that starts like a formula (= + - @, tab, CR) defused with a
 * leading ' so Excel never runs it. Numbers stay numbers (-0.5 is not a formula).
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows as CsvValue[][], { ...OPTIONS, bom: true });
}

/** One field as toCsv writes it (quoted and defused as needed). */
export function csvCell(value: CsvValue): string {
  return stringify([[value]], OPTIONS).replace(/\r\n$/, '');
}
