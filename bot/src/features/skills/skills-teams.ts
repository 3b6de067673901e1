import { MessageFactory } from 'botbuilder';
import { z } from 'zod';
import { t } from '../../kernel/cards/messages.js';
import { SKILL_IDS } from '../../kernel/domain/catalog/skills.js';
import type { CommandHandler, InvokeHandler, InvokeRoutes } from '../../kernel/teams/route-types.js';
import { buildConfirmationOutcomeCard, buildConfirmationRequestCard, CONFIRMATION_COMMENT_INPUT, CONFIRMATION_VERBS } from './cards/confirmation-card.js';
import { buildProfileCard } from './cards/profile-card.js';
import type { SkillConfirmationService } from './domain/skill-confirmation-service.js';
import type { SkillService } from './domain/skill-service.js';

export interface SkillsFeatureDeps {
  skills: SkillService;
  confirmations: SkillConfirmationService;
  /** Where "open the tab" buttons lead: a Teams deep link, or the local tab URL in development. */
  tabUrl: string;
}

/**
 * The confirmer card's submit data: what the card carries (whose level, which skill and level) and the comment field.
 * The level is the one the card was sent for, 1–3; anything else is a forged or broken card.
 */
const decisionCardDataSchema = z.object({
  employeeId: z.string().trim().min(1).max(100),
  skillId: z.enum(SKILL_IDS),
  level: z.number().int().min(1).max(3),
  [CONFIRMATION_COMMENT_INPUT]: z.string().max(500).optional(),
});

/** マイDXスキル in chat: the profile card, and 確認する / 差し戻す on a confirmer's card. */
export function createSkillsFeature(deps: SkillsFeatureDeps): { mySkills: CommandHandler; invokeRoutes: InvokeRoutes } {
  /**
   * One press on the confirmer's card, decided by the same rules as the tab. The card is replaced by the outcome:
   * decided now, decided earlier by someone else (who, when), or refused (why; nothing written). A 差し戻し with an
   * empty comment brings the request back with the reason on it, so the confirmer can write one.
   */
  const decide = (decision: 'confirm' | 'return'): InvokeHandler => async ({ profile, locale }, data) => {
    const parsed = decisionCardDataSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', status: 400, message: t('invalidCardData', locale) };
    const { employeeId, skillId, level, comment } = parsed.data;
    const attempt = await deps.confirmations.attempt(profile.id, { employeeId, skillId, level, decision, comment });
    if (attempt.outcome === 'decided') {
      const item = await deps.confirmations.requestItem(profile.id, employeeId, skillId);
      return { kind: 'card', card: buildConfirmationOutcomeCard({ kind: 'decided', confirmation: attempt.confirmation, employeeName: item?.employeeName ?? '' }, locale, deps.tabUrl) };
    }
    if (attempt.alreadyDecided) {
      const item = await deps.confirmations.requestItem(profile.id, employeeId, skillId);
      return { kind: 'card', card: buildConfirmationOutcomeCard({ kind: 'already-decided', confirmation: attempt.alreadyDecided, employeeName: item?.employeeName }, locale, deps.tabUrl) };
    }
    if (attempt.problem === 'comment-required') {
      const item = await deps.confirmations.requestItem(profile.id, employeeId, skillId);
      if (item) return { kind: 'card', card: buildConfirmationRequestCard(item, locale, deps.tabUrl, attempt.message[locale]) };
    }
    return { kind: 'card', card: buildConfirmationOutcomeCard({ kind: 'refused', skillId, level, message: attempt.message[locale] }, locale, deps.tabUrl) };
  };
  return {
    mySkills: async ({ context, locale, profile }) => {
      const skills = await deps.skills.getMySkills(profile.id, locale);
      await context.sendActivity(
        MessageFactory.attachment(buildProfileCard({ profile, skills, locale, tabUrl: deps.tabUrl })),
      );
    },
    invokeRoutes: {
      [CONFIRMATION_VERBS.confirm]: decide('confirm'),
      [CONFIRMATION_VERBS.return]: decide('return'),
    },
  };
}
