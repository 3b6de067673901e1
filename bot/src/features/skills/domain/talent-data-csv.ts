import { toCsv } from '../../../kernel/domain/csv.js';
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

export { csvCell } from '../../../kernel/domain/csv.js';

/** Through the one CSV writer: BOM, CRLF, formulas defused. */
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
  return toCsv([header, ...lines]);
}
