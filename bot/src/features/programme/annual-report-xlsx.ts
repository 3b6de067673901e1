import type { ReportSheet } from './domain/annual-report.js';

/**
 * Lays the report's sheets out as an xlsx workbook (exceljs): the title row bold, columns wide enough to read, and
 * each sheet printed A4 landscape one page wide (the summary on one page), so it prints or pastes as it looks.
 */
export async function annualReportWorkbook(sheets: readonly ReportSheet[]): Promise<Uint8Array> {
  // Loaded at the first export, not with the bot: ~8 MB of live heap the chat process need not carry (nor mark at
  // every major garbage collection) for a report the division downloads a few times a year.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'DX Navi';
  sheets.forEach((sheet, index) => {
    const summary = index === 0;
    const worksheet = workbook.addWorksheet(sheet.name, {
      // paperSize 9 is A4.
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: summary ? 1 : 0 },
    });
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => cell ?? null));
    worksheet.getRow(1).font = { bold: true, size: 13 };
    worksheet.getColumn(1).width = summary ? 60 : 48;
    // The summary's second column holds the indicator and output names.
    worksheet.getColumn(2).width = summary ? 44 : 16;
    for (let column = 3; column <= 9; column++) worksheet.getColumn(column).width = 14;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
