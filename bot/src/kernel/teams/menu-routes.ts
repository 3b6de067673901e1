import { MessageFactory } from 'botbuilder';
import { buildHelpCard } from '../cards/help-card.js';
import { buildProfileCard } from '../../features/skills/cards/profile-card.js';
import type { SkillService } from '../../features/skills/domain/skill-service.js';
import type { CommandHandler, CommandRoutes } from './route-types.js';

export interface MenuFeatureDeps {
  skills: SkillService;
  /** 研修を探す, from the training feature. */
  findTraining: CommandHandler;
  /** アンケート, from the survey feature. */
  survey: CommandHandler;
  /** 相談する and 相談状況, from the consultation feature. */
  consult: CommandHandler;
  consultStatus: CommandHandler;
  /** 通知設定, from the news feature. */
  notificationSettings: CommandHandler;
  /** Where "open the tab" buttons lead: a Teams deep link, or the local tab URL in development. */
  tabUrl: string;
}

export function createMenuRoutes(deps: MenuFeatureDeps): CommandRoutes {
  return {
    help: async ({ context, locale }) => {
      await context.sendActivity(MessageFactory.attachment(buildHelpCard({ locale })));
    },
    'my-skills': async ({ context, locale, profile }) => {
      const skills = await deps.skills.getMySkills(profile.id, locale);
      await context.sendActivity(MessageFactory.attachment(buildProfileCard({ profile, skills, locale, tabUrl: deps.tabUrl })));
    },
    'find-training': deps.findTraining,
    consult: deps.consult,
    'consult-status': deps.consultStatus,
    survey: deps.survey,
    'notification-settings': deps.notificationSettings,
  };
}
