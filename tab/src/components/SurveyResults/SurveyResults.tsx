import { Card, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { MIN_NEW_ANSWERS_PER_SNAPSHOT } from '../../../../bot/src/features/survey/domain/survey-disclosure.js';
import { JOB_LEVEL_LABELS, type JobLevel } from '../../../../bot/src/kernel/domain/catalog/job-levels.js';
import type { BreakdownView, QuestionResultView, SurveyResultsView, SurveyTrendView } from '../../api/surveys';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  rows: { display: 'grid', gridTemplateColumns: 'minmax(4em, max-content) 1fr max-content', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, margin: 0 },
  track: { position: 'relative', height: '16px', backgroundColor: tokens.colorNeutralBackground4, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusSmall },
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  target: { position: 'absolute', top: '-3px', bottom: '-3px', width: '3px', backgroundColor: tokens.colorPaletteRedBorder2 },
  dd: { margin: 0 },
  achieved: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  axis: { display: 'flex', justifyContent: 'space-between' },
  questionCell: { minWidth: '16em' },
});

const three = (value: number) => value.toFixed(3);
const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
/** Where a mean on the 1–5 scale sits along a bar, in percent. */
const along = (value: number) => `${((value - 1) / 4) * 100}%`;
const targetValue = (question: QuestionResultView) => (question.target.kind === 'value' ? (question.target.value ?? 3.5) : question.baseline);
const numbered = (index: number, question: QuestionResultView, locale: Locale) => `Q${index + 1} ${question.name[locale]}`;

/** Bars of each question's mean on the 1–5 scale with a line at its target; the figures are also written out. */
function SurveyChart(props: { locale: Locale; questions: QuestionResultView[] }) {
  const styles = useStyles();
  const t = (key: MessageKey) => translate(props.locale, key);
  return (
    <Card data-testid="survey-chart">
      <Subtitle2 as="h4">{t('surveyChartHeading')}</Subtitle2>
      <dl className={styles.rows} aria-label={t('surveyChartLabel')}>
        {props.questions.map((question, index) => {
          const target = targetValue(question);
          return (
            <div key={question.questionId} style={{ display: 'contents' }}>
              <dt>
                <Text title={question.name[props.locale]}>Q{index + 1}</Text>
              </dt>
              <dd className={styles.dd} aria-hidden="true">
                <div className={styles.track}>
                  {question.mean !== undefined && <div className={styles.bar} style={{ width: along(question.mean) }} />}
                  <div className={styles.target} style={{ left: `calc(${along(target)} - 1px)` }} />
                </div>
              </dd>
              <dd className={styles.dd} data-testid={`survey-chart-${question.questionId}`}>
                <Text weight="semibold">{question.mean !== undefined ? three(question.mean) : t(question.suppressed ? 'surveyHiddenSmall' : 'surveyNoAnswers')}</Text>
                <Text size={200}>
                  {' '}
                  / {t('surveyTarget')} {question.targetLabel[props.locale]}
                  {question.target.kind !== 'value' && ` (${three(target)})`}
                </Text>
              </dd>
            </div>
          );
        })}
        <div style={{ display: 'contents' }} aria-hidden="true">
          <span />
          <Text size={100} className={styles.axis}>
            {[1, 2, 3, 4, 5].map((tick) => (
              <span key={tick}>{tick}</span>
            ))}
          </Text>
          <span />
        </div>
      </dl>
    </Card>
  );
}

