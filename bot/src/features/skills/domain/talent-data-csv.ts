import { SKILLS } from '../../../kernel/domain/catalog/skills.js';
import type { SkillLevels } from './skill-levels.js';

/** One employee's line in the 人材データ export for 人事課's talent-management system (outcome 02). */
export interface TalentDataRow {
  employeeId: string;
  displayName: string;
  department: string;
  jobLevel: string;
  levels: SkillLevels;
  completions: { title: string; completedOn: string }[];
  examPasses: { name: string; passedOn: string }[];
}

const BOM = '\uFEFF';

/** RFC 4180 quoting; a leading = + - @ is neutralised so Excel never runs a cell as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM and CRLF, so Excel on a ward PC opens the Japanese text as it is. */
export function talentDataCsv(rows: readonly TalentDataRow[]): string {
  const header = ['職員ID', '氏名', '所属', '職層', ...SKILLS.map((skill) => `${skill.name.ja}(LV)`), '修了研修', 'IT試験合格'];
  const lines = rows.map((row) => [
    row.employeeId,
    row.displayName,
    row.department,
    row.jobLevel,
    ...SKILLS.map((skill) => String(row.levels[skill.id])),
    row.completions.map((completion) => `${completion.title}(${completion.completedOn})`).join('; '),
    row.examPasses.map((pass) => `${pass.name}(${pass.passedOn})`).join('; '),
  ]);
  return BOM + [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
