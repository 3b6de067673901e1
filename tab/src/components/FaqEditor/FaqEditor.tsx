import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { CONSULTATION_CATEGORIES, CONSULTATION_CATEGORY_LABELS } from '../../../../bot/src/features/consultation/domain/categories.js';
import type { createApiClient } from '../../api/client';
import type { FaqInputBody } from '../../api/faq';
import { AdaptiveCardView } from '../../devchat/AdaptiveCardView';
import { attempt } from '../../hooks/use-load';
import { faqText } from '../../i18n/faq-messages';
import type { Locale } from '../../i18n/messages';

type Api = ReturnType<typeof createApiClient>;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', alignItems: 'end' },
  wide: { gridColumn: '1 / -1' },
  buttons: { gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  context: { gridColumn: '1 / -1', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground3 },
  preview: { maxWidth: '480px', border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, overflow: 'hidden', backgroundColor: '#ffffff' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** The editor's fields as strings (keywords as one comma-separated line). */
export interface FaqForm {
  category: string;
  questionJa: string;
  questionEn: string;
  answerJa: string;
  answerEn: string;
  keywords: string;
}

export const emptyFaqForm: FaqForm = { category: 'tool', questionJa: '', questionEn: '', answerJa: '', answerEn: '', keywords: '' };

export function faqFormOf(entry: { category: string; question: { ja: string; en: string }; answer: { ja: string; en: string }; keywords: readonly string[] }): FaqForm {
  return { category: entry.category, questionJa: entry.question.ja, questionEn: entry.question.en, answerJa: entry.answer.ja, answerEn: entry.answer.en, keywords: entry.keywords.join('、') };
}

const inputOf = (form: FaqForm): FaqInputBody => ({
  category: form.category,
  question: { ja: form.questionJa, en: form.questionEn },
  answer: { ja: form.answerJa, en: form.answerEn },
  keywords: form.keywords.split(/[、,，]/u).map((keyword) => keyword.trim()).filter(Boolean),
});

const ignoreAction = () => undefined;

/**
 * One FAQ entry being written: every field, プレビュー (the exact card the server builds, rendered with the
 * official Adaptive Cards renderer, and its worst-case size), and 保存 / 公開. The server checks every rule again
 * and its refusal is shown as it comes.
 */
export function FaqEditor(props: {
  locale: Locale;
  api: Api;
  initial: FaqForm;
  /** The entry being edited (absent for a new one). */
  entry?: { id: string; version: number } | undefined;
  /** 「FAQにする」: the request it came from and its details, personal details removed. */
  source?: { ticketNumber: string; context: string } | undefined;
  onSaved: () => void | Promise<void>;
  onCancel: () => void;
  onError: (message: string) => void;
  onNotice: (message: string) => void;
}) {
  const styles = useStyles();
  const { locale, api, onError } = props;
  const f = (key: Parameters<typeof faqText>[1], values?: Record<string, string | number>) => faqText(locale, key, values);
  const [form, setForm] = useState(props.initial);
  const [preview, setPreview] = useState<{ card: unknown; bytes: number; maxBytes: number } | undefined>();
  const [busy, setBusy] = useState(false);
  const field = (name: keyof FaqForm) => ({ value: form[name], onChange: (_event: unknown, change: { value: string }) => setForm((current) => ({ ...current, [name]: change.value })) });

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      return await attempt(work, onError);
    } finally {
      setBusy(false);
    }
  };
  const showPreview = () =>
    run(async () => {
      const previewed = await api.faq.preview(inputOf(form), props.entry?.id);
      setPreview({ card: previewed.cards[locale], bytes: previewed.bytes, maxBytes: previewed.maxBytes });
    });
  const save = async () => {
    const done = await run(async () => {
      if (props.entry) await api.faq.update(props.entry.id, inputOf(form), props.entry.version);
      else await api.faq.create(inputOf(form));
    });
    if (done) {
      props.onNotice(f(props.source ? 'published' : 'saved'));
      await props.onSaved();
    }
  };

  return (
    <div className={styles.stack} data-testid="faq-editor">
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void showPreview();
        }}
      >
        {props.source && (
          <>
            <Text weight="semibold" className={styles.wide} data-testid="faq-draft-source">
              {f('fromTicket', { number: props.source.ticketNumber })}
            </Text>
            <Field label={f('context')} className={styles.wide}>
              <Text className={styles.context} data-testid="faq-draft-context">
                {props.source.context}
              </Text>
            </Field>
          </>
        )}
        <Field label={f('category')}>
          <Select {...field('category')} data-testid="faq-category">
            {CONSULTATION_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {CONSULTATION_CATEGORY_LABELS[category][locale]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={f('keywords')} className={styles.wide}>
          <Input {...field('keywords')} data-testid="faq-keywords" />
        </Field>
        <Field label={f('questionJa')} required className={styles.wide}>
          <Input {...field('questionJa')} data-testid="faq-question-ja" />
        </Field>
        <Field label={f('answerJa')} required hint={f('answerHint')} className={styles.wide}>
          <Textarea {...field('answerJa')} rows={6} resize="vertical" data-testid="faq-answer-ja" />
        </Field>
        <Field label={f('questionEn')} className={styles.wide}>
          <Input {...field('questionEn')} data-testid="faq-question-en" />
        </Field>
        <Field label={f('answerEn')} className={styles.wide}>
          <Textarea {...field('answerEn')} rows={4} resize="vertical" data-testid="faq-answer-en" />
        </Field>
        <div className={styles.buttons}>
          <Button type="submit" disabled={busy} data-testid="faq-preview">
            {f('preview')}
          </Button>
          <Button appearance="primary" disabled={busy} onClick={() => void save()} data-testid="faq-save">
            {f(props.source ? 'publish' : 'save')}
          </Button>
          <Button appearance="subtle" onClick={props.onCancel} data-testid="faq-cancel">
            {f('cancel')}
          </Button>
        </div>
      </form>
      {preview && (
        <div className={styles.stack}>
          <Text weight="semibold">{f('previewHeading', { kb: (preview.bytes / 1024).toFixed(1), max: (preview.maxBytes / 1024).toFixed(1) })}</Text>
          <div className={styles.preview} data-testid="faq-preview-card">
            <AdaptiveCardView card={preview.card} onAction={ignoreAction} dark={false} />
          </div>
        </div>
      )}
    </div>
  );
}
