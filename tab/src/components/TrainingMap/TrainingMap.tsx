import { Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from '@fluentui/react-components';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { Catalog } from '../../api/catalog';
import { translate, type Locale } from '../../i18n/messages';

const useStyles = makeStyles({ scroll: { overflowX: 'auto' }, cell: { verticalAlign: 'top' } });

/** DXスキル・研修受講マップ (outcome 03): which courses teach each skill at each level. */
export function TrainingMap(props: { locale: Locale; catalog: Catalog }) {
  const styles = useStyles();
  const { locale, catalog } = props;
  const title = (id: string) => catalog.courses.find((course) => course.id === id)?.title[locale] ?? id;
  return (
    <section aria-labelledby="map-heading">
      <Subtitle2 as="h2" id="map-heading">
        {translate(locale, 'mapHeading')}
      </Subtitle2>
      <div className={styles.scroll}>
        <Table size="small" data-testid="training-map" aria-labelledby="map-heading">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{translate(locale, 'skill')}</TableHeaderCell>
              {[1, 2, 3].map((level) => (
                <TableHeaderCell key={level}>LV{level}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {SKILLS.map((skill) => (
              <TableRow key={skill.id}>
                <TableCell className={styles.cell}>
                  <Text weight="semibold">{skill.name[locale]}</Text>
                </TableCell>
                {[1, 2, 3].map((level) => (
                  <TableCell key={level} className={styles.cell}>
                    <Text size={200}>{(catalog.trainingMap[skill.id]?.[String(level)] ?? []).map(title).join(' / ') || '—'}</Text>
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
