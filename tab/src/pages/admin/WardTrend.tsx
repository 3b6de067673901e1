import { Button, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { createApiClient } from '../../api/client';
import { Section } from '../../components/Section/Section';
import { SkillShareTrend } from '../../components/SkillShareTrend/SkillShareTrend';
import { useLoad } from '../../hooks/use-load';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  departments: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))',
  },
});

/**
 * 管理 → スキル推移: the ward-wide and per-課 share at LV1 or above by 年度 (charts and tables) and the share at or
 * above each step-up target. Each year counts the staff of its end in the 課 and 職層 they held then; groups under
 * five are hidden (「5人未満のため非表示」).
 */
export function WardTrend(props: { locale: Locale; api: Api; onError: (message: string) => void }) {
  const { locale } = props;
  // Read on demand: the trend replays every person's history (about 5,200 partition reads), too much for every
  // visit to 管理.
  const [shown, setShown] = useState(false);
  return (
    <Section id="ward-trend" title={translate(locale, 'wardTrendHeading')} bare>
      {shown ? (
        <WardTrendFigures {...props} />
      ) : (
        <div>
          <Button onClick={() => setShown(true)} data-testid="ward-trend-show">
            {translate(locale, 'wardTrendShow')}
          </Button>
        </div>
      )}
    </Section>
  );
}

function WardTrendFigures(props: { locale: Locale; api: Api; onError: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const { data } = useLoad(api.admin.skillTrend, onError);
  if (!data) return <Text>{t('loading')}</Text>;
  return (
    <div className={styles.stack} data-testid="ward-trend">
      <Text size={200}>{t('wardTrendIntro')}</Text>
      <Card>
        <Text weight="semibold">{t('wardTrendChartTitle')}</Text>
        <SkillShareTrend
          locale={locale}
          testId="ward-trend-ward"
          chartDescription={t('wardTrendChartDescription')}
          years={data.years.map((year) => ({
            fiscalYear: year.fiscalYear,
            distribution: year.ward,
            targets: year.targets,
          }))}
        />
      </Card>
      <div className={styles.departments}>
        {(data.years.at(-1)?.departments ?? []).map(({ department }) => (
          <Card key={department.id} data-testid={`ward-trend-department-${department.id}`}>
            <Text weight="semibold">{department.name}</Text>
            <SkillShareTrend
              locale={locale}
              testId={`ward-trend-${department.id}`}
              chartDescription={t('departmentTrendChartDescription')}
              years={data.years.map((year) => {
                const row = year.departments.find((candidate) => candidate.department.id === department.id);
                return {
                  fiscalYear: year.fiscalYear,
                  distribution: row?.distribution ?? { suppressed: true, people: 0 },
                  targets: row?.targets ?? [],
                };
              })}
            />
          </Card>
        ))}
      </div>
    </div>
  );
}
