import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { CompletionView, MySession } from '../../api/training';
import { formatJst } from '../../hooks/use-load';
import { Section } from '../Section/Section';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    paddingLeft: 0,
    margin: 0,
    listStyle: 'none',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

/** The employee's own sessions, upcoming and held, with the attendance デジタル推進課 recorded. */
export function MySessions(props: { locale: Locale; sessions: MySession[] | undefined }) {
  const styles = useStyles();
  const t = (key: MessageKey) => translate(props.locale, key);
  const attendance = (session: MySession) =>
    session.attended === true
      ? t('attended_yes')
      : session.attended === false
        ? t('attended_no')
        : t('attended_unknown');
  return (
    <Section id="my-sessions" title={t('mySessionsHeading')}>
        {props.sessions?.length === 0 && <Text>{t('noMySessions')}</Text>}
        <ul className={styles.list} data-testid="my-sessions">
          {props.sessions?.map((session) => (
            <li key={session.id} className={styles.row}>
              <Badge appearance="outline" color={session.cancelled ? 'danger' : 'brand'}>
                {session.cancelled ? t('sessionCancelled') : session.past ? t('past') : t('upcoming')}
              </Badge>
              <Text>
                {formatJst(session.startsAt, props.locale)} {session.courseTitle}
              </Text>
              <Text size={200}>
                {session.cancelled
                  ? ''
                  : session.past
                  ? attendance(session)
                  : t(`status_${session.myStatus === 'waitlisted' ? 'waitlisted' : 'enrolled'}`)}
              </Text>
            </li>
          ))}
        </ul>
    </Section>
  );
}

/** Trainings confirmed as completed: evidence for 人材データ (outcome 02). */
export function Completions(props: { locale: Locale; completions: CompletionView[] | undefined }) {
  const styles = useStyles();
  const t = (key: MessageKey) => translate(props.locale, key);
  return (
    <Section id="completions" title={t('completionsHeading')}>
        {props.completions?.length === 0 ? (
          <Text>{t('noCompletions')}</Text>
        ) : (
          <ul className={styles.list} data-testid="completions">
            {props.completions?.map((completion) => (
              <li key={completion.sessionId}>
                <Text>
                  {completion.courseTitle} ({completion.completedOn})
                </Text>
              </li>
            ))}
          </ul>
        )}
    </Section>
  );
}
