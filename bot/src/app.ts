import type { AppConfig } from './config.js';
import { createAppDelivery } from './delivery/app-delivery.js';
import { createCatalogModule } from './features/catalog/index.js';
import { createConsultationModule } from './features/consultation/index.js';
import { createDirectoryModule } from './features/directory/index.js';
import { collectJobs, composeChatRoutes, registerFeatureRoutes } from './features/feature-module.js';
import { createNewsModule } from './features/news/index.js';
import { createProgrammeModule } from './features/programme/index.js';
import { createSkillsModule } from './features/skills/index.js';
import type { SurveyNotifier } from './features/survey/domain/survey-ports.js';
import { createSurveyModule } from './features/survey/index.js';
import { createTrainingModule } from './features/training/index.js';
import { createProfileService } from './kernel/domain/profile-service.js';
import { createReadinessProbe } from './kernel/http/readiness.js';
import { close, createHttpServer, listen } from './kernel/http/server.js';
import { allowedOrigins, mountTabAuth } from './kernel/http/tab-auth.js';
import { registerTabRoutes } from './kernel/http/tab-routes.js';
import { createRepositories } from './features/index.js';
import { createTableStorage, type StorageConnection } from './kernel/storage/table-storage.js';
import { createBotAdapter } from './kernel/teams/adapter.js';
import { DxNaviBot } from './kernel/teams/dx-navi-bot.js';
import { helpCommand } from './kernel/teams/help-command.js';
import { registerMessagesRoute } from './kernel/teams/messages-route.js';
import { createConversationMessenger, createProactiveSender } from './kernel/teams/proactive-sender.js';
import type { Logger } from './logger.js';

/** What startApp returns: the server as bound, the repositories and the services tests and scripts drive directly. */
export type RunningApp = Awaited<ReturnType<typeof startApp>>;

export { createRepositories } from './features/index.js';

/** The composition root: kernel -> delivery -> each feature's module -> bot and HTTP server. Nothing else builds objects. */
export async function startApp(
  config: AppConfig,
  // deskPosts: crash tests only (a dead instance's desk-post claim expires in seconds, the re-post runs every second).
  options: { storage: StorageConnection; log: Logger; tablePrefix?: string; surveyNotifier?: SurveyNotifier; deskPosts?: { leaseMs?: number; repostPattern?: string } },
) {
  const { log } = options;
  const storage = createTableStorage(options.storage, options.tablePrefix);
  await storage.ensureTables();
  const repositories = createRepositories(storage, { surveyKey: config.surveyKey });
  const adapter = createBotAdapter(config.bot, log);
  // Everything the bot pushes to many people goes through one durable, paced delivery engine.
  const { engine: delivery, pingQueue } = createAppDelivery({
    ...{ storage, connection: options.storage, tablePrefix: options.tablePrefix, conversationReferences: repositories.conversationReferences },
    ...{ sender: createProactiveSender({ adapter, appId: config.bot.appId, log }), config, log },
  });
  const tabUrl = config.teamsAppId
    ? `https://teams.microsoft.com/l/entity/${config.teamsAppId}/myskills`
    : `${config.tabEndpoint}/index.html`;

  const catalog = createCatalogModule({ repositories });
  const skills = createSkillsModule({ repositories, delivery, tabUrl });
  const training = createTrainingModule({ repositories, delivery, skills: skills.skills, tabUrl });
  const surveys = createSurveyModule({ repositories, delivery, notifier: options.surveyNotifier, tabUrl });
  const channel = createConversationMessenger({ adapter, appId: config.bot.appId, log });
  const consultation = createConsultationModule({ repositories, delivery, channel, log, ...(options.deskPosts ? { deskPosts: options.deskPosts } : {}) });
  const news = createNewsModule({ repositories, delivery, training: training.training, config: config.news, tabUrl });
  const directory = createDirectoryModule({ repositories, bootstrapAdminUpns: config.bootstrapAdminUpns, graphProfile: config.graphProfile, log });
  const programme = createProgrammeModule({ repositories, news: news.news, surveys: surveys.surveys, deskMetrics: consultation.deskMetrics, delivery, tabUrl });
  const modules = [
    { name: 'kernel', chat: { commands: { help: helpCommand } } },
    ...[catalog, skills, training, surveys, consultation, news, directory, programme].map((feature) => feature.module),
  ];
  for (const module of modules) await module.start?.();

  const profiles = createProfileService(repositories);
  const bot = new DxNaviBot({
    profiles,
    conversationReferences: repositories.conversationReferences,
    ...composeChatRoutes(modules),
    tabUrl,
    linkIdentity: directory.linkChatIdentity,
  });
  const readiness = createReadinessProbe([{ name: 'storage', check: () => storage.ping() }, { name: 'queue', check: pingQueue }]);
  const server = createHttpServer({ allowedOrigins: allowedOrigins(config), readiness, hsts: config.environment === 'production', uploadPaths: directory.uploadPaths });
  registerMessagesRoute(server, { adapter, bot, tenantId: config.tenantId, log });
  const tabAuth = await mountTabAuth(server, config, { repositories, log, rosterPeople: directory.activeStaff });
  registerTabRoutes(server, { verifier: tabAuth.verifier, profiles, log, onTabLoad: directory.onTabLoad });
  registerFeatureRoutes(server, modules, { verifier: tabAuth.verifier, log });

  const port = await listen(server, config.port, config.host);
  const baseUrl = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  tabAuth.listening(baseUrl);
  await delivery.start(collectJobs(modules));

  return {
    // The server as bound (and the local stack's devConnector / devIdentity), then what tests and scripts drive
    // directly: the delivery engine, DX相談 (and when its desk posts settle), news jobs, survey batches, the directory.
    ...{ server, baseUrl, port, ...tabAuth.local, repositories, delivery },
    ...{ consultations: consultation.consultations, consultationChannelIdle: consultation.idle },
    ...{ news: { service: news.news, jobs: news.jobs }, surveys: surveys.surveys, directory: directory.directory },
    stop: async () => {
      await close(server);
      await consultation.stop();
      await delivery.stop();
    },
  };
}
