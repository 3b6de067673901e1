import { Button, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { TargetShare } from '../../api/skills';
import { translate, type Locale } from '../../i18n/messages';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

const skillName = (skillId: string, locale: Locale) => SKILLS.find((skill) => skill.id === skillId)?.name[locale] ?? skillId;
const JOB_LEVELS = ['general', 'chief', 'manager'] as const;

/** Share of each 職層 at or above its step-up target; hidden for a 職層 under five people. */
export function TargetShares(props: { locale: Locale; shares: TargetShare[]; testId: string }) {
  const styles = useStyles();
  const { locale } = props;
  if (props.shares.length === 0) return null;
  return (
    <ul className={styles.list} data-testid={props.testId}>
      {props.shares.map((share) => (
        <li key={`${share.jobLevel}-${share.skillId}`}>
          <Text size={200}>
            {translate(locale, 'targetLine', { jobLevel: translate(locale, share.jobLevel), skill: skillName(share.skillId, locale), level: share.level, year: share.byFiscalYear })}:{' '}
            {share.suppressed
              ? translate(locale, 'suppressed', { n: share.people })
              : translate(locale, 'targetShare', { percent: Math.round(share.share * 100), n: share.atOrAbove, total: share.people })}
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** デジタル推進課 sets a target per 職層 and skill; the server refuses a level outside 1–3. */
export function TargetEditor(props: {
  locale: Locale;
  targets: { jobLevel: string; skillId: string; level: number; byFiscalYear: number }[];
  defaultYear: number;
  onSave: (input: { jobLevel: string; skillId: string; level: number; byFiscalYear: number }) => Promise<void>;
  onRemove: (jobLevel: string, skillId: string) => Promise<void>;
}) {
  const styles = useStyles();
  const { locale } = props;
  const [jobLevel, setJobLevel] = useState<string>('general');
  const [skillId, setSkillId] = useState<string>(SKILLS[0]!.id);
  const [level, setLevel] = useState('1');
  const [year, setYear] = useState(String(props.defaultYear));
  return (
    <div data-testid="target-editor">
      <ul className={styles.list}>
        {props.targets.map((target) => (
          <li key={`${target.jobLevel}-${target.skillId}`}>
            {translate(locale, 'targetLine', { jobLevel: translate(locale, target.jobLevel as (typeof JOB_LEVELS)[number]), skill: skillName(target.skillId, locale), level: target.level, year: target.byFiscalYear })}{' '}
            <Button size="small" onClick={() => props.onRemove(target.jobLevel, target.skillId)}>
              {translate(locale, 'targetRemove')}
            </Button>
          </li>
        ))}
      </ul>
      <div className={styles.form}>
        <label>
          <Text size={200}>{translate(locale, 'jobLevel')} </Text>
          <Select value={jobLevel} onChange={(_event, data) => setJobLevel(data.value)} data-testid="target-job-level">
            {JOB_LEVELS.map((id) => (
              <option key={id} value={id}>
                {translate(locale, id)}
              </option>
            ))}
          </Select>
        </label>
        <label>
          <Text size={200}>{translate(locale, 'targetSkill')} </Text>
          <Select value={skillId} onChange={(_event, data) => setSkillId(data.value)} data-testid="target-skill">
            {SKILLS.map((skill) => (
              <option key={skill.id} value={skill.id}>
                {skill.name[locale]}
              </option>
            ))}
          </Select>
        </label>
        <label>
          <Text size={200}>{translate(locale, 'targetLevel')} </Text>
          <Select value={level} onChange={(_event, data) => setLevel(data.value)} data-testid="target-level">
            {['1', '2', '3'].map((value) => (
              <option key={value} value={value}>
                LV{value}
              </option>
            ))}
          </Select>
        </label>
        <label>
          <Text size={200}>{translate(locale, 'targetYear')} </Text>
          <Input type="number" value={year} onChange={(_event, data) => setYear(data.value)} data-testid="target-year" />
        </label>
        <Button appearance="primary" data-testid="target-save" onClick={() => props.onSave({ jobLevel, skillId, level: Number(level), byFiscalYear: Number(year) })}>
          {translate(locale, 'targetSave')}
        </Button>
      </div>
    </div>
  );
}
