import { Badge, Button, Field, Input, Link, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { Profile } from '../../api/client';
import type { GalleryView, NominationInput, NominationView } from '../../api/awards';
import { Section } from '../../components/Section/Section';
import { attempt, formatJst, useLoad } from '../../hooks/use-load';
import { awardsText, type AwardsMessageKey } from '../../i18n/awards-messages';
import type { Locale } from '../../i18n/messages';
import type { PageProps } from '../pages';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  text: { whiteSpace: 'pre-wrap' },
});

const EMPTY: NominationInput = { title: '', departmentId: '', whatChanged: '', effect: '', link: '' };

/** The nomination form; also used to add what デジタル推進課 asked for. Limits mirror the server's. */
function NominationForm(props: { locale: Locale; departments: Record<string, string>; initial: NominationInput; submitLabel: string; onSubmit: (input: NominationInput) => Promise<boolean>; testId: string }) {
  const styles = useStyles();
  const a = (key: AwardsMessageKey) => awardsText(props.locale, key);
  const [input, setInput] = useState<NominationInput>(props.initial);
  const set = (field: keyof NominationInput) => (_event: unknown, data: { value: string }) => setInput((current) => ({ ...current, [field]: data.value }));
  return (
    <form
      className={styles.form}
      data-testid={props.testId}
      onSubmit={(event) => {
        event.preventDefault();
        void props.onSubmit(input).then((done) => done && setInput(props.initial));
      }}
    >
      <Field label={a('title')} required>
        <Input value={input.title} maxLength={80} onChange={set('title')} data-testid={`${props.testId}-title`} />
      </Field>
      <Field label={a('department')} required>
        <Select value={input.departmentId} onChange={set('departmentId')} data-testid={`${props.testId}-department`}>
          <option value="">{a('chooseDepartment')}</option>
          {Object.entries(props.departments).map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={a('whatChanged')} required>
        <Textarea value={input.whatChanged} maxLength={2000} resize="vertical" onChange={set('whatChanged')} data-testid={`${props.testId}-what-changed`} />
      </Field>
      <Field label={a('effect')} required>
        <Textarea value={input.effect} maxLength={1000} resize="vertical" onChange={set('effect')} data-testid={`${props.testId}-effect`} />
      </Field>
      <Field label={a('link')}>
        <Input type="url" value={input.link ?? ''} maxLength={500} onChange={set('link')} data-testid={`${props.testId}-link`} />
      </Field>
      <div>
        <Button appearance="primary" type="submit" data-testid={`${props.testId}-submit`}>
          {props.submitLabel}
        </Button>
      </div>
    </form>
  );
}

function StateBadge(props: { locale: Locale; nomination: NominationView }) {
  const color = props.nomination.state === 'awarded' ? 'success' : props.nomination.state === 'declined' ? 'danger' : props.nomination.state === 'needs-info' ? 'warning' : 'informative';
  return (
    <Badge appearance="tint" color={color} data-testid={`nomination-state-${props.nomination.id}`}>
      {awardsText(props.locale, `state_${props.nomination.state}`)}
    </Badge>
  );
}

function Gallery(props: { locale: Locale; years: GalleryView['years'] | undefined }) {
  const styles = useStyles();
  const a = (key: AwardsMessageKey, values?: Record<string, string | number>) => awardsText(props.locale, key, values);
  return (
    <Section id="award-gallery" title={a('galleryHeading')}>
      {props.years && props.years.length === 0 && <Text>{a('galleryNone')}</Text>}
      {(props.years ?? []).map((year) => (
        <section key={year.fiscalYear} data-testid={`gallery-year-${year.fiscalYear}`} aria-label={a('fiscalYear', { year: year.fiscalYear })}>
          <Text as="h3" weight="semibold" size={400}>
            {a('fiscalYear', { year: year.fiscalYear })}
          </Text>
          <ul className={styles.list}>
            {year.awards.map((award) => (
              <li key={award.id} className={styles.item} data-testid={`gallery-award-${award.id}`}>
                <span className={styles.row}>
                  <Badge appearance="filled" color={award.category === 'grand' ? 'important' : 'brand'}>
                    {a(`category_${award.category}`)}
                  </Badge>
                  <Text weight="semibold">{award.title}</Text>
                  <Text size={200}>{award.departmentName}</Text>
                </span>
                <Text className={styles.text}>{award.whatChanged}</Text>
                <Text className={styles.text} weight="semibold">
                  {award.effect}
                </Text>
                {award.link && (
                  <Link href={award.link} target="_blank" rel="noopener noreferrer">
                    {award.link}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Section>
  );
}

/** デジタル推進課: accept, ask for more or decline with a note; award accepted ones this year; publish awards. */
function Review(props: PageProps) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const a = (key: AwardsMessageKey, values?: Record<string, string | number>) => awardsText(locale, key, values);
  const { data, reload } = useLoad(api.awards.admin.list, onError);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [categories, setCategories] = useState<Record<string, 'grand' | 'excellent' | 'encouragement'>>({});
  const fiscalYear = (() => {
    const jst = new Date(Date.now() + 9 * 3_600_000);
    return jst.getUTCMonth() < 3 ? jst.getUTCFullYear() - 1 : jst.getUTCFullYear();
  })();
  const act = async (action: () => Promise<unknown>, message: string) => {
    if (await attempt(action, onError)) {
      onNotice(message);
      await reload();
    }
  };
  return (
    <Section id="award-review" title={a('reviewHeading')}>
      <ul className={styles.list} data-testid="award-review">
        {(data?.nominations ?? []).map((nomination) => (
          <li key={nomination.id} className={styles.item} data-testid={`review-${nomination.id}`}>
            <span className={styles.row}>
              <Text weight="semibold">{nomination.title}</Text>
              <Text size={200}>{data?.departmentNames[nomination.departmentId] ?? nomination.departmentId}</Text>
              <StateBadge locale={locale} nomination={nomination} />
            </span>
            <Text className={styles.text}>{nomination.whatChanged}</Text>
            <Text className={styles.text}>{nomination.effect}</Text>
            {(nomination.state === 'submitted' || nomination.state === 'accepted') && (
              <>
                <Field label={a('reviewNote')}>
                  <Textarea value={notes[nomination.id] ?? ''} maxLength={1000} onChange={(_event, value) => setNotes((current) => ({ ...current, [nomination.id]: value.value }))} data-testid={`review-note-${nomination.id}`} />
                </Field>
                <span className={styles.row}>
                  {nomination.state === 'submitted' && (
                    <>
                      <Button onClick={() => void act(() => api.awards.admin.review(nomination.id, 'accept', notes[nomination.id]), a('reviewed'))} data-testid={`review-accept-${nomination.id}`}>
                        {a('accept')}
                      </Button>
                      <Button onClick={() => void act(() => api.awards.admin.review(nomination.id, 'ask-for-more', notes[nomination.id]), a('reviewed'))} data-testid={`review-more-${nomination.id}`}>
                        {a('askForMore')}
                      </Button>
                    </>
                  )}
                  <Button onClick={() => void act(() => api.awards.admin.review(nomination.id, 'decline', notes[nomination.id]), a('reviewed'))} data-testid={`review-decline-${nomination.id}`}>
                    {a('decline')}
                  </Button>
                </span>
              </>
            )}
            {nomination.state === 'accepted' && (
              <span className={styles.row}>
                <Select value={categories[nomination.id] ?? 'excellent'} onChange={(_event, value) => setCategories((current) => ({ ...current, [nomination.id]: value.value as 'grand' | 'excellent' | 'encouragement' }))} data-testid={`award-category-${nomination.id}`}>
                  {(['grand', 'excellent', 'encouragement'] as const).map((category) => (
                    <option key={category} value={category}>
                      {a(`category_${category}`)}
                    </option>
                  ))}
                </Select>
                <Button appearance="primary" onClick={() => void act(() => api.awards.admin.award(nomination.id, fiscalYear, categories[nomination.id] ?? 'excellent'), a('reviewed'))} data-testid={`award-${nomination.id}`}>
                  {a('award')} ({a('fiscalYear', { year: fiscalYear })})
                </Button>
              </span>
            )}
            {nomination.state === 'awarded' && !nomination.published && (
              <span>
                <Button
                  appearance="primary"
                  onClick={() => void attempt(async () => {
                    const sent = await api.awards.admin.publish(nomination.id);
                    onNotice(a('published', { recipients: sent.recipients }));
                    await reload();
                    await props.onChanged();
                  }, onError)}
                  data-testid={`award-publish-${nomination.id}`}
                >
                  {a('publish')}
                </Button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** 表彰: nominate a DX practice, follow one's own nominations, the 優良事例 gallery; デジタル推進課 also reviews here. */
export function AwardsPage(props: PageProps & { profile: Profile }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const a = (key: AwardsMessageKey) => awardsText(locale, key);
  // The revision is deliberately a dependency the body does not read: a publish elsewhere is the reason to reload.
  const loadGallery = useCallback(() => api.awards.gallery(), [api, props.revision]);
  const { data: mine, reload } = useLoad(api.awards.mine, onError);
  const { data: gallery } = useLoad(loadGallery, onError);
  const initial = { ...EMPTY, departmentId: props.profile.department?.id ?? '' };
  const submit = (action: () => Promise<unknown>) => async () => {
    const done = await attempt(action, onError);
    if (done) {
      onNotice(a('submitted'));
      await reload();
    }
    return done;
  };
  return (
    <div className={styles.stack}>
      <Section id="award-nominate" title={a('nominateHeading')}>
        <Text size={200}>{a('nominateIntro')}</Text>
        {mine && <NominationForm locale={locale} departments={mine.departmentNames} initial={initial} submitLabel={a('submit')} testId="nominate" onSubmit={(input) => submit(() => api.awards.nominate(input))()} />}
      </Section>
      <Section id="my-nominations" title={a('mineHeading')}>
        {mine && mine.nominations.length === 0 && <Text>{a('none')}</Text>}
        <ul className={styles.list} data-testid="my-nominations">
          {(mine?.nominations ?? []).map((nomination) => (
            <li key={nomination.id} className={styles.item} data-testid={`my-nomination-${nomination.id}`}>
              <span className={styles.row}>
                <Text weight="semibold">{nomination.title}</Text>
                <StateBadge locale={locale} nomination={nomination} />
                <Text size={200}>{formatJst(nomination.updatedAt, locale)}</Text>
              </span>
              {nomination.reviewNote && (
                <Text className={styles.text} data-testid={`my-nomination-note-${nomination.id}`}>
                  {a('note')}: {nomination.reviewNote}
                </Text>
              )}
              {nomination.state === 'needs-info' && (
                <NominationForm
                  locale={locale}
                  departments={mine?.departmentNames ?? {}}
                  initial={{ title: nomination.title, departmentId: nomination.departmentId, whatChanged: nomination.whatChanged, effect: nomination.effect, link: nomination.link ?? '' }}
                  submitLabel={a('resubmit')}
                  testId={`resubmit-${nomination.id}`}
                  onSubmit={(input) => submit(() => api.awards.resubmit(nomination.id, input))()}
                />
              )}
            </li>
          ))}
        </ul>
      </Section>
      <Gallery locale={locale} years={gallery} />
      {props.profile.roles.includes('admin') && <Review {...props} />}
    </div>
  );
}
