import { JOB_LEVEL_LABELS } from '../../../kernel/domain/catalog/job-levels.js';
import { SKILLS } from '../../../kernel/domain/catalog/skills.js';
import type { MySkillsView } from '../domain/skill-service.js';
import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import type { EmployeeProfile } from '../../../kernel/domain/employee.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { t } from '../../../kernel/cards/messages.js';

/** マイスキル: who the employee is, their level in each skill and the top three recommendations. */
export function buildProfileCard(data: { profile: EmployeeProfile; skills: MySkillsView; locale: Locale; tabUrl: string }): CardAttachment {
  const { profile, locale, skills } = data;
  const registered = Boolean(profile.department && profile.jobLevel);
  const note: CardElement[] = registered
    ? []
    : [{ type: 'TextBlock', text: t('profileNotRegisteredNote', locale), wrap: true, isSubtle: true }];
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('profileTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      {
        type: 'FactSet',
        facts: [
          { title: t('profileName', locale), value: profile.displayName },
          { title: t('profileDepartment', locale), value: profile.department?.name ?? t('notRegistered', locale) },
          {
            title: t('profileJobLevel', locale),
            value: profile.jobLevel ? JOB_LEVEL_LABELS[profile.jobLevel][locale] : t('notRegistered', locale),
          },
        ],
      },
      ...note,
      { type: 'TextBlock', text: t('skillLevelsTitle', locale), weight: 'Bolder', wrap: true, spacing: 'Medium' },
      {
        type: 'FactSet',
        facts: SKILLS.map((skill) => {
          const level = skills.levels[skill.id];
          return { title: skill.name[locale], value: level > 0 ? `LV${level}` : t('levelNotYet', locale) };
        }),
      },
      ...(skills.recommendations.length > 0
        ? [
            { type: 'TextBlock' as const, text: t('topRecommendations', locale), weight: 'Bolder' as const, wrap: true, spacing: 'Medium' as const },
            ...skills.recommendations.slice(0, 3).map((recommendation) => ({ type: 'TextBlock' as const, text: `・${recommendation.reason}`, wrap: true })),
          ]
        : []),
    ],
    actions: [{ type: 'Action.OpenUrl', title: t('openTab', locale), url: data.tabUrl }],
  });
}
