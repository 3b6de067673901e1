import { Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { Distribution } from '../../api/skills';
import { translate, type Locale } from '../../i18n/messages';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { padding: tokens.spacingHorizontalXS, textAlign: 'left', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` } },
});

/**
 * 部署の推移: per 年度, the share at LV1 or above in each skill, counting each person in the 課 they belonged to
 * that year. A year with fewer than five people shows why it is hidden instead of figures.
 */
export function DepartmentTrend(props: { locale: Locale; years: { fiscalYear: number; distribution: Distribution }[] | undefined }) {
  const styles = useStyles();
  const { locale } = props;
  if (!props.years || props.years.length === 0) return null;
  return (
    <Card data-testid="department-trend" aria-labelledby="department-trend-heading">
      <Subtitle2 as="h3" id="department-trend-heading">
        {translate(locale, 'departmentTrendHeading')}
      </Subtitle2>
      <Text size={200}>{translate(locale, 'departmentTrendIntro')}</Text>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{translate(locale, 'fiscalYear')}</th>
            {SKILLS.map((skill) => (
              <th key={skill.id} scope="col">
                {skill.name[locale]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.years.map(({ fiscalYear, distribution }) => (
            <tr key={fiscalYear} data-testid={`department-trend-${fiscalYear}`}>
              <th scope="row">{translate(locale, 'fiscalYearLabel', { year: fiscalYear })}</th>
              {distribution.suppressed ? (
                <td colSpan={SKILLS.length}>{translate(locale, 'suppressed', { n: distribution.people })}</td>
              ) : (
                SKILLS.map((skill) => {
                  const counts = distribution.bySkill[skill.id] ?? [];
                  const reached = counts.slice(1).reduce((sum, count) => sum + count, 0);
                  return (
                    <td key={skill.id}>
                      {translate(locale, 'trendCell', { percent: Math.round((reached / distribution.people) * 100), n: reached, total: distribution.people })}
                    </td>
                  );
                })
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
