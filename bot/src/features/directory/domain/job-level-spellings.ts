import type { JobLevel } from '../../../kernel/domain/catalog/job-levels.js';

/**
 * 職層 as HR systems spell it, mapped to the policy's three levels (第3章 3. マインドセット). One table, shown to
 * the admin on the 職員名簿 page; a spelling not listed here is an error on its line, never a guess.
 */
export const JOB_LEVEL_SPELLINGS: Readonly<Record<JobLevel, readonly string[]>> = {
  general: ['一般職', '一般', '主事', '主事補', '主任', '主任主事', '技師', '主任技師', '主任保育士', '保育士'],
  chief: ['係長級', '係長', '課長補佐', '統括係長', '主査'],
  manager: ['管理職', '課長', '担当課長', '参事', '副参事', '部長', '担当部長', '次長'],
};

const BY_SPELLING = new Map<string, JobLevel>(
  Object.entries(JOB_LEVEL_SPELLINGS).flatMap(([level, spellings]) => spellings.map((spelling) => [spelling, level as JobLevel] as const)),
);

/** The level of one spelling, after NFKC and with spaces removed (全角/半角 and stray blanks are not errors). */
export function jobLevelOfSpelling(spelling: string): JobLevel | undefined {
  return BY_SPELLING.get(spelling.normalize('NFKC').replace(/\s+/g, ''));
}
