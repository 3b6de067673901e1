import type { Server } from 'restify';
import { DEV_SURVEY_KEY, type AppConfig } from './config.js';
import { ConnectorRecorder, mountConnectorRecorder } from './dev/connector-recorder.js';
import { createDevIdentityProvider, type DevIdentityProvider } from './dev/dev-identity-provider.js';
import { createProfileService } from './kernel/domain/profile-service.js';
import { registerDevRoutes } from './kernel/http/dev-routes.js';
import { registerMessagesRoute } from './kernel/teams/messages-route.js';
import { close, createHttpServer, listen } from './kernel/http/server.js';
import { registerTabRoutes } from './kernel/http/tab-routes.js';
import { createTabTokenVerifier, entraVerifierOptions, type TabTokenVerifier } from './kernel/http/tab-token-verifier.js';
import type { Logger } from './logger.js';
import { createConversationReferenceRepository } from './kernel/storage/conversation-reference-repository.js';
import { createCourseRepository } from './features/catalog/storage/course-repository.js';
import { createSkillAssessmentRepository } from './features/skills/storage/skill-assessment-repository.js';
import { createSkillService } from './features/skills/domain/skill-service.js';
import { createTrainingService } from './features/training/domain/training-service.js';
import { registerTrainingRoutes } from './features/training/training-routes.js';
import { createTrainingSessionRepository } from './features/training/storage/training-session-repository.js';
import { createExamPassRepository } from './features/skills/storage/exam-pass-repository.js';
import { createExamCatalogRepository } from './features/catalog/storage/exam-catalog-repository.js';
import { createCompletionRepository } from './features/training/storage/completion-repository.js';
import { createProgrammeTextRepository } from './features/catalog/storage/programme-text-repository.js';
import { createCatalogService } from './features/catalog/domain/catalog-service.js';
import { createSkillReportService } from './features/skills/domain/skill-report-service.js';
import { registerCatalogRoutes } from './features/catalog/catalog-routes.js';
import { registerReportRoutes } from './features/skills/skills-report-routes.js';
import { registerSkillRoutes } from './features/skills/skills-routes.js';
import { createDepartmentRepository } from './kernel/storage/department-repository.js';
import { createEmployeeRepository } from './kernel/storage/employee-repository.js';
import { createTableStorage, type StorageConnection } from './kernel/storage/table-storage.js';
import { createBotAdapter } from './kernel/teams/adapter.js';
import { DxNaviBot } from './kernel/teams/dx-navi-bot.js';
import { createMenuRoutes } from './kernel/teams/menu-routes.js';
import { createTrainingFeature } from './features/training/training-teams.js';
import type { SurveyNotifier } from './features/survey/domain/survey-ports.js';
import { createSurveyService } from './features/survey/domain/survey-service.js';
import { registerSurveyRoutes } from './features/survey/survey-routes.js';
import { createSurveyResponseRepository, createSurveyRoundRepository } from './features/survey/storage/survey-repository.js';
import { createSurveyFeature } from './features/survey/survey-teams.js';
import { createDeliveryEngine, type DeliveryEngine } from './delivery/delivery-engine.js';
import { createSurveyNotifier } from './features/survey/survey-notifier.js';
import { createSessionCancellationNotifier } from './features/training/training-notifier.js';
import { createDeliveryWorkQueue, deliveryQueueName } from './delivery/storage/delivery-work-queue.js';
import { createProactiveSender } from './kernel/teams/proactive-sender.js';
import { createConversationMessenger } from './kernel/teams/proactive-sender.js';
import { createConsultationService, type ConsultationService } from './features/consultation/domain/consultation-service.js';
import { createConsultationNotifier } from './features/consultation/consultation-notifier.js';
import { registerConsultationRoutes } from './features/consultation/consultation-routes.js';
import { createConsultationRepository } from './features/consultation/storage/consultation-repository.js';
import { createConsultationDeskRepository } from './features/consultation/storage/consultation-desk-repository.js';
import { createConsultationFeature } from './features/consultation/consultation-teams.js';
import { newsCardBytes } from './features/news/cards/news-card.js';
import { weeklyDigestJob, type ScheduledJob } from './delivery/job-scheduler.js';
import { createNewsPublisher } from './features/news/news-notifier.js';
import { createNewsService, createTrainingReminderService, type NewsService } from './features/news/domain/news-service.js';
import { registerNewsRoutes } from './features/news/news-routes.js';
import { createNewsRepository, createNotificationPreferenceRepository } from './features/news/storage/news-repository.js';
import { createNewsFeature } from './features/news/news-teams.js';