function BreakdownTable(props: { locale: Locale; breakdown: BreakdownView; questions: QuestionResultView[]; groupName: (id: string | undefined) => string; testId: string; heading: string }) {
  const styles = useStyles();
  const t = (key: MessageKey) => translate(props.locale, key);
  return (
    <Card>
      <Subtitle2 as="h4">{props.heading}</Subtitle2>
      <div className={styles.scroll}>
        <Table size="small" data-testid={props.testId}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('group')}</TableHeaderCell>
              <TableHeaderCell>{t('respondents')}</TableHeaderCell>
              {props.questions.map((question, index) => (
                <TableHeaderCell key={question.questionId} title={question.name[props.locale]}>
                  Q{index + 1}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.breakdown.groups.map((group) => (
              <TableRow key={group.groupId ?? '(none)'}>
                <TableCell>{props.groupName(group.groupId)}</TableCell>
                <TableCell>{group.respondents}</TableCell>
                {props.questions.map((question) => {
                  const mean = group.means[question.questionId];
                  return <TableCell key={question.questionId}>{mean === undefined ? '—' : three(mean)}</TableCell>;
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {props.breakdown.someHidden && <Text size={200}>{t('surveyGroupsHidden')}</Text>}
    </Card>
  );
}

/**
 * One round's results: response rate against the 2024 reference, per question n, mean, distribution, baseline,
 * target, achievement and next year's benchmark, the chart, and breakdowns with groups under five hidden.
 */
export function SurveyResults(props: { locale: Locale; data: SurveyResultsView }) {
  const styles = useStyles();
  const { locale } = props;
  const { results, departmentNames, publication } = props.data;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  // A running round without a snapshot (or a round never run) says why there is nothing to show.
  if (!results || publication.kind === 'none') {
    return (
      <Card data-testid="survey-results">
        <Text data-testid="survey-publication">{publication.kind === 'none' ? publication.reason[locale] : t('surveyBreakdownAfterClose')}</Text>
      </Card>
    );
  }
  const { responseRate } = results;
  // Sheets carry no 課 or job level where too few people share it (or HR has not registered one).
  const unregistered = t('surveyNoGroup');
  return (
    <div className={styles.stack} data-testid="survey-results">
      <Subtitle2 as="h3">{t('surveyResultsHeading', { year: results.fiscalYear, kind: t(`surveyKindShort_${results.kind}`) })}</Subtitle2>
      <Text data-testid="survey-publication">
        {publication.kind === 'snapshot'
          ? `${t('surveySnapshotNote', { day: publication.takenOn, respondents: publication.respondents, minimum: MIN_NEW_ANSWERS_PER_SNAPSHOT })} ${t('surveyBreakdownAfterClose')}`
          : t('surveyFinalNote')}
      </Text>
      <Text data-testid="survey-response-rate">
        {t('responseRateLine', {
          respondents: responseRate.respondents.toLocaleString('en-US'),
          audience: responseRate.audienceSize.toLocaleString('en-US'),
          rate: responseRate.rate === undefined ? '—' : percent(responseRate.rate),
        })}
        {' — '}
        {t('responseRateReference', { responses: responseRate.reference.responses.toLocaleString('en-US'), rate: percent(responseRate.reference.responseRate) })}
      </Text>
      <Card>
        <div className={styles.scroll}>
          <Table size="small" data-testid="survey-questions">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('question')}</TableHeaderCell>
                <TableHeaderCell>{t('surveyN')}</TableHeaderCell>
                <TableHeaderCell>{t('surveyMean')}</TableHeaderCell>
                <TableHeaderCell>{t('surveyDistribution')}</TableHeaderCell>
                <TableHeaderCell>{t('surveyBaseline')}</TableHeaderCell>
                <TableHeaderCell>{t('surveyTarget')}</TableHeaderCell>
                <TableHeaderCell>{t('surveyAchieved')}</TableHeaderCell>
                <TableHeaderCell>{t('surveyNextBenchmark')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.questions.map((question, index) => (
                <TableRow key={question.questionId} data-testid={`survey-question-${question.questionId}`}>
                  <TableCell className={styles.questionCell}>{numbered(index, question, locale)}</TableCell>
                  <TableCell>{question.n.toLocaleString('en-US')}</TableCell>
                  <TableCell>{question.mean !== undefined ? three(question.mean) : t(question.suppressed ? 'surveyHiddenSmall' : 'surveyNoAnswers')}</TableCell>
                  <TableCell>{question.distribution ? [1, 2, 3, 4, 5].map((value) => question.distribution?.[value] ?? 0).join(' / ') : '—'}</TableCell>
                  <TableCell>{three(question.baseline)}</TableCell>
                  <TableCell>{question.targetLabel[locale]}</TableCell>
                  <TableCell>
                    {question.achieved === undefined ? '—' : question.achieved ? <span className={styles.achieved}>✓ {t('surveyAchieved_yes')}</span> : t('surveyAchieved_no')}
                  </TableCell>
                  <TableCell>{question.nextBenchmarkLabel?.[locale] ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
        <Text size={200}>
          {results.hrMeasured.outcomeId}: {results.hrMeasured.text[locale]}
        </Text>
      </Card>
      <SurveyChart locale={locale} questions={results.questions} />
      {publication.kind === 'final' && (
        <>
          <BreakdownTable
            locale={locale}
            heading={t('byDepartment')}
            breakdown={results.byDepartment}
            questions={results.questions}
            groupName={(id) => (id === undefined ? unregistered : (departmentNames[id] ?? id))}
            testId="survey-by-department"
          />
          <BreakdownTable
            locale={locale}
            heading={t('byJobLevel')}
            breakdown={results.byJobLevel}
            questions={results.questions}
            groupName={(id) => (id === undefined ? unregistered : (JOB_LEVEL_LABELS[id as JobLevel]?.[locale] ?? id))}
            testId="survey-by-job-level"
          />
        </>
      )}
    </div>
  );
}

/** Per question, each annual round's mean and its change from the year before, after the policy's 2024 baseline. */
export function SurveyTrend(props: { locale: Locale; trend: SurveyTrendView }) {
  const styles = useStyles();
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(props.locale, key, values);
  const years = [...new Set(props.trend.flatMap((question) => question.points.map((point) => point.fiscalYear)))].sort((a, b) => a - b);
  return (
    <Card>
      <Subtitle2 as="h3">{t('trendHeading')}</Subtitle2>
      <div className={styles.scroll}>
        <Table size="small" data-testid="survey-trend">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('question')}</TableHeaderCell>
              {years.map((year) => (
                <TableHeaderCell key={year}>{t('fiscalYearValue', { year })}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.trend.map((question) => (
              <TableRow key={question.questionId}>
                <TableCell>{question.name[props.locale]}</TableCell>
                {years.map((year) => {
                  const point = question.points.find((candidate) => candidate.fiscalYear === year);
                  const change = point?.change;
                  return (
                    <TableCell key={year}>
                      {point?.mean === undefined ? '—' : three(point.mean)}
                      {change !== undefined && ` (${change >= 0 ? '+' : ''}${three(change)})`}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text size={200}>{t('trendBaselineNote')}</Text>
    </Card>
  );
}
