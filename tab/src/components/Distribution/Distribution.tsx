import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { Distribution as DistributionData } from '../../api/skills';
import { translate, type Locale } from '../../i18n/messages';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  stack: { display: 'flex', height: '10px', minWidth: '120px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', border: `1px solid ${tokens.colorNeutralStroke2}` },
});

// Darker means a higher level; brand shades read in light, dark and high-contrast themes.
const SHADES = [tokens.colorNeutralBackground4, tokens.colorBrandBackground2, tokens.colorBrandBackgroundHover, tokens.colorBrandBackgroundPressed];

/** People per level (LV0–LV3) in each skill as a table with a stacked bar; a group under five shows only why it is hidden. */
export function Distribution(props: { locale: Locale; distribution: DistributionData; testId: string }) {
  const styles = useStyles();
  const { locale, distribution } = props;
  if (distribution.suppressed) {
    return <Text data-testid={props.testId}>{translate(locale, 'suppressed', { n: distribution.people })}</Text>;
  }
  return (
    <div className={styles.scroll}>
      <Table size="small" data-testid={props.testId}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{translate(locale, 'skill')}</TableHeaderCell>
            {[0, 1, 2, 3].map((level) => (
              <TableHeaderCell key={level}>{level === 0 ? translate(locale, 'level0') : `LV${level}`}</TableHeaderCell>
            ))}
            <TableHeaderCell aria-hidden="true" />
          </TableRow>
        </TableHeader>
        <TableBody>
          {SKILLS.map((skill) => {
            const counts = distribution.bySkill[skill.id] ?? [0, 0, 0, 0];
            return (
              <TableRow key={skill.id}>
                <TableCell>{skill.name[locale]}</TableCell>
                {counts.map((count, level) => (
                  <TableCell key={level}>{count}</TableCell>
                ))}
                <TableCell aria-hidden="true">
                  <div className={styles.stack}>
                    {counts.map((count, level) => (
                      <div key={level} style={{ width: `${(count / distribution.people) * 100}%`, backgroundColor: SHADES[level] }} />
                    ))}
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
