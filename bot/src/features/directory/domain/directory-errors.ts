import type { LocalizedText } from '../../../kernel/domain/catalog/localized-text.js';
import type { RosterFileProblem } from './roster-file.js';
import { MAX_ROSTER_BYTES } from './roster-file.js';

/** What the admin reads when a file cannot be read at all (before any line is looked at). */
export function fileProblemMessage(problem: RosterFileProblem): LocalizedText {
  switch (problem.kind) {
    case 'empty':
      return { ja: 'ファイルが空です。', en: 'The file is empty.' };
    case 'too-large':
      return { ja: `ファイルが大きすぎます(${MAX_ROSTER_BYTES / 1024 / 1024} MB まで)。`, en: `The file is larger than ${MAX_ROSTER_BYTES / 1024 / 1024} MB.` };
    case 'not-csv':
      return { ja: 'CSVファイルではありません。人材マネジメントシステムから書き出したCSVを選んでください。', en: 'This is not a CSV file. Choose the CSV exported from the HR system.' };
    case 'mixed-encodings':
      return {
        ja: `文字コードが混在しています(${problem.lines.slice(0, 20).join(', ')} 行目)。UTF-8 か Shift_JIS のどちらかで保存し直してください。`,
        en: `The file mixes encodings (lines ${problem.lines.slice(0, 20).join(', ')}). Save it again as UTF-8 or Shift_JIS.`,
      };
  }
}
