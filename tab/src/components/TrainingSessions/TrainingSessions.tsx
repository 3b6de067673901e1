import { Badge, Button, Card, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '../../api/training';
import { formatJst } from '../../hooks/use-load';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', padding: 0, margin: 0, listStyle: 'none' },
  row: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});


/** Upcoming sessions with the caller's own status; 申し込む and キャンセル act for the signed-in employee only. */
export function TrainingSessions(props: {
  locale: Locale;
  load: () => Promise<SessionView[]>;
  enroll: (sessionId: string) => Promise<unknown>;
  cancel: (sessionId: string) => Promise<unknown>;
  onError: (message: string) => void;
}) {
  const styles = useStyles();
  const { locale, load, onError } = props;
  const t = (key: MessageKey) => translate(locale, key);
  const [sessions, setSessions] = useState<SessionView[] | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const refresh = useCallback(() => load().then(setSessions, (error: unknown) => onError(String(error))), [load, onError]);
  useEffect(() => void refresh(), [refresh]);
  const act = async (sessionId: string, action: (id: string) => Promise<unknown>) => {
    setBusy(sessionId);
    try {
      await action(sessionId);
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(undefined);
      await refresh();
    }
  };
  return (
    <section aria-labelledby="sessions-heading">
      <Subtitle2 as="h2" id="sessions-heading">
        {t('sessionsHeading')}
      </Subtitle2>
      {sessions && sessions.length === 0 && <Text>{t('noSessions')}</Text>}
      <ul className={styles.list}>
        {sessions?.map((session) => (
          <li key={session.id}>
            <Card data-testid={`session-${session.id}`}>
              <Text weight="semibold">{session.courseTitle}</Text>
              <Text size={200}>
                {formatJst(session.startsAt, locale)} ・ {session.place ?? session.onlineUrl ?? ''}
              </Text>
              <div className={styles.row}>
                {session.myStatus && session.myStatus !== 'cancelled' ? (
                  <Badge appearance="filled" data-testid={`session-status-${session.id}`}>
                    {t(`status_${session.myStatus}`)}
                  </Badge>
                ) : (
                  <Text size={200}>{session.seatsLeft > 0 ? translate(locale, 'seatsLeft', { n: session.seatsLeft }) : t('full')}</Text>
                )}
                {session.myStatus && session.myStatus !== 'cancelled' ? (
                  <Button size="small" disabled={busy === session.id} onClick={() => act(session.id, props.cancel)} data-testid={`session-cancel-${session.id}`}>
                    {t('cancelEnrollment')}
                  </Button>
                ) : (
                  <Button size="small" appearance="primary" disabled={busy === session.id} onClick={() => act(session.id, props.enroll)} data-testid={`session-enroll-${session.id}`}>
                    {t('enroll')}
                  </Button>
                )}
              </div>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
