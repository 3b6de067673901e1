import { MessageFactory } from 'botbuilder';
import type { CommandHandler } from '../../kernel/teams/route-types.js';
import { buildProfileCard } from './cards/profile-card.js';
import type { SkillService } from './domain/skill-service.js';

export interface SkillsFeatureDeps {
  skills: SkillService;
  /** Where "open the tab" buttons lead: a Teams deep link, or the local tab URL in development. */
  tabUrl: string;
}

/** マイDXスキル in chat: the employee's profile card with their levels. */
export function createSkillsFeature(deps: SkillsFeatureDeps): { mySkills: CommandHandler } {
  return {
    mySkills: async ({ context, locale, profile }) => {
      const skills = await deps.skills.getMySkills(profile.id, locale);
      await context.sendActivity(
        MessageFactory.attachment(buildProfileCard({ profile, skills, locale, tabUrl: deps.tabUrl })),
      );
    },
  };
}
