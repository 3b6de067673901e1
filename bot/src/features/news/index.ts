import type { AppConfig } from '../../config.js';
import { weeklyDigestJob, type ScheduledJob } from '../../delivery/job-scheduler.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import { AppError } from '../../kernel/domain/errors.js';
import type { TrainingService } from '../training/domain/training-service.js';
import type { TrainingRepositories } from '../training/index.js';
import { newsCardBytes } from './cards/news-card.js';
import { createNewsService, createTrainingReminderService } from './domain/news-service.js';
import { createNewsPublisher } from './news-notifier.js';
import { registerNewsRoutes } from './news-routes.js';
import { createNewsFeature } from './news-teams.js';
import { createNewsRepository, createNotificationPreferenceRepository } from './storage/news-repository.js';
import { createNewsConfirmationRepository } from './storage/news-confirmation-repository.js';

export function createNewsRepositories(storage: TableStorage) {
  return {
    news: createNewsRepository(storage),
    notificationPreferences: createNotificationPreferenceRepository(storage),
    newsConfirmations: createNewsConfirmationRepository(storage),
  };
}
export type NewsRepositories = ReturnType<typeof createNewsRepositories>;

/** インフォメーション (issue 4): news, the weekly digest and training reminders, all sent by the delivery engine. */
export function createNewsModule(deps: {
  repositories: KernelRepositories & NewsRepositories & TrainingRepositories;
  delivery: DeliveryEngine;
  training: TrainingService;
  config: AppConfig['news'];
  tabUrl: string;
}) {
  const r = deps.repositories;
  const publisher = createNewsPublisher({ engine: deps.delivery, tabUrl: deps.tabUrl });
  const news = createNewsService({
    news: r.news,
    employees: r.employees,
    departments: r.departments,
    preferences: r.notificationPreferences,
    confirmations: r.newsConfirmations,
    publisher,
    cardBytes: newsCardBytes,
  });
  const trainingReminders = createTrainingReminderService({
    sessions: r.trainingSessions,
    courses: r.courses,
    employees: r.employees,
    publisher,
    reminderDays: deps.config.reminderDays,
  });
  const chat = createNewsFeature({
    news,
    training: deps.training,
    reminderDays: deps.config.reminderDays,
    tabUrl: deps.tabUrl,
    setPreferredLocale: async (employeeId, locale) => {
      await r.employees.update(employeeId, (current) => {
        if (!current) throw new AppError('not-found', { detail: `no employee ${employeeId}` });
        return { ...current, preferredLocale: locale };
      });
    },
  });
  const jobs = {
    weeklyDigest: weeklyDigestJob({
      pattern: deps.config.weeklyDigestCron,
      run: async ({ slot }) => void (await news.runWeeklyDigest(slot)),
    }),
    trainingReminders: {
      name: 'training-reminders',
      pattern: deps.config.reminderCron,
      timezone: 'Asia/Tokyo',
      run: async ({ scheduledAt }) => void (await trainingReminders.sendDue(scheduledAt)),
    } satisfies ScheduledJob,
    // Hourly: the one follow-up to those who have not pressed 「確認しました」 N days after an item was sent.
    confirmationFollowUps: {
      name: 'news-confirmation-follow-ups',
      pattern: deps.config.confirmationFollowUpCron,
      timezone: 'Asia/Tokyo',
      run: async ({ scheduledAt }) => void (await news.sendConfirmationFollowUps(scheduledAt)),
    } satisfies ScheduledJob,
  };
  const module: FeatureModule = {
    name: 'news',
    chat: {
      commands: { 'notification-settings': chat.notificationSettings },
      textRoutes: chat.textRoutes,
      invokeRoutes: chat.invokeRoutes,
    },
    registerRoutes: (server, http) =>
      registerNewsRoutes(server, {
        ...http,
        news,
        delivery: deps.delivery,
        employees: r.employees,
        departments: r.departments,
      }),
    jobs: [jobs.weeklyDigest, jobs.trainingReminders, jobs.confirmationFollowUps],
  };
  return { news, jobs, module };
}
export type NewsModule = ReturnType<typeof createNewsModule>;
