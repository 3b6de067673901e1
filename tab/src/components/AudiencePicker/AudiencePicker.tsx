import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { JOB_LEVEL_LABELS, JOB_LEVELS } from '../../../../bot/src/kernel/domain/catalog/job-levels.js';
import { translate, type Locale } from '../../i18n/messages';

const useStyles = makeStyles({
  wide: { gridColumn: '1 / -1', border: 'none', padding: 0, margin: 0 },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
});

/** A set with one value switched on or off (for checkbox lists). */
export const toggled = (set: ReadonlySet<string>, value: string, on: boolean): Set<string> => {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
};

/**
 * The departments or job levels an audience is made of, as checkboxes; nothing for the other audience kinds.
 * Shared by the survey and news forms, which address the same groups of staff.
 */
export function AudiencePicker(props: {
  locale: Locale;
  kind: string;
  departments: readonly { id: string; name: string }[];
  departmentIds: ReadonlySet<string>;
  onDepartmentIds: (change: (current: ReadonlySet<string>) => Set<string>) => void;
  jobLevels: ReadonlySet<string>;
  onJobLevels: (change: (current: ReadonlySet<string>) => Set<string>) => void;
}) {
  const styles = useStyles();
  if (props.kind === 'departments') {
    return (
      <fieldset className={`${styles.wide} ${styles.choices}`}>
        <legend>{translate(props.locale, 'audience_departments')}</legend>
        {props.departments.map((department) => (
          <Checkbox
            key={department.id}
            label={department.name}
            checked={props.departmentIds.has(department.id)}
            onChange={(_event, change) => props.onDepartmentIds((current) => toggled(current, department.id, change.checked === true))}
          />
        ))}
      </fieldset>
    );
  }
  if (props.kind === 'job-levels') {
    return (
      <fieldset className={`${styles.wide} ${styles.choices}`}>
        <legend>{translate(props.locale, 'audience_job-levels')}</legend>
        {JOB_LEVELS.map((level) => (
          <Checkbox
            key={level}
            label={JOB_LEVEL_LABELS[level][props.locale]}
            checked={props.jobLevels.has(level)}
            onChange={(_event, change) => props.onJobLevels((current) => toggled(current, level, change.checked === true))}
          />
        ))}
      </fieldset>
    );
  }
  return null;
}
