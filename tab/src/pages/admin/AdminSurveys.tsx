import { Badge, Button, Card, Checkbox, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { SURVEY_INDICATORS } from '../../../../bot/src/kernel/domain/catalog/survey-indicators.js';
import { fiscalYearOf } from '../../../../bot/src/kernel/domain/jst.js';
import type { createApiClient } from '../../api/client';
import type { NewSurveyInput, SurveyResultsView } from '../../api/surveys';
import { SurveyResults, SurveyTrend } from '../../components/SurveyResults/SurveyResults';
import { attempt, formatJst, jstDate, jstInstant, saveFile, useLoad } from '../../hooks/use-load';
import { AudiencePicker, toggled } from '../../components/AudiencePicker/AudiencePicker';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', alignItems: 'end' },
  wide: { gridColumn: '1 / -1' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: 0, listStyle: 'none', margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The JST calendar date (YYYY-MM-DD) some days from now. */
const jstDaysFromNow = (days: number) => jstDate(new Date(Date.now() + days * 86_400_000));

/** アンケート for デジタル推進課: create and start rounds, read each round's results, the CSV and the trend. */
export function AdminSurveys(props: { locale: Locale; api: Api; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const { data, reload } = useLoad(api.admin.surveys, onError);
  const { data: trend, reload: reloadTrend } = useLoad(api.admin.surveyTrend, onError);
  const [form, setForm] = useState({
    kind: 'annual' as NewSurveyInput['kind'],
    fiscalYear: String(fiscalYearOf(new Date())),
    opensDate: jstDaysFromNow(0),
    opensTime: '09:00',
    closesDate: jstDaysFromNow(14),
    closesTime: '17:00',
    audience: 'everyone' as NewSurveyInput['audience']['kind'],
    reminders: '3',
  });
  const [questionIds, setQuestionIds] = useState<ReadonlySet<string>>(new Set());
  const [departmentIds, setDepartmentIds] = useState<ReadonlySet<string>>(new Set());
  const [jobLevels, setJobLevels] = useState<ReadonlySet<string>>(new Set());
  const [results, setResults] = useState<SurveyResultsView | undefined>();
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (_event: unknown, change: { value: string }) => setForm((current) => ({ ...current, [name]: change.value })) });

  // The trend is re-read with the results: both move as answers come in.
  const showResults = useCallback(
    (roundId: string) =>
      attempt(async () => {
        const [loaded] = await Promise.all([api.admin.surveyResults(roundId), reloadTrend()]);
        setResults(loaded);
      }, onError),
    [api, onError, reloadTrend],
  );

  const create = async () => {
    const audience: NewSurveyInput['audience'] =
      form.audience === 'departments'
        ? { kind: 'departments', departmentIds: [...departmentIds] }
        : form.audience === 'job-levels'
          ? { kind: 'job-levels', jobLevels: [...jobLevels] }
          : { kind: 'everyone' };
    const input: NewSurveyInput = {
      kind: form.kind,
      fiscalYear: Number(form.fiscalYear),
      opensAt: jstInstant(form.opensDate, form.opensTime),
      closesAt: jstInstant(form.closesDate, form.closesTime),
      audience,
      reminderDaysBeforeClose: form.reminders
        .split(/[,、\s]+/)
        .filter(Boolean)
        .map(Number),
      ...(form.kind === 'pulse' ? { questionIds: [...questionIds] } : {}),
    };
    if (await attempt(() => api.admin.createSurvey(input), onError)) {
      onNotice(t('surveyCreated'));
      await reload();
    }
  };

  const start = async (roundId: string) => {
    await attempt(async () => {
      const started = await api.admin.startSurvey(roundId);
      onNotice(t(started.invitations === 'queued' ? 'surveyStartedQueued' : 'surveyStartedNotSent', { n: started.audienceSize }));
      await Promise.all([reload(), reloadTrend()]);
    }, onError);
  };

  /** Closes a running round now, so its final results (with breakdowns) can be read. */
  const close = async (roundId: string) => {
    await attempt(async () => {
      await api.admin.closeSurvey(roundId);
      onNotice(t('surveyClosedNow'));
      await Promise.all([reload(), reloadTrend()]);
    }, onError);
  };

  const download = (roundId: string) =>
    attempt(async () => saveFile(await api.admin.exportSurveyResults(roundId)), onError);

  return (
    <section aria-labelledby="survey-heading" className={styles.stack}>
      <Subtitle2 as="h2" id="survey-heading">
        {t('surveyHeading')}
      </Subtitle2>
      <Text size={200}>{t('surveyIntro')}</Text>
      <Card>
        <Subtitle2 as="h3">{t('surveyCreateHeading')}</Subtitle2>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <Field label={t('surveyKind')}>
            <Select {...field('kind')} data-testid="survey-kind">
              <option value="annual">{t('surveyKind_annual')}</option>
              <option value="pulse">{t('surveyKind_pulse')}</option>
            </Select>
          </Field>
          <Field label={t('fiscalYear')} required>
            <Input type="number" min={2024} max={2100} required {...field('fiscalYear')} data-testid="survey-fiscal-year" />
          </Field>
          <Field label={t('opensOn')} required>
            <Input type="date" required {...field('opensDate')} data-testid="survey-opens-date" />
          </Field>
          <Field label={t('startTime')} required>
            <Input type="time" required {...field('opensTime')} data-testid="survey-opens-time" />
          </Field>
          <Field label={t('closesOn')} required>
            <Input type="date" required {...field('closesDate')} data-testid="survey-closes-date" />
          </Field>
          <Field label={t('endTime')} required>
            <Input type="time" required {...field('closesTime')} />
          </Field>
          <Field label={t('surveyAudience')}>
            <Select {...field('audience')} data-testid="survey-audience">
              <option value="everyone">{t('audience_everyone')}</option>
              <option value="departments">{t('audience_departments')}</option>
              <option value="job-levels">{t('audience_job-levels')}</option>
            </Select>
          </Field>
          <Field label={t('reminderDays')}>
            <Input {...field('reminders')} data-testid="survey-reminders" />
          </Field>
          <AudiencePicker
            locale={locale}
            kind={form.audience}
            departments={data?.departments ?? []}
            departmentIds={departmentIds}
            onDepartmentIds={setDepartmentIds}
            jobLevels={jobLevels}
            onJobLevels={setJobLevels}
          />
          {form.kind === 'pulse' && (
            <fieldset className={styles.wide}>
              <legend>{t('surveyQuestions')}</legend>
              {SURVEY_INDICATORS.map((indicator) => (
                <Checkbox
                  key={indicator.id}
                  label={indicator.name[locale]}
                  checked={questionIds.has(indicator.id)}
                  onChange={(_event, change) => setQuestionIds((current) => toggled(current, indicator.id, change.checked === true))}
                  data-testid={`survey-question-pick-${indicator.id}`}
                />
              ))}
            </fieldset>
          )}
          <Button type="submit" appearance="primary" data-testid="survey-create">
            {t('create')}
          </Button>
        </form>
      </Card>

      <Subtitle2 as="h3">{t('surveyRoundsHeading')}</Subtitle2>
      {data && data.rounds.length === 0 && <Text>{t('noSurveys')}</Text>}
      <ul className={styles.list}>
        {(data?.rounds ?? []).map((round) => (
          <li key={round.id}>
            <Card data-testid={`survey-round-${round.id}`}>
              <div className={styles.row}>
                <Text>
                  <Text weight="semibold">
                    {t('fiscalYearValue', { year: round.fiscalYear })} {t(`surveyKindShort_${round.kind}`)}
                  </Text>{' '}
                  {formatJst(round.opensAt, locale)} – {formatJst(round.closesAt, locale)}
                </Text>
                <Badge appearance="tint" color={round.status === 'started' ? 'success' : round.status === 'draft' ? 'informative' : 'subtle'} data-testid={`survey-status-${round.id}`}>
                  {t(`status_${round.status}`)}
                </Badge>
                <div className={styles.actions}>
                  {round.status === 'draft' && (
                    <Button size="small" appearance="primary" onClick={() => void start(round.id)} data-testid={`survey-start-${round.id}`}>
                      {t('start')}
                    </Button>
                  )}
                  {round.status === 'started' && new Date(round.closesAt) > new Date() && (
                    <Button size="small" onClick={() => void close(round.id)} data-testid={`survey-close-${round.id}`}>
                      {t('closeSurveyNow')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => void showResults(round.id)} data-testid={`survey-results-${round.id}`} aria-expanded={results?.round.id === round.id}>
                    {t('showResults')}
                  </Button>
                  <Button size="small" onClick={() => void download(round.id)} data-testid={`survey-csv-${round.id}`}>
                    {t('exportSurveyCsv')}
                  </Button>
                </div>
              </div>
            </Card>
          </li>
        ))}
      </ul>
      {results && <SurveyResults locale={locale} data={results} />}
      {trend && <SurveyTrend locale={locale} trend={trend} />}
    </section>
  );
}
