import { Button, Card, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { ConfirmationQueue as Queue } from '../../api/skills';
import { translate, type Locale } from '../../i18n/messages';

const useStyles = makeStyles({
  items: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

type Item = Queue['items'][number];

/** 確認待ち: levels staff of the confirmer's 課 raised, with the evidence on record; 確認する / 差し戻す. */
export function ConfirmationQueue(props: {
  locale: Locale;
  items: Queue['items'] | undefined;
  onDecide: (item: Item, decision: 'confirm' | 'return', comment: string) => Promise<void>;
}) {
  const styles = useStyles();
  const { locale } = props;
  const [comments, setComments] = useState<Record<string, string>>({});
  if (!props.items || props.items.length === 0) return null;
  const keyOf = (item: Item) => `${item.employeeId}/${item.skillId}`;
  const skillName = (skillId: string) => SKILLS.find((skill) => skill.id === skillId)?.name[locale] ?? skillId;
  return (
    <section aria-labelledby="confirmation-queue-heading" data-testid="confirmation-queue">
      <Subtitle2 as="h2" id="confirmation-queue-heading">
        {translate(locale, 'confirmationQueueHeading')} ({props.items.length})
      </Subtitle2>
      <div className={styles.items}>
        {props.items.map((item) => (
          <Card key={keyOf(item)} data-testid={`confirmation-${keyOf(item)}`}>
            <Text weight="semibold">
              {item.employeeName}: {skillName(item.skillId)} LV{item.level}
            </Text>
            <Text size={200}>{translate(locale, 'evidenceTrainings')}</Text>
            <ul>
              {item.evidence.completions.length === 0 && <li>{translate(locale, 'noEvidence')}</li>}
              {item.evidence.completions.map((completion) => (
                <li key={`${completion.courseId}-${completion.completedOn}`}>
                  {completion.title[locale] || completion.title.ja} ({completion.completedOn})
                </li>
              ))}
            </ul>
            <Text size={200}>{translate(locale, 'evidenceExams')}</Text>
            <ul>
              {item.evidence.examPasses.length === 0 && <li>{translate(locale, 'noEvidence')}</li>}
              {item.evidence.examPasses.map((pass) => (
                <li key={pass.examId}>
                  {pass.name[locale] || pass.name.ja} ({pass.passedOn})
                </li>
              ))}
            </ul>
            <Textarea
              aria-label={translate(locale, 'confirmationComment')}
              placeholder={translate(locale, 'confirmationComment')}
              value={comments[keyOf(item)] ?? ''}
              maxLength={500}
              onChange={(_event, data) => setComments((current) => ({ ...current, [keyOf(item)]: data.value }))}
            />
            <div className={styles.actions}>
              <Button appearance="primary" data-testid={`confirm-${keyOf(item)}`} onClick={() => props.onDecide(item, 'confirm', comments[keyOf(item)] ?? '')}>
                {translate(locale, 'confirmLevel')}
              </Button>
              <Button data-testid={`return-${keyOf(item)}`} onClick={() => props.onDecide(item, 'return', comments[keyOf(item)] ?? '')}>
                {translate(locale, 'returnLevel')}
              </Button>
            </div>
          </Card>
        ))}
      </div>
    </section>
  );
}