export interface RunningApp {
  server: Server;
  /** http://host:port of the bot server as bound. */
  baseUrl: string;
  port: number;
  /** Present on a local stack without Teams: what the bot sent to the dev chat page. */
  devConnector: ConnectorRecorder | undefined;
  /** Present when the tab API trusts the local dev identity provider instead of Entra. */
  devIdentity: DevIdentityProvider | undefined;
  repositories: ReturnType<typeof createRepositories>;
  /** The delivery engine: broadcasts, their reports, this instance's worker and scheduler. */
  delivery: DeliveryEngine;
  /** DX相談: the service (tests drive the scheduled reminder through it) and when the desk channel's posts settle. */
  consultations: ConsultationService;
  consultationChannelIdle: () => Promise<void>;
  /** インフォメーション: the news service and its scheduled jobs (tests fire their slots directly). */
  news: { service: NewsService; jobs: { weeklyDigest: ScheduledJob; trainingReminders: ScheduledJob } };
  stop(): Promise<void>;
}

// The public development key is only a default for tests that build repositories directly; startApp always
// passes the configured key.
export function createRepositories(storage: ReturnType<typeof createTableStorage>, options: { surveyKey: string } = { surveyKey: DEV_SURVEY_KEY }) {
  return {
    employees: createEmployeeRepository(storage),
    departments: createDepartmentRepository(storage),
    conversationReferences: createConversationReferenceRepository(storage),
    courses: createCourseRepository(storage),
    skillAssessments: createSkillAssessmentRepository(storage),
    trainingSessions: createTrainingSessionRepository(storage),
    examPasses: createExamPassRepository(storage),
    exams: createExamCatalogRepository(storage),
    completions: createCompletionRepository(storage),
    programmeTexts: createProgrammeTextRepository(storage),
    surveyRounds: createSurveyRoundRepository(storage),
    surveyResponses: createSurveyResponseRepository(storage, { secret: options.surveyKey }),
    consultations: createConsultationRepository(storage),
    consultationDesk: createConsultationDeskRepository(storage),
    news: createNewsRepository(storage),
    notificationPreferences: createNotificationPreferenceRepository(storage),
  };
}

/**
 * The composition root: config -> storage -> services -> adapter -> HTTP server. Nothing else builds objects.
 */
