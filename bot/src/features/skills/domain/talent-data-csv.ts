import { toCsv } from '../../../kernel/domain/csv.js';
import { SKILLS, type SkillId } from '../../../kernel/domain/catalog/skills.js';
import type { SkillLevels } from './skill-levels.js';

/** One employee's line in the 人材データ export for 人事課's talent-management system (outcome 02). */
export interface TalentDataRow {
  employeeId: string;
  displayName: string;
  department: string;
  jobLevel: string;
  levels: SkillLevels;
  /** 自己評価 or 確認済み(who date) per skill; empty where the level is 0. */
  confirmations: Record<SkillId, string>;
  completions: { title: string; completedOn: string }[];
  examPasses: { name: string; passedOn: string }[];
}

export { csvCell } from '../../../kernel/domain/csv.js';

/** Through the one CSV writer: BOM, CRLF, formulas defused. */
export function talentDataCsv(rows: readonly TalentDataRow[]): string {
  const header = ['職員ID', '氏名', '所属', '職層', ...SKILLS.flatMap((skill) => [`${skill.name.ja}(LV)`, `${skill.name.ja}(確認)`]), '修了研修', 'IT試験合格'];
  const lines = rows.map((row) => [
    row.employeeId,
    row.displayName,
    row.department,
    row.jobLevel,
    ...SKILLS.flatMap((skill) => [String(row.levels[skill.id]), row.confirmations[skill.id]]),
    row.completions.map((completion) => `${completion.title}(${completion.completedOn})`).join('; '),
    row.examPasses.map((pass) => `${pass.name}(${pass.passedOn})`).join('; '),
  ]);
  return toCsv([header, ...lines]);
}
