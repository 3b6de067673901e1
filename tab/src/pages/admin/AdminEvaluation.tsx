import {
  Badge,
  Button,
  Card,
  Field,
  Input,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { createApiClient } from '../../api/client';
import type { EvaluationView } from '../../api/awards';
import { Section } from '../../components/Section/Section';
import { attempt, saveFile, useLoad } from '../../hooks/use-load';
import { awardsText, type AwardsMessageKey } from '../../i18n/awards-messages';
import type { Locale } from '../../i18n/messages';

type Outcome = EvaluationView['outcomes'][number];
type Indicator = Outcome['indicators'][number];

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  figures: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column' },
  value: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  bars: {
    display: 'grid',
    gridTemplateColumns: 'minmax(6em, 40%) 1fr max-content',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  track: {
    position: 'relative',
    height: '14px',
    backgroundColor: tokens.colorNeutralBackground4,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusSmall },
  target: {
    position: 'absolute',
    top: '-3px',
    bottom: '-3px',
    width: '3px',
    backgroundColor: tokens.colorPaletteRedBorder2,
  },
  baseline: {
    position: 'absolute',
    top: '-3px',
    bottom: '-3px',
    width: '2px',
    backgroundColor: tokens.colorNeutralForeground3,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

const three = (value: number) => value.toFixed(3);
/** Where a mean on the 1–5 scale sits along a bar, in percent. */
const along = (value: number) => `${Math.max(0, Math.min(100, ((value - 1) / 4) * 100))}%`;

/** The survey indicator as a bar on the 1–5 scale: the mean, a red line at the target, a grey one at the baseline. */
function IndicatorChart(props: { locale: Locale; indicator: Indicator }) {
  const styles = useStyles();
  const a = (key: AwardsMessageKey, values?: Record<string, string | number>) => awardsText(props.locale, key, values);
  const { indicator } = props;
  const benchmark = indicator.nextBenchmark;
  return (
    <div data-testid={`evaluation-indicator-${indicator.questionId}`}>
      <Text size={200}>{indicator.name[props.locale]}</Text>
      <div className={styles.track} aria-hidden="true">
        {indicator.mean !== undefined && <div className={styles.bar} style={{ width: along(indicator.mean) }} />}
        <div className={styles.baseline} style={{ left: along(indicator.baseline) }} />
        <div className={styles.target} style={{ left: `calc(${along(indicator.target.value)} - 1px)` }} />
      </div>
      <Text size={200}>
        {indicator.mean === undefined ? (
          a('noSurvey')
        ) : (
          <>
            <Text weight="semibold">
              {a('mean')} {three(indicator.mean)}
            </Text>{' '}
            <Badge appearance="tint" color={indicator.achieved ? 'success' : 'warning'}>
              {a(indicator.achieved ? 'achieved' : 'notAchieved')}
            </Badge>{' '}
          </>
        )}{' '}
        {a('baseline')} {three(indicator.baseline)} / {a('target')}{' '}
        {indicator.target.kind === 'value'
          ? indicator.target.value
          : `${a('targetAtLeastBaseline')} (${three(indicator.target.value)})`}
        {indicator.previousMean !== undefined && ` / ${a('previous')} ${three(indicator.previousMean)}`}
        {benchmark &&
          ` / ${a('nextBenchmark')}: ${benchmark.kind === 'at-least' ? a('atLeast', { value: three(benchmark.value) }) : benchmark.value}`}
      </Text>
      {indicator.history.length > 1 && (
        <Text size={200} as="p" data-testid={`evaluation-history-${indicator.questionId}`}>
          {a('yearOverYear')}: {indicator.history.map((point) => `${a('fiscalYear', { year: point.fiscalYear })} ${three(point.mean)}`).join(' → ')}
        </Text>
      )}
    </div>
  );
}

function OutcomeCard(props: {
  locale: Locale;
  outcome: Outcome;
  fiscalYear: number;
  saveHrFigure: (value: number) => Promise<boolean>;
}) {
  const styles = useStyles();
  const a = (key: AwardsMessageKey) => awardsText(props.locale, key);
  const { outcome } = props;
  const [hrValue, setHrValue] = useState(outcome.hrMeasured?.figure ? String(outcome.hrMeasured.figure.value) : '');
  return (
    <Card data-testid={`evaluation-outcome-${outcome.outcomeId}`}>
      <Subtitle2 as="h3">
        {outcome.outcomeId} {outcome.title[props.locale]}
      </Subtitle2>
      <Text weight="semibold">{a('outputs')}</Text>
      {outcome.outputs.length === 0 && <Text size={200}>{a('noOutputs')}</Text>}
      <dl className={styles.figures}>
        {outcome.outputs
          .filter((figure) => !figure.breakdown || figure.breakdown.length <= 1)
          .map((figure) => (
            <div
              key={figure.key}
              className={styles.figure}
              data-testid={`evaluation-output-${outcome.outcomeId}-${figure.key}`}
            >
              <dt>
                <Text size={200}>{figure.label[props.locale]}</Text>
              </dt>
              <dd style={{ margin: 0 }} className={styles.value}>
                {figure.value}
              </dd>
            </div>
          ))}
      </dl>
      {outcome.outputs
        .filter((figure) => figure.breakdown && figure.breakdown.length > 1)
        .map((figure) => {
          const largest = Math.max(1, ...(figure.breakdown ?? []).map((entry) => entry.value));
          return (
            <div key={figure.key} data-testid={`evaluation-output-${outcome.outcomeId}-${figure.key}`}>
              <Text size={200}>
                {figure.label[props.locale]}: <Text weight="semibold">{figure.value}</Text>
              </Text>
              <dl className={styles.bars}>
                {(figure.breakdown ?? []).map((entry) => (
                  <div key={entry.id} style={{ display: 'contents' }}>
                    <dt>
                      <Text size={200}>{entry.label[props.locale]}</Text>
                    </dt>
                    <dd style={{ margin: 0 }} className={styles.track} aria-hidden="true">
                      <div className={styles.bar} style={{ width: `${(entry.value / largest) * 100}%` }} />
                    </dd>
                    <dd style={{ margin: 0 }}>
                      <Text size={200}>{entry.value}</Text>
                    </dd>
                  </div>
                ))}
              </dl>
            </div>
          );
        })}
      <Text weight="semibold">{a('indicator')}</Text>
      {outcome.indicators.map((indicator) => (
        <IndicatorChart key={indicator.questionId} locale={props.locale} indicator={indicator} />
      ))}
      {outcome.hrMeasured && (
        <div data-testid="evaluation-hr">
          <Text size={200}>{outcome.hrMeasured.text[props.locale]}</Text>
          <form
            className={styles.row}
            onSubmit={(event) => {
              event.preventDefault();
              // The server checks the range and answers the reason in the user’s language.
              void props.saveHrFigure(Number(hrValue));
            }}
          >
            <Field label={a('hrFigure')}>
              <Input
                inputMode="decimal"
                value={hrValue}
                onChange={(_event, data) => setHrValue(data.value)}
                data-testid="evaluation-hr-value"
              />
            </Field>
            <Button type="submit" data-testid="evaluation-hr-save">
              {a('saveHrFigure')}
            </Button>
          </form>
        </div>
      )}
    </Card>
  );
}

/** 管理 → 事業評価: the eight direct outcomes of a year, outputs as figures and bars, indicators against targets. */
export function AdminEvaluation(props: {
  locale: Locale;
  api: ReturnType<typeof createApiClient>;
  onError: (message: string) => void;
  onNotice: (message: string) => void;
}) {
  const styles = useStyles();
  const { api, onError, onNotice, locale } = props;
  const a = (key: AwardsMessageKey, values?: Record<string, string | number>) => awardsText(locale, key, values);
  const [year, setYear] = useState<number | undefined>();
  const load = useCallback(() => api.awards.admin.evaluation(year), [api, year]);
  const { data, reload } = useLoad(load, onError);
  return (
    <Section
      id="admin-evaluation"
      title={a('evaluationHeading')}
      bare
      headerEnd={
        data && (
          <div className={styles.row}>
            <Button
              onClick={() =>
                void attempt(async () => saveFile(await api.admin.exportEvaluation(data.fiscalYear)), onError)
              }
              data-testid="evaluation-export"
            >
              {a('exportReport')}
            </Button>
            <Field label={a('evaluationYear')} orientation="horizontal">
              <Select
                value={String(data.fiscalYear)}
                onChange={(_event, value) => setYear(Number(value.value))}
                data-testid="evaluation-year"
              >
                {data.years.map((option) => (
                  <option key={option} value={option}>
                    {a('fiscalYear', { year: option })}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        )
      }
    >
      <Text size={200}>{a('evaluationIntro')}</Text>
      <div className={styles.grid} data-testid="evaluation-outcomes">
        {(data?.outcomes ?? []).map((outcome) => (
          <OutcomeCard
            key={`${data?.fiscalYear}-${outcome.outcomeId}`}
            locale={locale}
            outcome={outcome}
            fiscalYear={data?.fiscalYear ?? 0}
            saveHrFigure={async (value) => {
              const done = await attempt(() => api.awards.admin.saveHrFigure(data?.fiscalYear ?? 0, value), onError);
              if (done) {
                onNotice(a('hrFigureSaved'));
                await reload();
              }
              return done;
            }}
          />
        ))}
      </div>
    </Section>
  );
}
