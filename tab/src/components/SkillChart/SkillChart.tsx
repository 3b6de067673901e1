import { Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import { translate, type Locale } from '../../i18n/messages';

const useStyles = makeStyles({
  rows: { display: 'grid', gridTemplateColumns: 'minmax(8em, max-content) 1fr max-content', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, margin: 0 },
  track: { position: 'relative', height: '14px', borderRadius: tokens.borderRadiusCircular, backgroundColor: tokens.colorNeutralBackground4, border: `1px solid ${tokens.colorNeutralStroke2}`, overflow: 'hidden' },
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusCircular },
  goal: { position: 'absolute', top: 0, bottom: 0, width: '2px', backgroundColor: tokens.colorPaletteRedBorder2 },
  dd: { margin: 0 },
});

/**
 * The five skills as bars from LV0 to LV3, with a mark at the employee's target level. The same figures are in
 * the text beside each bar, so the chart never carries information on its own.
 */
export function SkillChart(props: { locale: Locale; levels: Record<string, number>; goals: Record<string, number> }) {
  const styles = useStyles();
  const { locale } = props;
  return (
    <Card aria-labelledby="chart-heading" data-testid="skill-chart">
      <Subtitle2 as="h2" id="chart-heading">
        {translate(locale, 'chartHeading')}
      </Subtitle2>
      <dl className={styles.rows} aria-label={translate(locale, 'chartLabel')}>
        {SKILLS.map((skill) => {
          const level = props.levels[skill.id] ?? 0;
          const goal = Math.max(1, props.goals[skill.id] ?? 1);
          return (
            <div key={skill.id} style={{ display: 'contents' }}>
              <dt>
                <Text>{skill.name[locale]}</Text>
              </dt>
              <dd className={styles.dd} aria-hidden="true">
                <div className={styles.track}>
                  <div className={styles.bar} style={{ width: `${(level / 3) * 100}%` }} />
                  <div className={styles.goal} style={{ left: `calc(${(goal / 3) * 100}% - 2px)` }} />
                </div>
              </dd>
              <dd className={styles.dd} data-testid={`chart-level-${skill.id}`}>
                <Text weight="semibold">{level > 0 ? `LV${level}` : translate(locale, 'level0')}</Text>
                <Text size={200}> / {translate(locale, 'goal')} LV{goal}</Text>
              </dd>
            </div>
          );
        })}
      </dl>
    </Card>
  );
}
