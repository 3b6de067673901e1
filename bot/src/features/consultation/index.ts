import type { ConversationMessenger } from '../../delivery/domain/delivery-ports.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { Logger } from '../../logger.js';
import type { FeatureModule } from '../feature-module.js';
import { createConsultationNotifier } from './consultation-notifier.js';
import { registerConsultationRoutes } from './consultation-routes.js';
import { createConsultationFeature } from './consultation-teams.js';
import { randomBytes } from 'node:crypto';
import { faqCardWorstBytes } from './cards/faq-answer-card.js';
import { createConsultationService } from './domain/consultation-service.js';
import { createDeskMetricsService } from './domain/desk-metrics-service.js';
import { registerDeskMetricsRoutes } from './desk-metrics-routes.js';
import { createFaqLibrary } from './domain/faq-library.js';
import { registerFaqRoutes } from './faq-routes.js';
import { createFaqRepository } from './storage/faq-repository.js';
import { createConsultationDeskRepository } from './storage/consultation-desk-repository.js';
import { createConsultationRepository } from './storage/consultation-repository.js';
import { createDeskMetricsRepository } from './storage/desk-metrics-repository.js';

export function createConsultationRepositories(storage: TableStorage) {
  const consultationDesk = createConsultationDeskRepository(storage);
  return {
    consultations: createConsultationRepository(storage),
    consultationDesk,
    deskMetrics: createDeskMetricsRepository(storage, consultationDesk),
    faq: createFaqRepository(storage),
  };
}
export type ConsultationRepositories = ReturnType<typeof createConsultationRepositories>;

/** DX相談 (issue 3): the desk channel's cards are posted and updated directly; the requester's notices are broadcasts. */
export function createConsultationModule(deps: {
  repositories: KernelRepositories & ConsultationRepositories;
  delivery: Pick<DeliveryEngine, 'send'>;
  channel: ConversationMessenger;
  log: Logger;
  /** Tests only: a shorter claim on a desk post, and the re-post firing more often than hourly. */
  deskPosts?: { leaseMs?: number; repostPattern?: string };
}) {
  const r = deps.repositories;
  const notifier = createConsultationNotifier({
    engine: deps.delivery,
    employees: r.employees,
    tickets: r.consultations,
    desk: r.consultationDesk,
    channel: deps.channel,
    log: deps.log,
    ...(deps.deskPosts?.leaseMs ? { postLeaseMs: deps.deskPosts.leaseMs } : {}),
  });
  const faq = createFaqLibrary({ repository: r.faq, employees: r.employees, cardBytes: faqCardWorstBytes, newId: () => `faq-${randomBytes(6).toString('hex')}` });
  const consultations = createConsultationService({
    tickets: r.consultations,
    desk: r.consultationDesk,
    employees: r.employees,
    notifier,
    faq,
  });
  const deskMetrics = createDeskMetricsService({ store: r.deskMetrics, desk: r.consultationDesk, employees: r.employees, faqEntries: () => faq.all() });
  const chat = createConsultationFeature({ consultations, faq });
  const module: FeatureModule = {
    name: 'consultation',
    chat: {
      commands: { consult: chat.consult, 'consult-status': chat.consultStatus },
      invokeRoutes: chat.invokeRoutes,
      freeText: chat.freeText,
      channelTextRoutes: chat.channelTextRoutes,
      channelInvokeRoutes: chat.channelInvokeRoutes,
      channelHelp: chat.channelHelp,
    },
    registerRoutes: (server, http) => {
      registerConsultationRoutes(server, { ...http, consultations, employees: r.employees });
      registerDeskMetricsRoutes(server, { ...http, deskMetrics });
      registerFaqRoutes(server, { ...http, faq, consultations, employees: r.employees });
    },
    // Hourly in office hours (weekdays 9–17 JST); a ticket due a reminder gets it within the hour, once.
    jobs: [
      {
        name: 'consultation-unassigned',
        pattern: '0 9-17 * * 1-5',
        timezone: 'Asia/Tokyo',
        run: async () => void (await consultations.sendUnassignedReminders()),
      },
      // Every 15 minutes: each SLA clock that ran out gets its one reminder (claimed per ticket, once across instances).
      {
        name: 'consultation-sla',
        pattern: '*/15 * * * *',
        timezone: 'Asia/Tokyo',
        run: async () => void (await consultations.sendSlaReminders()),
      },
      // Hourly, around the clock: desk cards lost to a crash between filing and posting are posted (issue 14).
      {
        name: 'consultation-desk-cards',
        pattern: deps.deskPosts?.repostPattern ?? '30 * * * *',
        timezone: 'Asia/Tokyo',
        run: async () => void (await consultations.repostMissingDeskCards()),
      },
    ],
    // And once at start, without holding the start up: a restarted instance posts what its crash lost.
    start: async () => {
      // The shipped FAQ goes into storage the first time the app starts on it; edits are never overwritten.
      await faq.seed();
      consultations.repostMissingDeskCards().catch((error: unknown) => deps.log.error('desk card re-post at start failed', { error }));
    },
  };
  return { consultations, deskMetrics, faq, idle: () => notifier.idle(), stop: () => notifier.stop(), module };
}
