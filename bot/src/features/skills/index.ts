import type { KernelRepositories } from '../../kernel/storage/kernel-repositories.js';
import type { TableStorage } from '../../kernel/storage/table-storage.js';
import type { FeatureModule } from '../feature-module.js';
import type { CatalogRepositories } from '../catalog/index.js';
import type { TrainingRepositories } from '../training/index.js';
import { createSkillReportService } from './domain/skill-report-service.js';
import { createSkillService } from './domain/skill-service.js';
import { registerReportRoutes } from './skills-report-routes.js';
import { registerSkillRoutes } from './skills-routes.js';
import { createSkillsFeature } from './skills-teams.js';
import { createExamPassRepository } from './storage/exam-pass-repository.js';
import { createSkillConfirmationRepository } from './storage/skill-confirmation-repository.js';
import { createStepUpTargetRepository } from './storage/step-up-target-repository.js';
import { createSkillConfirmationService } from './domain/skill-confirmation-service.js';
import { createSkillConfirmationNotifier } from './skills-notifier.js';
import type { DeliveryEngine } from '../../delivery/delivery-engine.js';
import type { DirectoryRepositories } from '../directory/index.js';
import { departmentResolver } from '../directory/domain/roster-diff.js';
import { createSkillAssessmentRepository } from './storage/skill-assessment-repository.js';

export function createSkillsRepositories(storage: TableStorage) {
  return {
    skillAssessments: createSkillAssessmentRepository(storage),
    examPasses: createExamPassRepository(storage),
    skillConfirmations: createSkillConfirmationRepository(storage),
    stepUpTargets: createStepUpTargetRepository(storage),
  };
}
export type SkillsRepositories = ReturnType<typeof createSkillsRepositories>;

/** マイDXスキル: self-assessment, exam passes, the ward-wide report and the 人材データ export. */
export function createSkillsModule(deps: {
  repositories: KernelRepositories & CatalogRepositories & SkillsRepositories & TrainingRepositories & DirectoryRepositories;
  delivery: Pick<DeliveryEngine, 'send'>;
  tabUrl: string;
}) {
  const r = deps.repositories;
  const confirmations = createSkillConfirmationService({
    confirmations: r.skillConfirmations,
    assessments: r.skillAssessments,
    employees: r.employees,
    completions: r.completions,
    examPasses: r.examPasses,
    exams: r.exams,
    courses: r.courses,
    notifier: createSkillConfirmationNotifier({ engine: deps.delivery, tabUrl: deps.tabUrl }),
  });
  const skills = createSkillService({
    confirmations,
    assessments: r.skillAssessments,
    courses: r.courses,
    employees: r.employees,
    sessions: r.trainingSessions,
  });
  const reports = createSkillReportService({
    employees: r.employees,
    departments: r.departments,
    assessments: r.skillAssessments,
    completions: r.completions,
    examPasses: r.examPasses,
    exams: r.exams,
    courses: r.courses,
    confirmations: r.skillConfirmations,
    targets: r.stepUpTargets,
    placements: {
      // The directory's placements (部 and 課 names) as department ids, resolved the way the roster import does.
      async listAll() {
        const [transfers, departments] = await Promise.all([r.staffDirectory.listAllTransfers(), r.departments.list()]);
        const departmentOf = departmentResolver(departments);
        return transfers.map((transfer) => ({
          staffNumber: transfer.staffNumber,
          fromDepartmentId: departmentOf({ division: transfer.from.division, section: transfer.from.section }),
          toDepartmentId: departmentOf({ division: transfer.to.division, section: transfer.to.section }),
          fromJobLevel: transfer.from.jobLevel,
          toJobLevel: transfer.to.jobLevel,
          effectiveDate: transfer.effectiveDate,
        }));
      },
      async leavers() {
        return (await r.staffDirectory.listStaff()).flatMap((record) => (record.status === 'left' && record.leftOn ? [{ staffNumber: record.staffNumber, leftOn: record.leftOn }] : []));
      },
    },
  });
  const chat = createSkillsFeature({ skills, confirmations, tabUrl: deps.tabUrl });
  const module: FeatureModule = {
    name: 'skills',
    chat: { commands: { 'my-skills': chat.mySkills }, invokeRoutes: chat.invokeRoutes },
    registerRoutes: (server, http) => {
      registerSkillRoutes(server, { ...http, skills, confirmations, examPasses: r.examPasses, exams: r.exams });
      registerReportRoutes(server, { ...http, reports });
    },
  };
  return { skills, confirmations, reports, module };
}
