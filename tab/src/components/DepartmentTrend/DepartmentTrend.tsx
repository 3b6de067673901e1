import { Card, Subtitle2, Text } from '@fluentui/react-components';
import { translate, type Locale } from '../../i18n/messages';
import { SkillShareTrend, type ShareYear } from '../SkillShareTrend/SkillShareTrend';

/**
 * 部署の推移: per 年度, the share at LV1 or above in each skill (chart and table) and at or above each step-up
 * target, counting each person in the 課 they belonged to that year. A year under five people is hidden.
 */
export function DepartmentTrend(props: { locale: Locale; years: readonly ShareYear[] | undefined }) {
  const { locale } = props;
  if (!props.years || props.years.length === 0) return null;
  return (
    <Card data-testid="department-trend" aria-labelledby="department-trend-heading">
      <Subtitle2 as="h3" id="department-trend-heading">
        {translate(locale, 'departmentTrendHeading')}
      </Subtitle2>
      <Text size={200}>{translate(locale, 'departmentTrendIntro')}</Text>
      <SkillShareTrend
        locale={locale}
        years={props.years}
        testId="department-trend"
        chartDescription={translate(locale, 'departmentTrendChartDescription')}
      />
    </Card>
  );
}
