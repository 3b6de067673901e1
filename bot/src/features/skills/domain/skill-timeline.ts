import { fiscalYearOf } from '../../../kernel/domain/jst.js';
import { SKILL_IDS, type SkillId } from '../../../kernel/domain/catalog/skills.js';
import type { SkillConfirmation } from './skill-confirmation.js';
import { levelsFromTicks, type ReachedLevel, type SkillLevels } from './skill-levels.js';
import type { SkillAssessmentChange } from './skills-ports.js';

export { fiscalYearOf } from '../../../kernel/domain/jst.js';

export interface TimelineEntry {
  level: ReachedLevel;
  at: string;
  /** The decision on exactly this level reached at this time, if any. */
  status: 'self-assessed' | 'confirmed' | 'returned';
  decidedByName: string | undefined;
  decidedAt: string | undefined;
}

export interface SkillTimeline {
  perSkill: { skillId: SkillId; entries: TimelineEntry[] }[];
  /** The levels at the end of each 年度 from the first change to `now`'s 年度. */
  byFiscalYear: { fiscalYear: number; levels: SkillLevels }[];
}

/**
 * Replays the stored changes (ticks added and removed) oldest first into one entry per level change per skill,
 * each with the last decision a confirmer took on that level before the next change.
 */
export function skillTimeline(changes: readonly SkillAssessmentChange[], decisions: readonly SkillConfirmation[], now: Date): SkillTimeline {
  const ordered = [...changes].sort((a, b) => a.at.localeCompare(b.at));
  const ticked = new Set<string>();
  let previous = levelsFromTicks(ticked);
  const perSkill = new Map<SkillId, TimelineEntry[]>(SKILL_IDS.map((skillId) => [skillId, []]));
  const yearEnds = new Map<number, SkillLevels>();
  for (const change of ordered) {
    for (const id of change.removed) ticked.delete(id);
    for (const id of change.added) ticked.add(id);
    const levels = levelsFromTicks(ticked);
    for (const skillId of SKILL_IDS) {
      if (levels[skillId] !== previous[skillId]) {
        perSkill.get(skillId)!.push({ level: levels[skillId], at: change.at, status: 'self-assessed', decidedByName: undefined, decidedAt: undefined });
      }
    }
    yearEnds.set(fiscalYearOf(new Date(change.at)), levels);
    previous = levels;
  }
  for (const [skillId, entries] of perSkill) {
    entries.forEach((entry, index) => {
      const until = entries[index + 1]?.at ?? '\uffff';
      const decision = decisions
        .filter((row) => row.skillId === skillId && row.level === entry.level && row.decidedAt && row.decidedAt >= entry.at && row.decidedAt < until && (row.status === 'confirmed' || row.status === 'returned'))
        .sort((a, b) => (a.decidedAt! < b.decidedAt! ? 1 : -1))[0];
      if (decision) Object.assign(entry, { status: decision.status, decidedByName: decision.decidedByName, decidedAt: decision.decidedAt });
    });
  }
  const byFiscalYear: SkillTimeline['byFiscalYear'] = [];
  if (ordered.length > 0) {
    let carried = levelsFromTicks(new Set());
    for (let year = fiscalYearOf(new Date(ordered[0]!.at)); year <= fiscalYearOf(now); year++) {
      carried = yearEnds.get(year) ?? carried;
      byFiscalYear.push({ fiscalYear: year, levels: carried });
    }
  }
  return { perSkill: SKILL_IDS.map((skillId) => ({ skillId, entries: perSkill.get(skillId)! })), byFiscalYear };
}
