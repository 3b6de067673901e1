import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { Distribution, TargetShare } from '../../api/skills';
import { translate, type Locale } from '../../i18n/messages';
import { TrendChart } from '../TrendChart/TrendChart';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      padding: tokens.spacingHorizontalXS,
      textAlign: 'left',
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
  },
});

export interface ShareYear {
  fiscalYear: number;
  distribution: Distribution;
  targets: TargetShare[];
}

/** The share at LV1 or above in one skill, or undefined for a hidden group. */
export function shareAtLv1(
  distribution: Distribution,
  skillId: string,
): { percent: number; reached: number } | undefined {
  if (distribution.suppressed || distribution.people === 0) return undefined;
  const reached = (distribution.bySkill[skillId] ?? []).slice(1).reduce((sum, count) => sum + count, 0);
  return { percent: Math.round((reached / distribution.people) * 100), reached };
}

const skillName = (skillId: string, locale: Locale) =>
  SKILLS.find((skill) => skill.id === skillId)?.name[locale] ?? skillId;

/**
 * A group's skills over the 年度: a chart of the share at LV1 or above per skill, the same figures as a table, and
 * the share at or above each step-up target per year. A year under five people says 「5人未満のため非表示」 and
 * leaves a gap in the chart.
 */
export function SkillShareTrend(props: {
  locale: Locale;
  years: readonly ShareYear[];
  testId: string;
  chartDescription: string;
}) {
  const styles = useStyles();
  const { locale, years, testId } = props;
  const t = (key: Parameters<typeof translate>[1], values: Record<string, string | number> = {}) =>
    translate(locale, key, values);
  const targetKeys = [
    ...new Map(
      years.flatMap((year) => year.targets).map((share) => [`${share.jobLevel}-${share.skillId}`, share]),
    ).values(),
  ];
  const anyShown = years.some((year) => !year.distribution.suppressed);
  return (
    <div className={styles.wrap}>
      {anyShown && (
        <TrendChart
          testId={`${testId}-chart`}
          labels={years.map((year) => t('fiscalYearLabel', { year: year.fiscalYear }))}
          series={SKILLS.map((skill) => ({
            name: skill.name[locale],
            values: years.map((year) => shareAtLv1(year.distribution, skill.id)?.percent),
          }))}
          max={100}
          ticks={[0, 25, 50, 75, 100]}
          formatTick={(value) => `${value}%`}
          description={props.chartDescription}
        />
      )}
      <table className={styles.table} data-testid={`${testId}-table`}>
        <caption>
          <Text size={200}>{t('departmentTrendHeading')}</Text>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('fiscalYear')}</th>
            {SKILLS.map((skill) => (
              <th key={skill.id} scope="col">
                {skill.name[locale]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {years.map(({ fiscalYear, distribution }) => (
            <tr key={fiscalYear} data-testid={`${testId}-${fiscalYear}`}>
              <th scope="row">
                {t('fiscalYearLabel', { year: fiscalYear })}
                {!distribution.suppressed && <Text size={200}> ({t('trendPeople', { n: distribution.people })})</Text>}
              </th>
              {distribution.suppressed ? (
                <td colSpan={SKILLS.length}>{t('trendHidden')}</td>
              ) : (
                SKILLS.map((skill) => {
                  const share = shareAtLv1(distribution, skill.id);
                  return (
                    <td key={skill.id}>
                      {share
                        ? t('trendCell', { percent: share.percent, n: share.reached, total: distribution.people })
                        : '—'}
                    </td>
                  );
                })
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {targetKeys.length > 0 && (
        <table className={styles.table} data-testid={`${testId}-targets`}>
          <caption>
            <Text size={200}>{t('targetSharesByYear')}</Text>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('targetsHeading')}</th>
              {years.map((year) => (
                <th key={year.fiscalYear} scope="col">
                  {t('fiscalYearLabel', { year: year.fiscalYear })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {targetKeys.map((target) => (
              <tr key={`${target.jobLevel}-${target.skillId}`}>
                <th scope="row">
                  {t('targetLine', {
                    jobLevel: t(target.jobLevel),
                    skill: skillName(target.skillId, locale),
                    level: target.level,
                    year: target.byFiscalYear,
                  })}
                </th>
                {years.map((year) => {
                  const share = year.targets.find(
                    (candidate) => candidate.jobLevel === target.jobLevel && candidate.skillId === target.skillId,
                  );
                  return (
                    <td key={year.fiscalYear}>
                      {!share
                        ? '—'
                        : share.suppressed
                          ? t('trendHidden')
                          : t('trendCell', {
                              percent: Math.round(share.share * 100),
                              n: share.atOrAbove,
                              total: share.people,
                            })}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
