import { Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import type { createApiClient, Profile } from '../api/client';
import type { Catalog } from '../api/catalog';
import type { MySkills } from '../api/skills';
import { Distribution } from '../components/Distribution/Distribution';
import { ExamPasses } from '../components/ExamPasses/ExamPasses';
import { ExamSubsidy } from '../components/ExamSubsidy/ExamSubsidy';
import { Completions, MySessions } from '../components/MyTraining/MyTraining';
import { NewsSettings } from '../components/NewsSettings/NewsSettings';
import { Recommendations } from '../components/Recommendations/Recommendations';
import { SkillAssessment } from '../components/SkillAssessment/SkillAssessment';
import { ConfirmationQueue } from '../components/ConfirmationQueue/ConfirmationQueue';
import { SkillTimeline } from '../components/SkillTimeline/SkillTimeline';
import { TargetShares } from '../components/TargetShares/TargetShares';
import { DepartmentTrend } from '../components/DepartmentTrend/DepartmentTrend';
import { SkillChart } from '../components/SkillChart/SkillChart';
import { TrainingMap } from '../components/TrainingMap/TrainingMap';
import { TrainingSessions } from '../components/TrainingSessions/TrainingSessions';
import { attempt, useLoad } from '../hooks/use-load';
import { translate, type Locale } from '../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

/** What every page gets from the app shell. */
export interface PageProps {
  locale: Locale;
  api: Api;
  onError: (message: string) => void;
  onNotice: (message: string) => void;
  /** Changes whenever sessions or skills changed elsewhere, so the page reloads what it shows. */
  revision: number;
  onChanged: () => Promise<void>;
}

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL } });

/** A loader that is rebuilt (and so re-run) whenever the revision changes. */
function useRevisioned<T>(load: () => Promise<T>, revision: number) {
  // The revision is deliberately a dependency the function body does not read: it is the reason to reload.
  return useMemo(() => () => load(), [load, revision]);
}

/** マイスキル: levels as a chart, what to take next, and the self-assessment itself. */
export function SkillsPage(props: PageProps & { profile: Profile; skills: MySkills; onSkillsSaved: (skills: MySkills) => void }) {
  const styles = useStyles();
  const { api, onError, onChanged } = props;
  const { data: mine } = useLoad(useRevisioned(api.mySessions, props.revision), onError);
  const { data: news } = useLoad(api.news, onError);
  const { data: settings, reload: reloadSettings } = useLoad(api.notificationSettings, onError);
  // Reloaded after each save too: the skills object changes identity when the employee saves.
  const { data: timeline } = useLoad(useMemo(() => () => api.skillTimeline(), [api, props.revision, props.skills]), onError);
  const { data: queue, reload: reloadQueue } = useLoad(useRevisioned(api.confirmationQueue, props.revision), onError);
  const enrolled = useMemo(() => new Set((mine ?? []).filter((session) => !session.past).map((session) => session.id)), [mine]);
  const save = useCallback(
    async (input: { ticked: string[]; goals: Record<string, number>; mindsetChecks: string[] }) => {
      await attempt(async () => props.onSkillsSaved(await api.saveMySkills(input)), onError);
    },
    [api, onError, props],
  );
  return (
    <div className={styles.stack}>
      <ConfirmationQueue
        locale={props.locale}
        items={queue}
        onDecide={async (item, decision, comment) => {
          const done = await attempt(() => api.decideConfirmation(item.employeeId, item.skillId, { decision, level: item.level, ...(comment.trim() ? { comment } : {}) }), onError);
          if (done) props.onNotice(translate(props.locale, decision === 'confirm' ? 'confirmationDone' : 'confirmationSentBack'));
          await reloadQueue();
        }}
      />
      <SkillChart locale={props.locale} levels={props.skills.levels} goals={props.skills.goals} />
      <Recommendations
        locale={props.locale}
        skills={props.skills}
        enrolledSessionIds={enrolled}
        onEnroll={async (sessionId) => {
          if (await attempt(() => api.enroll(sessionId), onError)) await onChanged();
        }}
      />
      <SkillAssessment locale={props.locale} jobLevel={props.profile.jobLevel} skills={props.skills} onSave={save} />
      <SkillTimeline locale={props.locale} timeline={timeline} />
      <NewsSettings
        locale={props.locale}
        items={news}
        categories={settings?.categories}
        onSave={async (categories) => {
          await api.saveNotificationSettings(categories);
          props.onNotice(translate(props.locale, 'saved'));
          await reloadSettings();
        }}
        onError={onError}
      />
    </div>
  );
}

/** 研修: open sessions, the employee's own, and the whole training map. */
export function TrainingPage(props: PageProps & { catalog: Catalog }) {
  const styles = useStyles();
  const { api, onError, onChanged } = props;
  const { data: mine } = useLoad(useRevisioned(api.mySessions, props.revision), onError);
  const act = (action: (sessionId: string) => Promise<unknown>) => async (sessionId: string) => {
    await action(sessionId);
    await onChanged();
  };
  return (
    <div className={styles.stack}>
      <TrainingSessions locale={props.locale} load={useRevisioned(api.sessions, props.revision)} enroll={act(api.enroll)} cancel={act(api.cancelEnrollment)} onError={onError} />
      <MySessions locale={props.locale} sessions={mine} />
      <TrainingMap locale={props.locale} catalog={props.catalog} />
    </div>
  );
}

/** 実績・助成: completed trainings, IT exam passes and how the exam subsidy works. */
export function EvidencePage(props: PageProps) {
  const styles = useStyles();
  const { api, onError } = props;
  const { data: completions } = useLoad(api.completions, onError);
  const { data: subsidy } = useLoad(api.examSubsidy, onError);
  return (
    <div className={styles.stack}>
      <Completions locale={props.locale} completions={completions} />
      <ExamPasses locale={props.locale} load={api.exams} record={api.recordExam} remove={api.removeExam} onError={onError} />
      <ExamSubsidy locale={props.locale} body={subsidy?.body} />
    </div>
  );
}

/** 部署の状況: level distribution of the viewer's own department (DX推進委員, 管理職). */
export function DepartmentPage(props: PageProps) {
  const { data } = useLoad(props.api.departmentSkills, props.onError);
  const { data: trend } = useLoad(props.api.departmentTrend, props.onError);
  return (
    <section aria-labelledby="department-heading">
      <Subtitle2 as="h2" id="department-heading">
        {translate(props.locale, 'departmentHeading')} {data && `: ${data.department.name} (${translate(props.locale, 'people', { n: data.distribution.people })})`}
      </Subtitle2>
      <p>
        <Text size={200}>{translate(props.locale, 'departmentIntro')}</Text>
      </p>
      {data && (
        <Card>
          <Distribution locale={props.locale} distribution={data.distribution} testId="department-distribution" />
          <TargetShares locale={props.locale} shares={data.targets} testId="department-target-shares" />
        </Card>
      )}
      <DepartmentTrend locale={props.locale} years={trend?.years} />
    </section>
  );
}