export async function startApp(
  config: AppConfig,
  options: {
    storage: StorageConnection;
    log: Logger;
    tablePrefix?: string;
    /** Replaces the delivery engine's survey invitations and reminders (tests that count who would be reminded). */
    surveyNotifier?: SurveyNotifier;
  },
): Promise<RunningApp> {
  const { log } = options;
  const storage = createTableStorage(options.storage, options.tablePrefix);
  await storage.ensureTables();
  const repositories = createRepositories(storage, { surveyKey: config.surveyKey });
  const profiles = createProfileService(repositories);
  const skills = createSkillService({
    assessments: repositories.skillAssessments,
    courses: repositories.courses,
    employees: repositories.employees,
    sessions: repositories.trainingSessions,
  });
  const adapter = createBotAdapter(config.bot, log);
  // Everything the bot pushes to many people goes through one durable, paced delivery engine (issue 4).
  const delivery = createDeliveryEngine({
    storage,
    workQueue: createDeliveryWorkQueue(options.storage, deliveryQueueName(options.tablePrefix)),
    conversationReferences: repositories.conversationReferences,
    sender: createProactiveSender({ adapter, appId: config.bot.appId, log }),
    log,
    options: { messagesPerSecond: config.delivery.messagesPerSecond },
  });
  const training = createTrainingService({
    sessions: repositories.trainingSessions,
    courses: repositories.courses,
    employees: repositories.employees,
    completions: repositories.completions,
    cancellations: createSessionCancellationNotifier({ engine: delivery, employees: repositories.employees }),
  });
  const catalog = createCatalogService({ courses: repositories.courses, exams: repositories.exams, texts: repositories.programmeTexts, employees: repositories.employees });
  await catalog.ensurePolicyCatalog();
  const reports = createSkillReportService({
    employees: repositories.employees,
    departments: repositories.departments,
    assessments: repositories.skillAssessments,
    completions: repositories.completions,
    examPasses: repositories.examPasses,
    exams: repositories.exams,
    courses: repositories.courses,
  });

  const surveys = createSurveyService({
    rounds: repositories.surveyRounds,
    responses: repositories.surveyResponses,
    employees: repositories.employees,
    departments: repositories.departments,
    notifier: options.surveyNotifier ?? createSurveyNotifier({ engine: delivery, employees: repositories.employees }),
  });

  // DX相談 (issue 3): the desk channel's cards are posted and updated directly; the requester's notices are broadcasts.
  const consultationNotifier = createConsultationNotifier({
    engine: delivery,
    employees: repositories.employees,
    tickets: repositories.consultations,
    desk: repositories.consultationDesk,
    channel: createConversationMessenger({ adapter, appId: config.bot.appId, log }),
    log,
  });
  const consultations = createConsultationService({
    tickets: repositories.consultations,
    desk: repositories.consultationDesk,
    employees: repositories.employees,
    notifier: consultationNotifier,
  });

  const isLocalBotAuth = !config.bot.appId;
  const isDevIdentity = config.tabAuth.kind === 'dev';
  // Locally the tab may be on any loopback port (tests pick free ones); in Azure only the tab's own origin.
  const allowedOrigins: (string | RegExp)[] =
    isDevIdentity || isLocalBotAuth ? [config.tabEndpoint, /^http:\/\/(localhost|127\.0\.0\.1):\d+$/] : [config.tabEndpoint];
  const server = createHttpServer({ allowedOrigins });

  const tabUrl = config.teamsAppId
    ? `https://teams.microsoft.com/l/entity/${config.teamsAppId}/myskills`
    : `${config.tabEndpoint}/index.html`;
  const trainingFeature = createTrainingFeature({ skills, training, tabUrl });
  const surveyFeature = createSurveyFeature({ surveys, tabUrl });
  const consultationFeature = createConsultationFeature({ consultations });
  // インフォメーション (issue 4): news, the weekly digest and training reminders, all sent by the delivery engine.
  const newsPublisher = createNewsPublisher({ engine: delivery, tabUrl });
  const news = createNewsService({
    news: repositories.news,
    employees: repositories.employees,
    departments: repositories.departments,
    preferences: repositories.notificationPreferences,
    publisher: newsPublisher,
    cardBytes: newsCardBytes,
  });
  const trainingReminders = createTrainingReminderService({
    sessions: repositories.trainingSessions,
    courses: repositories.courses,
    employees: repositories.employees,
    publisher: newsPublisher,
    reminderDays: config.news.reminderDays,
  });
  const newsFeature = createNewsFeature({ news, training, reminderDays: config.news.reminderDays, tabUrl });
  const bot = new DxNaviBot({
    profiles,
    conversationReferences: repositories.conversationReferences,
    routes: createMenuRoutes({
      skills,
      findTraining: trainingFeature.findTraining,
      survey: surveyFeature.survey,
      consult: consultationFeature.consult,
      consultStatus: consultationFeature.consultStatus,
      notificationSettings: newsFeature.notificationSettings,
      tabUrl,
    }),
    invokeRoutes: { ...trainingFeature.invokeRoutes, ...surveyFeature.invokeRoutes, ...consultationFeature.invokeRoutes, ...newsFeature.invokeRoutes },
    textRoutes: { ...surveyFeature.textRoutes, ...newsFeature.textRoutes },
    freeText: consultationFeature.freeText,
    channelTextRoutes: consultationFeature.channelTextRoutes,
    channelInvokeRoutes: consultationFeature.channelInvokeRoutes,
    channelHelp: consultationFeature.channelHelp,
    tabUrl,
  });
  registerMessagesRoute(server, { adapter, bot, log });

  // The verifier needs the bound port in development (it fetches the dev JWKS over HTTP), so it is built
  // after listen; routes read it through this accessor.
  const verifierSlot: { current?: TabTokenVerifier } = {};
  const verifier = () => {
    if (!verifierSlot.current) throw new Error('token verifier used before the server listened');
    return verifierSlot.current;
  };
  registerTabRoutes(server, { verifier, profiles, log });
  registerSkillRoutes(server, { verifier, skills, examPasses: repositories.examPasses, exams: repositories.exams, log });
  registerTrainingRoutes(server, { verifier, training, log });
  registerCatalogRoutes(server, { verifier, catalog, log });
  registerReportRoutes(server, { verifier, reports, log });
  registerSurveyRoutes(server, { verifier, surveys, log });
  registerConsultationRoutes(server, { verifier, consultations, employees: repositories.employees, log });
  registerNewsRoutes(server, { verifier, news, delivery, employees: repositories.employees, departments: repositories.departments, log });

  let devConnector: ConnectorRecorder | undefined;
  const devIdentity = isDevIdentity ? await createDevIdentityProvider({ tenantId: config.tabAuth.tenantId }) : undefined;
  if (devIdentity) registerDevRoutes(server, { identityProvider: devIdentity, ...repositories, log });
  if (isLocalBotAuth) {
    devConnector = new ConnectorRecorder();
    mountConnectorRecorder(server, devConnector, '/dev/connector');
  }

  const port = await listen(server, config.port, config.host);
  const baseUrl = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  verifierSlot.current =
    config.tabAuth.kind === 'entra'
      ? createTabTokenVerifier(entraVerifierOptions(config.tabAuth.tenantId, config.tabAuth.audiences))
      : createTabTokenVerifier({
          jwksUrl: new URL(`${baseUrl}/api/dev/idp/keys`),
          issuer: devIdentity?.issuer ?? '',
          audiences: [devIdentity?.audience ?? ''],
          tenantId: config.tabAuth.tenantId,
        });

  if (isLocalBotAuth) {
    log.warn('BOT AUTH IS OFF: MicrosoftAppId is not set, so /api/messages accepts unauthenticated activities. Local use only.');
  }
  if (isDevIdentity) {
    log.warn('TAB SSO IS OFF: AAD_APP_CLIENT_ID is not set, so the tab API trusts the local dev identity provider. Local use only.');
  }

  // Survey reminders are checked every ten minutes; each due slot is claimed once across instances.
  const newsJobs = {
    weeklyDigest: weeklyDigestJob({ pattern: config.news.weeklyDigestCron, run: async ({ slot }) => void (await news.runWeeklyDigest(slot)) }),
    trainingReminders: {
      name: 'training-reminders',
      pattern: config.news.reminderCron,
      timezone: 'Asia/Tokyo',
      run: async ({ scheduledAt }) => void (await trainingReminders.sendDue(scheduledAt)),
    } satisfies ScheduledJob,
  };
  await delivery.start([
    { name: 'survey-reminders', pattern: '*/10 * * * *', timezone: 'Asia/Tokyo', run: async () => void (await surveys.sendDueReminders()) },
    // DX相談: hourly in office hours (weekdays 9–17 JST); a ticket due a reminder gets it within the hour, once.
    { name: 'consultation-unassigned', pattern: '0 9-17 * * 1-5', timezone: 'Asia/Tokyo', run: async () => void (await consultations.sendUnassignedReminders()) },
    newsJobs.weeklyDigest,
    newsJobs.trainingReminders,
  ]);

  return {
    server,
    baseUrl,
    port,
    devConnector,
    devIdentity,
    repositories,
    delivery,
    consultations,
    consultationChannelIdle: () => consultationNotifier.idle(),
    news: { service: news, jobs: newsJobs },
    stop: async () => {
      await close(server);
      await consultationNotifier.idle();
      await delivery.stop();
    },
  };
}
