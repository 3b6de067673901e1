import { Button, Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MySkills } from '../../api/skills';
import { formatJst } from '../../hooks/use-load';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: 0, margin: 0, listStyle: 'none' },
  sessions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingLeft: 0, listStyle: 'none', margin: 0 },
  session: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** おすすめ研修: the biggest gap first, each with the reason and the next sessions of its courses. */
export function Recommendations(props: {
  locale: Locale;
  skills: MySkills;
  enrolledSessionIds: ReadonlySet<string>;
  onEnroll: (sessionId: string) => Promise<void>;
}) {
  const styles = useStyles();
  const { locale } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const [busy, setBusy] = useState<string | undefined>();
  return (
    <section aria-labelledby="recommendations-heading">
      <Subtitle2 as="h2" id="recommendations-heading">
        {t('recommendationsHeading')}
      </Subtitle2>
      {props.skills.recommendations.length === 0 ? (
        <Text>{t('noRecommendations')}</Text>
      ) : (
        <ol className={styles.list} data-testid="recommendations">
          {props.skills.recommendations.map((recommendation) => (
            <li key={recommendation.skillId} data-testid={`recommendation-${recommendation.skillId}`}>
              <Card>
                <Text size={200}>{recommendation.reason}</Text>
                {recommendation.courses.length === 0 && <Text weight="semibold">{t('noCourseYet')}</Text>}
                {recommendation.courses.map((course) => (
                  <div key={course.id}>
                    <Text weight="semibold">{course.title}</Text>
                    <ul className={styles.sessions} aria-label={`${course.title}: ${t('nextSessions')}`}>
                      {course.nextSessions.length === 0 && (
                        <li>
                          <Text size={200}>{t('noSessionYet')}</Text>
                        </li>
                      )}
                      {course.nextSessions.map((session) => (
                        <li key={session.sessionId} className={styles.session}>
                          <Text size={200}>
                            {formatJst(session.startsAt, locale)} ・ {session.seatsLeft > 0 ? t('seatsLeft', { n: session.seatsLeft }) : t('full')}
                          </Text>
                          {props.enrolledSessionIds.has(session.sessionId) ? (
                            <Text size={200} weight="semibold">
                              {t('status_enrolled')}
                            </Text>
                          ) : (
                            <Button
                              size="small"
                              disabled={busy === session.sessionId}
                              data-testid={`recommended-enroll-${session.sessionId}`}
                              onClick={async () => {
                                setBusy(session.sessionId);
                                await props.onEnroll(session.sessionId).finally(() => setBusy(undefined));
                              }}
                            >
                              {t('enroll')}
                            </Button>
                          )}
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </Card>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
