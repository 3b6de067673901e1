import { Badge, Button, Card, Checkbox, Field, Input, Select, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { createApiClient } from '../../api/client';
import type { Catalog } from '../../api/catalog';
import type { RosterEntry } from '../../api/training';
import { attempt, formatJst, jstInstant, useLoad } from '../../hooks/use-load';
import { Section } from '../../components/Section/Section';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', alignItems: 'end' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: 0, listStyle: 'none', margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', justifyContent: 'space-between' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});


/** デジタル推進課: schedule sessions, see who signed up and record attendance (which confirms completions). */
export function AdminSessions(props: { locale: Locale; api: Api; catalog: Catalog; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const { data: sessions, reload } = useLoad(api.admin.sessions, onError);
  const [form, setForm] = useState({ courseId: props.catalog.courses[0]?.id ?? '', date: '', start: '14:00', end: '16:00', place: '', onlineUrl: '', capacity: '20' });
  const [openRoster, setOpenRoster] = useState<string | undefined>();
  const [roster, setRoster] = useState<RosterEntry[]>([]);
  const [attended, setAttended] = useState<Set<string>>(new Set());
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (_event: unknown, data: { value: string }) => setForm((current) => ({ ...current, [name]: data.value })) });

  const showRoster = useCallback(
    async (sessionId: string) => {
      await attempt(async () => {
        const entries = await api.admin.roster(sessionId);
        setRoster(entries);
        setAttended(new Set(entries.filter((entry) => entry.attended).map((entry) => entry.employeeId)));
        setOpenRoster(sessionId);
      }, onError);
    },
    [api, onError],
  );

  return (
    <>
      <Section id="schedule" title={t('scheduleHeading')}>
          <form
            className={styles.form}
            onSubmit={async (event) => {
              event.preventDefault();
              const ok = await attempt(
                () =>
                  api.admin.schedule({
                    courseId: form.courseId,
                    startsAt: jstInstant(form.date, form.start),
                    endsAt: jstInstant(form.date, form.end),
                    capacity: Number(form.capacity),
                    ...(form.place ? { place: form.place } : {}),
                    ...(form.onlineUrl ? { onlineUrl: form.onlineUrl } : {}),
                  }),
                onError,
              );
              if (ok) {
                props.onNotice(t('scheduled'));
                await reload();
              }
            }}
          >
            <Field label={t('course')}>
              <Select {...field('courseId')} data-testid="schedule-course">
                {props.catalog.courses.map((course) => (
                  <option key={course.id} value={course.id}>
                    {course.title[locale]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('date')} required>
              <Input type="date" required {...field('date')} data-testid="schedule-date" />
            </Field>
            <Field label={t('startTime')} required>
              <Input type="time" required {...field('start')} />
            </Field>
            <Field label={t('endTime')} required>
              <Input type="time" required {...field('end')} />
            </Field>
            <Field label={t('place')}>
              <Input maxLength={200} {...field('place')} data-testid="schedule-place" />
            </Field>
            <Field label={t('onlineUrl')}>
              <Input type="url" pattern="https://.*" {...field('onlineUrl')} />
            </Field>
            <Field label={t('capacity')} required>
              <Input type="number" min={1} max={1000} required {...field('capacity')} data-testid="schedule-capacity" />
            </Field>
            <Button type="submit" appearance="primary" data-testid="schedule-submit">
              {t('schedule')}
            </Button>
          </form>
      </Section>
      <section aria-labelledby="admin-sessions-heading">
        <Subtitle2 as="h2" id="admin-sessions-heading">
          {t('adminSessionsHeading')}
        </Subtitle2>
        <ul className={styles.list}>
          {[...(sessions ?? [])].reverse().map((session) => (
            <li key={session.id}>
              <Card data-testid={`admin-session-${session.id}`}>
                <div className={styles.row}>
                  <Text>
                    <Text weight="semibold">{session.courseTitle}</Text> {formatJst(session.startsAt, locale)} {session.place ?? ''}
                  </Text>
                  <Text size={200}>{t('enrolledCount', { n: session.capacity - session.seatsLeft, capacity: session.capacity })}</Text>
                  <span className={styles.actions}>
                    {session.cancelled ? (
                      <Badge appearance="outline" color="danger">
                        {t('sessionCancelled')}
                      </Badge>
                    ) : (
                      new Date(session.startsAt) > new Date() && (
                        <Button
                          size="small"
                          data-testid={`session-cancel-admin-${session.id}`}
                          onClick={async () => {
                            if (!window.confirm(t('confirmCancelSession'))) return;
                            if (await attempt(() => api.admin.cancelSession(session.id), onError)) {
                              props.onNotice(t('sessionCancelledNotice'));
                              await reload();
                            }
                          }}
                        >
                          {t('cancelSession')}
                        </Button>
                      )
                    )}
                    <Button size="small" onClick={() => showRoster(session.id)} data-testid={`roster-open-${session.id}`} aria-expanded={openRoster === session.id}>
                      {t('roster')}
                    </Button>
                  </span>
                </div>
                {openRoster === session.id && (
                  <div data-testid="roster">
                    {roster.length === 0 && <Text>{t('noRoster')}</Text>}
                    {roster.map((entry) => (
                      <Checkbox
                        key={entry.employeeId}
                        data-testid={`attended-${entry.employeeId}`}
                        disabled={entry.status !== 'enrolled'}
                        checked={attended.has(entry.employeeId)}
                        label={`${entry.displayName}${entry.status === 'waitlisted' ? ` (${t('status_waitlisted')})` : ''}`}
                        onChange={(_event, data) =>
                          setAttended((current) => {
                            const next = new Set(current);
                            if (data.checked === true) next.add(entry.employeeId);
                            else next.delete(entry.employeeId);
                            return next;
                          })
                        }
                      />
                    ))}
                    {roster.length > 0 && (
                      <Button
                        appearance="primary"
                        data-testid="attendance-save"
                        onClick={async () => {
                          if (await attempt(() => api.admin.recordAttendance(session.id, [...attended]), onError)) {
                            props.onNotice(t('attendanceSaved'));
                            await showRoster(session.id);
                          }
                        }}
                      >
                        {t('recordAttendance')}
                      </Button>
                    )}
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
