import { Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { SkillTimelineView } from '../../api/skills';
import { jstDate } from '../../hooks/use-load';
import { translate, type Locale } from '../../i18n/messages';
import { TrendChart } from '../TrendChart/TrendChart';

const useStyles = makeStyles({
  skills: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))' },
  table: { borderCollapse: 'collapse', width: '100%', '& th, & td': { padding: tokens.spacingHorizontalXS, textAlign: 'left', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` } },
});

/** マイスキルの推移: per skill, each level change with its date and who confirmed it; and the levels per 年度. */
export function SkillTimeline(props: { locale: Locale; timeline: SkillTimelineView | undefined }) {
  const styles = useStyles();
  const { locale, timeline } = props;
  if (!timeline) return null;
  const t = (key: Parameters<typeof translate>[1], values: Record<string, string | number> = {}) => translate(locale, key, values);
  const statusText = (entry: SkillTimelineView['perSkill'][number]['entries'][number]) =>
    entry.status === 'confirmed'
      ? t('timelineConfirmedBy', { name: entry.decidedByName ?? '', date: entry.decidedAt ? jstDate(entry.decidedAt) : '' })
      : entry.status === 'returned'
        ? t('timelineReturnedBy', { name: entry.decidedByName ?? '' })
        : t('timelineSelfAssessed');
  return (
    <section aria-labelledby="timeline-heading" data-testid="skill-timeline">
      <Subtitle2 as="h2" id="timeline-heading">
        {t('timelineHeading')}
      </Subtitle2>
      {timeline.byFiscalYear.length > 0 && (
        <Card>
          <TrendChart
            testId="skill-progress-chart"
            labels={timeline.byFiscalYear.map((year) => t('fiscalYearLabel', { year: year.fiscalYear }))}
            series={SKILLS.map((skill) => ({ name: skill.name[locale], values: timeline.byFiscalYear.map((year) => year.levels[skill.id] ?? 0) }))}
            max={3}
            ticks={[0, 1, 2, 3]}
            formatTick={(value) => `LV${value}`}
            description={t('progressChartDescription')}
          />
          <table className={styles.table} data-testid="skill-fiscal-years">
            <caption>
              <Text size={200}>{t('timelineByFiscalYear')}</Text>
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
              {timeline.byFiscalYear.map((year) => (
                <tr key={year.fiscalYear}>
                  <th scope="row">{t('fiscalYearLabel', { year: year.fiscalYear })}</th>
                  {SKILLS.map((skill) => (
                    <td key={skill.id}>LV{year.levels[skill.id] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <div className={styles.skills}>
        {timeline.perSkill.map((skill) => (
          <Card key={skill.skillId} data-testid={`timeline-${skill.skillId}`}>
            <Text weight="semibold">{SKILLS.find((candidate) => candidate.id === skill.skillId)?.name[locale] ?? skill.skillId}</Text>
            {skill.entries.length === 0 ? (
              <Text size={200}>{t('timelineEmpty')}</Text>
            ) : (
              <ol>
                {[...skill.entries].reverse().map((entry) => (
                  <li key={entry.at}>
                    {jstDate(entry.at)} LV{entry.level} — {statusText(entry)}
                  </li>
                ))}
              </ol>
            )}
          </Card>
        ))}
      </div>
    </section>
  );
}
