import type { SkillId } from '../../../kernel/domain/catalog/skills.js';
import type { SessionView } from './training-service.js';

export interface FoundSession {
  session: SessionView;
  /** Why it is suggested, e.g. 「データ活用 LV1: データの収集方法を理解している」; undefined when nothing matched the gaps. */
  reason: string | undefined;
}

/** How many sessions a chat card lists: enough to choose from, small enough to read on a phone. */
export const MAX_FOUND_SESSIONS = 6;

/**
 * 研修を探す: open sessions of the courses that close the employee's gaps, in the order of the recommendations
 * (biggest gap first); when no open session teaches a gap, every open session, soonest first.
 */
export function findSessionsForGaps(
  sessions: readonly SessionView[],
  recommendations: readonly { skillId: SkillId; reason: string; courseIds: string[] }[],
): FoundSession[] {
  const open = sessions.filter((session) => !session.cancelled);
  const found: FoundSession[] = [];
  const seen = new Set<string>();
  for (const recommendation of recommendations) {
    for (const session of open) {
      if (seen.has(session.id) || !recommendation.courseIds.includes(session.courseId)) continue;
      seen.add(session.id);
      found.push({ session, reason: recommendation.reason });
    }
  }
  const chosen = found.length > 0 ? found : open.map((session) => ({ session, reason: undefined }));
  return chosen.slice(0, MAX_FOUND_SESSIONS);
}
