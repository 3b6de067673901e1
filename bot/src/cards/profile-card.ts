import { JOB_LEVEL_LABELS } from '../domain/catalog/job-levels.js';
import type { Locale } from '../domain/catalog/localized-text.js';
import type { EmployeeProfile } from '../domain/employee.js';
import { adaptiveCard, type CardAttachment, type CardElement } from './adaptive-card.js';
import { t } from './messages.js';

export function buildProfileCard(data: { profile: EmployeeProfile; locale: Locale; tabUrl: string }): CardAttachment {
  const { profile, locale } = data;
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
    ],
    actions: [{ type: 'Action.OpenUrl', title: t('openTab', locale), url: data.tabUrl }],
  });
}
