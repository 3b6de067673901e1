import type { Locale } from '../../../kernel/domain/catalog/localized-text.js';
import { CONSULTATION_CATEGORIES, CONSULTATION_CATEGORY_LABELS } from '../domain/categories.js';
import {
  PREFERRED_CONTACT_LABELS,
  PREFERRED_CONTACTS,
  TEXT_MAX_LENGTH,
  TITLE_MAX_LENGTH,
  URGENCIES,
  URGENCY_LABELS,
} from '../domain/tickets.js';
import { adaptiveCard, type CardAttachment, type CardElement } from '../../../kernel/cards/adaptive-card.js';
import { CONSULTATION_INPUT_IDS, CONSULTATION_VERBS } from './consultation-verbs.js';
import { t } from '../../../kernel/cards/messages.js';

/** What the form shows again after a refusal (strings as the employee typed them, unchecked). */
export interface ConsultationFormValues {
  category?: string;
  title?: string;
  details?: string;
  preferredContact?: string;
  urgency?: string;
}

/** The submit button's data: the form's id, so a second submit of the same form finds the first ticket. */
export interface ConsultationSubmitData {
  submissionId: string;
}

const known = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((candidate) => candidate === value);

/**
 * The consultation form: category, title, details, preferred way and urgency. `values` and `errorMessage` re-show
 * it after bad input, with what the employee typed kept.
 */
export function buildConsultationFormCard(data: {
  locale: Locale;
  submissionId: string;
  values?: ConsultationFormValues;
  errorMessage?: string;
}): CardAttachment {
  const { locale } = data;
  const values = data.values ?? {};
  const required = t('consultRequired', locale);
  const error: CardElement[] = data.errorMessage ? [{ type: 'TextBlock', text: data.errorMessage, wrap: true, color: 'Attention', weight: 'Bolder' }] : [];
  const submit: ConsultationSubmitData = { submissionId: data.submissionId };
  const category = known(CONSULTATION_CATEGORIES, values.category);
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('consultFormTitle', locale), size: 'Medium', weight: 'Bolder', style: 'heading', wrap: true },
      { type: 'TextBlock', text: t('consultFormIntro', locale), wrap: true },
      ...error,
      {
        type: 'Input.ChoiceSet',
        id: CONSULTATION_INPUT_IDS.category,
        label: t('consultFieldCategory', locale),
        style: 'compact',
        isRequired: true,
        errorMessage: required,
        choices: CONSULTATION_CATEGORIES.map((value) => ({ title: CONSULTATION_CATEGORY_LABELS[value][locale], value })),
        ...(category ? { value: category } : {}),
      },
      {
        type: 'Input.Text',
        id: CONSULTATION_INPUT_IDS.title,
        label: t('consultFieldTitle', locale),
        placeholder: t('consultFieldTitlePlaceholder', locale),
        maxLength: TITLE_MAX_LENGTH,
        isRequired: true,
        errorMessage: required,
        ...(values.title ? { value: [...values.title].slice(0, TITLE_MAX_LENGTH).join('') } : {}),
      },
      {
        type: 'Input.Text',
        id: CONSULTATION_INPUT_IDS.details,
        label: t('consultFieldDetails', locale),
        placeholder: t('consultFieldDetailsPlaceholder', locale),
        isMultiline: true,
        maxLength: TEXT_MAX_LENGTH,
        isRequired: true,
        errorMessage: required,
        ...(values.details ? { value: [...values.details].slice(0, TEXT_MAX_LENGTH).join('') } : {}),
      },
      {
        type: 'Input.ChoiceSet',
        id: CONSULTATION_INPUT_IDS.preferredContact,
        label: t('consultFieldPreferredContact', locale),
        style: 'expanded',
        choices: PREFERRED_CONTACTS.map((value) => ({ title: PREFERRED_CONTACT_LABELS[value][locale], value })),
        value: known(PREFERRED_CONTACTS, values.preferredContact) ?? 'chat',
      },
      {
        type: 'Input.ChoiceSet',
        id: CONSULTATION_INPUT_IDS.urgency,
        label: t('consultFieldUrgency', locale),
        style: 'expanded',
        choices: URGENCIES.map((value) => ({ title: URGENCY_LABELS[value][locale], value })),
        value: known(URGENCIES, values.urgency) ?? 'medium',
      },
    ],
    actions: [{ type: 'Action.Execute', title: t('consultSubmit', locale), verb: CONSULTATION_VERBS.submit, data: { ...submit }, style: 'positive' }],
  });
}
