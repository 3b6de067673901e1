import ExcelJS from 'exceljs';
import type { ReportSheet } from './domain/annual-report.js';

/** Lays the report's sheets out as an xlsx workbook (exceljs): the title row bold, columns wide enough to read. */
export async function annualReportWorkbook(sheets: readonly ReportSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DX Navi';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => cell ?? null));
    worksheet.getRow(1).font = { bold: true, size: 13 };
    worksheet.getColumn(1).width = 48;
    for (let column = 2; column <= 9; column++) worksheet.getColumn(column).width = 16;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
