import { Button, Field, Input, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { createApiClient } from '../../api/client';
import { attempt, useLoad } from '../../hooks/use-load';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

/** The hours proactive sends go out in (JST, weekdays): validated by the server (HH:MM, start before end). */
export function AdminWorkingHours(props: { locale: Locale; api: Api; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const { data, reload } = useLoad(api.admin.workingHours, onError);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  useEffect(() => {
    if (!data) return;
    setStart(data.start);
    setEnd(data.end);
  }, [data]);
  const save = () =>
    attempt(async () => {
      await api.admin.saveWorkingHours({ start, end });
      onNotice(t('workingHoursSaved'));
      await reload();
    }, onError);

  return (
    <section aria-labelledby="working-hours-heading" className={styles.stack}>
      <Subtitle2 as="h3" id="working-hours-heading">
        {t('workingHoursHeading')}
      </Subtitle2>
      <Text size={200}>{t('workingHoursIntro')}</Text>
      {data && !data.enabled && <Text size={200}>{t('workingHoursOff')}</Text>}
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label={t('workingHoursStart')}>
          <Input value={start} onChange={(_event, change) => setStart(change.value)} data-testid="working-hours-start" />
        </Field>
        <Field label={t('workingHoursEnd')}>
          <Input value={end} onChange={(_event, change) => setEnd(change.value)} data-testid="working-hours-end" />
        </Field>
        <Button type="submit" data-testid="working-hours-save">
          {t('workingHoursSave')}
        </Button>
      </form>
    </section>
  );
}
