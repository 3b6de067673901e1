import { Badge, Button, Card, Checkbox, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { mindsetStatementsFor } from '../../../../bot/src/kernel/domain/catalog/mindsets.js';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { MySkills } from '../../api/skills';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

const useStyles = makeStyles({
  skills: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))' },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS },
  level: { marginTop: tokens.spacingVerticalS },
});

/** Self-assessment against the policy's criteria (verbatim), step-up goals and the mindset check for the job level. */
export function SkillAssessment(props: {
  locale: Locale;
  jobLevel: 'general' | 'chief' | 'manager' | null;
  skills: MySkills;
  onSave: (input: { ticked: string[]; goals: Record<string, number>; mindsetChecks: string[] }) => Promise<void>;
}) {
  const styles = useStyles();
  const { locale } = props;
  const t = (key: MessageKey) => translate(locale, key);
  const [ticked, setTicked] = useState(() => new Set(props.skills.ticked));
  const [saving, setSaving] = useState(false);
  const [goals, setGoals] = useState<Record<string, number>>(props.skills.goals);
  useEffect(() => setTicked(new Set(props.skills.ticked)), [props.skills.ticked]);
  useEffect(() => setGoals(props.skills.goals), [props.skills.goals]);
  const [mindsetChecks, setMindsetChecks] = useState(() => new Set(props.skills.mindsetChecks));
  useEffect(() => setMindsetChecks(new Set(props.skills.mindsetChecks)), [props.skills.mindsetChecks]);
  const goalOf = (skillId: string) => goals[skillId] ?? 1;
  const dirty =
    ticked.size !== props.skills.ticked.length ||
    props.skills.ticked.some((id) => !ticked.has(id)) ||
    SKILLS.some((skill) => goalOf(skill.id) !== (props.skills.goals[skill.id] ?? 1)) ||
    mindsetChecks.size !== props.skills.mindsetChecks.length ||
    props.skills.mindsetChecks.some((id) => !mindsetChecks.has(id));
  const toggleIn = (setter: typeof setTicked) => (id: string, on: boolean) =>
    setter((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggle = toggleIn(setTicked);
  const toggleMindset = toggleIn(setMindsetChecks);

  return (
    <>
      {props.jobLevel && (
        <section aria-labelledby="mindset-heading">
          <Subtitle2 as="h2" id="mindset-heading">
            {t('mindsetHeading')} ({t(props.jobLevel)})
          </Subtitle2>
          <div className={styles.skills}>
            {mindsetStatementsFor(props.jobLevel).map(({ mindset, statements }) => (
              <Card key={mindset.id} aria-labelledby={`mindset-${mindset.id}`}>
                <Text as="h3" weight="semibold" id={`mindset-${mindset.id}`}>
                  {mindset.name[locale]}
                </Text>
                {statements.map((statement) => (
                  <Checkbox
                    key={statement.id}
                    data-testid={`mindset-${statement.id}`}
                    checked={mindsetChecks.has(statement.id)}
                    onChange={(_event, data) => toggleMindset(statement.id, data.checked === true)}
                    label={statement.text[locale]}
                  />
                ))}
              </Card>
            ))}
          </div>
        </section>
      )}
      <section aria-labelledby="skills-heading">
        <div className={styles.head}>
          <Subtitle2 as="h2" id="skills-heading">
            {t('skillsHeading')}
          </Subtitle2>
          <Button
            appearance="primary"
            disabled={!dirty || saving}
            data-testid="save-skills"
            onClick={async () => {
              setSaving(true);
              try {
                await props.onSave({ ticked: [...ticked], goals, mindsetChecks: [...mindsetChecks] });
              } finally {
                setSaving(false);
              }
            }}
          >
            {t('save')}
          </Button>
        </div>
        <p>
          <Text size={200}>{t('skillsIntro')}</Text>
        </p>
        <div className={styles.skills}>
          {SKILLS.map((skill) => {
            const level = props.skills.levels[skill.id] ?? 0;
            const confirmation = props.skills.confirmations.find((row) => row.skillId === skill.id);
            return (
              <Card key={skill.id} aria-labelledby={`skill-${skill.id}`}>
                <div className={styles.head}>
                  <Text as="h3" weight="semibold" id={`skill-${skill.id}`}>
                    {skill.name[locale]}
                  </Text>
                  <Badge appearance={level > 0 ? 'filled' : 'outline'} data-testid={`skill-level-${skill.id}`}>
                    {level > 0 ? `LV${level}` : t('level0')}
                  </Badge>
                </div>
                {level > 0 && confirmation && (
                  <div data-testid={`skill-confirmation-${skill.id}`}>
                    <Badge appearance="tint" color={confirmation.status === 'confirmed' ? 'success' : confirmation.status === 'returned' ? 'warning' : 'informative'}>
                      {confirmation.status === 'pending' ? `${confirmation.label[locale]} · ${t('confirmationPending')}` : confirmation.status === 'returned' ? `${confirmation.label[locale]} · ${t('confirmationReturned')}` : confirmation.label[locale]}
                    </Badge>
                    {confirmation.status === 'returned' && confirmation.comment && (
                      <Text as="p" size={200}>
                        {confirmation.decidedByName}: {confirmation.comment}
                      </Text>
                    )}
                    {confirmation.routeNote && confirmation.status !== 'returned' && (
                      <Text as="p" size={200}>
                        {confirmation.routeNote[locale]}
                      </Text>
                    )}
                  </div>
                )}
                <label>
                  <Text size={200}>{t('goal')} </Text>
                  <Select
                    size="small"
                    data-testid={`goal-${skill.id}`}
                    value={String(goalOf(skill.id))}
                    onChange={(_event, data) => setGoals((current) => ({ ...current, [skill.id]: Number(data.value) }))}
                  >
                    <option value="1">LV1 ({t('goalEveryone')})</option>
                    <option value="2">LV2</option>
                    <option value="3">LV3</option>
                  </Select>
                </label>
                {skill.levels.map((definition) => (
                  <fieldset key={definition.level} className={styles.level} style={{ border: 'none', padding: 0, margin: 0 }}>
                    <legend>
                      <Text size={200} weight="semibold">
                        LV{definition.level} {definition.scope[locale]}
                      </Text>
                    </legend>
                    {definition.criteria.map((criterion) => (
                      <Checkbox
                        key={criterion.id}
                        data-testid={`criterion-${criterion.id}`}
                        checked={ticked.has(criterion.id)}
                        onChange={(_event, data) => toggle(criterion.id, data.checked === true)}
                        label={criterion.text[locale]}
                      />
                    ))}
                  </fieldset>
                ))}
              </Card>
            );
          })}
        </div>
      </section>
    </>
  );
}
