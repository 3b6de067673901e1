import { COURSE_PROVIDER_LABELS, type Course } from '../domain/catalog/courses.js';
import type { Locale } from '../domain/catalog/localized-text.js';
import { SKILLS } from '../domain/catalog/skills.js';
import { adaptiveCard, type CardAttachment, type CardElement } from './adaptive-card.js';
import { t } from './messages.js';

function skillSummary(course: Course, locale: Locale): string {
  return course.teaches
    .map(({ skillId, level }) => `${SKILLS.find((skill) => skill.id === skillId)?.name[locale] ?? skillId} LV${level}`)
    .join(' / ');
}

/** The training menu: each course with who runs it and which skill levels it teaches. */
export function buildCourseListCard(data: { courses: readonly Course[]; locale: Locale; tabUrl: string }): CardAttachment {
  const { locale } = data;
  const courses: CardElement[] = data.courses.map((course) => ({
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: course.title[locale], weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: course.description[locale], wrap: true, isSubtle: true, spacing: 'Small' },
      {
        type: 'FactSet',
        spacing: 'Small',
        facts: [
          { title: t('provider', locale), value: COURSE_PROVIDER_LABELS[course.provider][locale] },
          ...(course.teaches.length > 0 ? [{ title: t('teaches', locale), value: skillSummary(course, locale) }] : []),
        ],
      },
    ],
  }));
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('coursesTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: t('coursesIntro', locale), wrap: true },
      ...courses,
    ],
    actions: [{ type: 'Action.OpenUrl', title: t('openTab', locale), url: data.tabUrl }],
  });
}
