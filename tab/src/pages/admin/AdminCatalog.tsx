import { Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DIRECT_OUTCOMES } from '../../../../bot/src/kernel/domain/catalog/outcomes.js';
import { SKILLS } from '../../../../bot/src/kernel/domain/catalog/skills.js';
import type { createApiClient } from '../../api/client';
import type { Catalog, CourseView } from '../../api/catalog';
import { attempt, useLoad } from '../../hooks/use-load';
import { Section } from '../../components/Section/Section';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  grid: { display: 'grid', gap: tokens.spacingHorizontalS, gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))' },
  teaches: { display: 'grid', gridTemplateColumns: 'minmax(8em, max-content) repeat(3, max-content)', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  inline: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

const NEW = '__new__';
const emptyCourse = (): CourseView => ({
  id: '',
  title: { ja: '', en: '' },
  description: { ja: '', en: '' },
  provider: 'digital-promotion',
  teaches: [],
  mindsets: [],
  outcomes: [],
});

/** デジタル推進課 edits the course catalog (what each course teaches drives everyone's recommendations), the exam list and the subsidy text. */
export function AdminCatalog(props: { locale: Locale; api: Api; catalog: Catalog; onSaved: () => Promise<void>; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const t = (key: MessageKey) => translate(locale, key);
  const [selected, setSelected] = useState(props.catalog.courses[0]?.id ?? NEW);
  const [course, setCourse] = useState<CourseView>(() => props.catalog.courses[0] ?? emptyCourse());
  useEffect(() => {
    setCourse(selected === NEW ? emptyCourse() : (props.catalog.courses.find((candidate) => candidate.id === selected) ?? emptyCourse()));
  }, [selected, props.catalog.courses]);
  const [exam, setExam] = useState({ id: '', ja: '', en: '' });
  const { data: subsidy } = useLoad(api.examSubsidy, onError);
  const [subsidyBody, setSubsidyBody] = useState({ ja: '', en: '' });
  useEffect(() => {
    if (subsidy) setSubsidyBody(subsidy.body);
  }, [subsidy]);

  const teaches = (skillId: string, level: number) => course.teaches.some((entry) => entry.skillId === skillId && entry.level === level);
  const toggleTeaches = (skillId: string, level: number, on: boolean) =>
    setCourse((current) => ({
      ...current,
      teaches: on ? [...current.teaches, { skillId, level }] : current.teaches.filter((entry) => !(entry.skillId === skillId && entry.level === level)),
    }));
  const text = (part: 'title' | 'description', language: 'ja' | 'en') => ({
    value: course[part][language],
    onChange: (_event: unknown, data: { value: string }) => setCourse((current) => ({ ...current, [part]: { ...current[part], [language]: data.value } })),
  });

  return (
    <>
      <Section id="catalog" title={t('catalogHeading')}>
          <form
            className={styles.form}
            onSubmit={async (event) => {
              event.preventDefault();
              if (await attempt(() => api.admin.saveCourse(course), onError)) {
                onNotice(t('saved'));
                await props.onSaved();
                setSelected(course.id);
              }
            }}
          >
            <div className={styles.grid}>
              <Field label={t('course')}>
                <Select value={selected} onChange={(_event, data) => setSelected(data.value)} data-testid="catalog-course">
                  {props.catalog.courses.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.title[locale]}
                    </option>
                  ))}
                  <option value={NEW}>{t('newCourse')}</option>
                </Select>
              </Field>
              {selected === NEW && (
                <Field label={t('courseId')} required>
                  <Input required pattern="[a-z0-9][a-z0-9\-]{0,59}" value={course.id} onChange={(_event, data) => setCourse((current) => ({ ...current, id: data.value }))} />
                </Field>
              )}
              <Field label={t('providerLabel')}>
                <Select value={course.provider} onChange={(_event, data) => setCourse((current) => ({ ...current, provider: data.value as CourseView['provider'] }))}>
                  <option value="digital-promotion">{t('provider_digital')}</option>
                  <option value="hr">{t('provider_hr')}</option>
                  <option value="joint">{t('provider_joint')}</option>
                </Select>
              </Field>
            </div>
            <div className={styles.grid}>
              <Field label={t('titleJa')} required>
                <Input required maxLength={200} {...text('title', 'ja')} />
              </Field>
              <Field label={t('titleEn')}>
                <Input maxLength={200} {...text('title', 'en')} />
              </Field>
            </div>
            <div className={styles.grid}>
              <Field label={t('descriptionJa')} required>
                <Textarea required maxLength={2000} {...text('description', 'ja')} />
              </Field>
              <Field label={t('descriptionEn')}>
                <Textarea maxLength={2000} {...text('description', 'en')} />
              </Field>
            </div>
            <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend>{t('teachesLabel')}</legend>
              <div className={styles.teaches}>
                {SKILLS.map((skill) => (
                  <div key={skill.id} style={{ display: 'contents' }}>
                    <span>{skill.name[locale]}</span>
                    {[1, 2, 3].map((level) => (
                      <Checkbox
                        key={level}
                        label={`LV${level}`}
                        data-testid={`teaches-${skill.id}-${level}`}
                        checked={teaches(skill.id, level)}
                        onChange={(_event, data) => toggleTeaches(skill.id, level, data.checked === true)}
                      />
                    ))}
                  </div>
                ))}
              </div>
            </fieldset>
            <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
              <legend>{t('outcomesLabel')}</legend>
              <div className={styles.grid}>
                {DIRECT_OUTCOMES.map((outcome) => (
                  <Checkbox
                    key={outcome.id}
                    label={`${outcome.id} ${outcome.title[locale]}`}
                    checked={course.outcomes.includes(outcome.id)}
                    onChange={(_event, data) =>
                      setCourse((current) => ({
                        ...current,
                        outcomes: data.checked === true ? [...current.outcomes, outcome.id] : current.outcomes.filter((id) => id !== outcome.id),
                      }))
                    }
                  />
                ))}
              </div>
            </fieldset>
            <div>
              <Button type="submit" appearance="primary" data-testid="catalog-save">
                {t('save')}
              </Button>
            </div>
          </form>
      </Section>
      <Section id="exam-list" title={t('examListHeading')}>
          <ul>
            {props.catalog.exams.map((candidate) => (
              <li key={candidate.id}>{candidate.name[locale]}</li>
            ))}
          </ul>
          <form
            className={styles.inline}
            onSubmit={async (event) => {
              event.preventDefault();
              if (await attempt(() => api.admin.saveExam(exam.id, { ja: exam.ja, en: exam.en }), onError)) {
                setExam({ id: '', ja: '', en: '' });
                await props.onSaved();
              }
            }}
          >
            <Field label={t('examId')} required>
              <Input required pattern="[a-z0-9][a-z0-9\-]{0,59}" value={exam.id} onChange={(_event, data) => setExam((current) => ({ ...current, id: data.value }))} />
            </Field>
            <Field label={t('examNameJa')} required>
              <Input required maxLength={100} value={exam.ja} onChange={(_event, data) => setExam((current) => ({ ...current, ja: data.value }))} />
            </Field>
            <Field label={t('examNameEn')}>
              <Input maxLength={100} value={exam.en} onChange={(_event, data) => setExam((current) => ({ ...current, en: data.value }))} />
            </Field>
            <Button type="submit">{t('addExam')}</Button>
          </form>
      </Section>
      <Section id="subsidy-editor" title={t('subsidyEditorHeading')}>
          <form
            className={styles.form}
            onSubmit={async (event) => {
              event.preventDefault();
              if (await attempt(() => api.admin.saveExamSubsidy(subsidyBody), onError)) onNotice(t('saved'));
            }}
          >
            <Field label={t('bodyJa')}>
              <Textarea rows={6} maxLength={4000} value={subsidyBody.ja} onChange={(_event, data) => setSubsidyBody((current) => ({ ...current, ja: data.value }))} />
            </Field>
            <Field label={t('bodyEn')}>
              <Textarea rows={4} maxLength={4000} value={subsidyBody.en} onChange={(_event, data) => setSubsidyBody((current) => ({ ...current, en: data.value }))} />
            </Field>
            <div>
              <Button type="submit" appearance="primary">
                {t('save')}
              </Button>
            </div>
          </form>
      </Section>
    </>
  );
}
