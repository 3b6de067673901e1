import { Badge, Button, Card, Checkbox, Field, Input, Select, Subtitle2, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { createApiClient } from '../../api/client';
import { NEWS_CATEGORY_IDS, type NewsInput } from '../../api/news';
import { AdaptiveCardView } from '../../devchat/AdaptiveCardView';
import { attempt, formatJst, useLoad } from '../../hooks/use-load';
import { AudiencePicker } from '../../components/AudiencePicker/AudiencePicker';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';
import { AdminBroadcasts } from './AdminBroadcasts';
import { AdminNewsConfirmations } from './AdminNewsConfirmations';
import { AdminWorkingHours } from './AdminWorkingHours';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', alignItems: 'end' },
  wide: { gridColumn: '1 / -1' },
  buttons: { gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  preview: { maxWidth: '480px', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, overflow: 'hidden', backgroundColor: '#ffffff' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingLeft: 0, listStyle: 'none', margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const emptyForm = { title: '', summary: '', body: '', link: '', imageUrl: '', category: 'notices', audience: 'everyone', followUpDays: '3' };
const ignoreAction = () => undefined;

/**
 * インフォメーション for デジタル推進課: compose, preview the exact card the server builds, save for the weekly digest
 * or send now. The item keeps one id while it is on screen, so pressing 今すぐ配信 twice sends once.
 */
export function AdminNews(props: { locale: Locale; api: Api; onError: (message: string) => void; onNotice: (message: string) => void }) {
  const styles = useStyles();
  const { locale, api, onError, onNotice } = props;
  const t = (key: MessageKey, values?: Record<string, string | number>) => translate(locale, key, values);
  const { data, reload } = useLoad(api.admin.news, onError);
  const [draftId, setDraftId] = useState(() => crypto.randomUUID());
  const [form, setForm] = useState(emptyForm);
  const [departmentIds, setDepartmentIds] = useState<ReadonlySet<string>>(new Set());
  const [jobLevels, setJobLevels] = useState<ReadonlySet<string>>(new Set());
  const [askConfirmation, setAskConfirmation] = useState(false);
  const [preview, setPreview] = useState<{ card: unknown; bytes: number } | undefined>();
  const [sentRevision, setSentRevision] = useState(0);
  const field = (name: keyof typeof form) => ({ value: form[name], onChange: (_event: unknown, change: { value: string }) => setForm((current) => ({ ...current, [name]: change.value })) });

  const input = useCallback((): NewsInput => {
    const audience: NewsInput['audience'] =
      form.audience === 'departments' ? { kind: 'departments', departmentIds: [...departmentIds] } : form.audience === 'job-levels' ? { kind: 'job-levels', jobLevels: [...jobLevels] } : { kind: form.audience };
    return {
      title: form.title,
      summary: form.summary,
      body: form.body,
      ...(form.link.trim() ? { link: form.link.trim() } : {}),
      ...(form.imageUrl.trim() ? { imageUrl: form.imageUrl.trim() } : {}),
      category: form.category,
      audience,
      // The server checks the range and says what is wrong; an unreadable number reaches it as NaN → null and is refused.
      ...(askConfirmation ? { confirmation: { followUpDays: Number(form.followUpDays) } } : {}),
    };
  }, [form, departmentIds, jobLevels, askConfirmation]);

  const showPreview = () =>
    attempt(async () => {
      const previewed = await api.admin.previewNews(input());
      setPreview({ card: previewed.cards[locale], bytes: previewed.bytes });
    }, onError);
  const saveForDigest = () =>
    attempt(async () => {
      await api.admin.saveNews(draftId, input(), 'scheduled');
      onNotice(t('newsSavedDigest'));
      await reload();
    }, onError);
  const sendNow = () =>
    attempt(async () => {
      const sent = await api.admin.sendNews(draftId, input());
      onNotice(sent.alreadySent ? t('newsAlreadySent') : t('newsSent', { n: sent.recipients }));
      setSentRevision((current) => current + 1);
      await reload();
    }, onError);
  const startNew = () => {
    setDraftId(crypto.randomUUID());
    setForm(emptyForm);
    setDepartmentIds(new Set());
    setJobLevels(new Set());
    setAskConfirmation(false);
    setPreview(undefined);
  };

  return (
    <section aria-labelledby="news-heading" className={styles.stack}>
      <Subtitle2 as="h2" id="news-heading">
        {t('newsHeading')}
      </Subtitle2>
      <Text size={200}>{t('newsIntro')}</Text>
      <Card>
        <Subtitle2 as="h3">{t('newsCompose')}</Subtitle2>
        <form
          className={styles.form}
          onSubmit={(event) => {
            event.preventDefault();
            void showPreview();
          }}
        >
          <Field label={t('newsTitle')} required className={styles.wide}>
            <Input {...field('title')} data-testid="news-title" />
          </Field>
          <Field label={t('newsSummary')} className={styles.wide}>
            <Input {...field('summary')} data-testid="news-summary" />
          </Field>
          <Field label={t('newsBody')} className={styles.wide}>
            <Textarea {...field('body')} rows={8} resize="vertical" data-testid="news-body" />
          </Field>
          <Field label={t('newsLink')}>
            <Input type="url" {...field('link')} data-testid="news-link" />
          </Field>
          <Field label={t('newsImage')}>
            <Input type="url" {...field('imageUrl')} data-testid="news-image" />
          </Field>
          <Field label={t('newsCategory')}>
            <Select {...field('category')} data-testid="news-category">
              {NEWS_CATEGORY_IDS.map((category) => (
                <option key={category} value={category}>
                  {t(`category_${category}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('newsAudience')}>
            <Select {...field('audience')} data-testid="news-audience">
              <option value="everyone">{t('audience_everyone')}</option>
              <option value="departments">{t('audience_departments')}</option>
              <option value="job-levels">{t('audience_job-levels')}</option>
              <option value="promoters">{t('audience_promoters')}</option>
            </Select>
          </Field>
          <Checkbox
            className={styles.wide}
            checked={askConfirmation}
            onChange={(_event, change) => setAskConfirmation(change.checked === true)}
            label={t('newsAskConfirmation')}
            data-testid="news-ask-confirmation"
          />
          {askConfirmation && (
            <Field label={t('newsFollowUpDays')} hint={t('newsConfirmationHint')}>
              <Input type="number" min={1} max={30} {...field('followUpDays')} data-testid="news-follow-up-days" />
            </Field>
          )}
          <AudiencePicker
            locale={locale}
            kind={form.audience}
            departments={data?.departments ?? []}
            departmentIds={departmentIds}
            onDepartmentIds={setDepartmentIds}
            jobLevels={jobLevels}
            onJobLevels={setJobLevels}
          />
          <div className={styles.buttons}>
            <Button type="submit" data-testid="news-preview">
              {t('newsPreview')}
            </Button>
            <Button onClick={() => void saveForDigest()} data-testid="news-save-digest">
              {t('newsSaveDigest')}
            </Button>
            <Button appearance="primary" onClick={() => void sendNow()} data-testid="news-send-now">
              {t('newsSendNow')}
            </Button>
            <Button appearance="subtle" onClick={startNew} data-testid="news-new">
              {t('newsNew')}
            </Button>
          </div>
        </form>
        {preview && (
          <div className={styles.stack}>
            <Text weight="semibold">{t('newsPreviewHeading', { kb: (preview.bytes / 1024).toFixed(1) })}</Text>
            <div className={styles.preview} data-testid="news-preview-card">
              <AdaptiveCardView card={preview.card} onAction={ignoreAction} dark={false} />
            </div>
          </div>
        )}
      </Card>

      <Subtitle2 as="h3">{t('newsItemsHeading')}</Subtitle2>
      {data && data.items.length === 0 && <Text>{t('newsNone')}</Text>}
      <ul className={styles.list} data-testid="news-items">
        {(data?.items ?? []).map((item) => (
          <li key={item.id} className={styles.row}>
            <Badge appearance="tint" color={item.state === 'published' ? 'success' : item.state === 'scheduled' ? 'informative' : 'subtle'}>
              {t(`newsState_${item.state}`)}
            </Badge>
            <Text weight="semibold">{item.title}</Text>
            <Text size={200}>
              {t(`category_${item.category}`)} · {formatJst(item.publishedAt ?? item.updatedAt, locale)}
            </Text>
          </li>
        ))}
      </ul>
      <AdminNewsConfirmations locale={locale} api={api} onError={onError} revision={sentRevision} />
      <AdminWorkingHours locale={locale} api={api} onError={onError} onNotice={onNotice} />
      <AdminBroadcasts locale={locale} api={api} onError={onError} revision={sentRevision} />
    </section>
  );
}
