import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { URGENCIES, URGENCY_LABELS } from '../../../../bot/src/features/consultation/domain/tickets.js';
import type { SlaSettingsView } from '../../api/consultations';
import { formatJst } from '../../hooks/use-load';
import { consultText } from '../../i18n/consult-messages';
import type { Locale } from '../../i18n/messages';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', alignItems: 'end' },
});

type Draft = { firstResponseHours: string; high: string; medium: string; low: string };
const draftOf = (settings: SlaSettingsView): Draft => ({
  firstResponseHours: String(settings.firstResponseHours),
  high: String(settings.resolutionHours.high),
  medium: String(settings.resolutionHours.medium),
  low: String(settings.resolutionHours.low),
});

/**
 * The desk's SLA hours (office hours, 8:30–17:15 JST on business days). The server validates (hours > 0); a refused
 * save shows its message and keeps what was typed.
 */
export function SlaSettings(props: { locale: Locale; settings: SlaSettingsView | undefined; save: (settings: Pick<SlaSettingsView, 'firstResponseHours' | 'resolutionHours'>) => Promise<boolean> }) {
  const styles = useStyles();
  const { locale, settings } = props;
  const c = (key: Parameters<typeof consultText>[1], values?: Record<string, string | number>) => consultText(locale, key, values);
  const [draft, setDraft] = useState<Draft | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (settings) setDraft(draftOf(settings));
  }, [settings]);
  if (!draft) return null;
  const field = (name: keyof Draft, label: string) => (
    <Field label={label}>
      <Input type="number" step="0.25" value={draft[name]} onChange={(_event, data) => setDraft({ ...draft, [name]: data.value })} data-testid={`sla-${name}`} />
    </Field>
  );
  const save = async () => {
    setBusy(true);
    try {
      await props.save({
        firstResponseHours: Number(draft.firstResponseHours),
        resolutionHours: { high: Number(draft.high), medium: Number(draft.medium), low: Number(draft.low) },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="sla-settings">
      <Text weight="semibold">{c('slaHeading')}</Text>
      <Text size={200} block>
        {c('slaIntro')}
        {settings?.updatedAt ? ` ${c('slaUpdated', { name: settings.updatedBy ?? '', at: formatJst(settings.updatedAt, locale) })}` : ''}
      </Text>
      <div className={styles.grid}>
        {field('firstResponseHours', c('slaFirstResponse'))}
        {URGENCIES.map((urgency) => field(urgency, c('slaResolution', { urgency: URGENCY_LABELS[urgency][locale] })))}
        <Button appearance="primary" disabled={busy} onClick={() => void save()} data-testid="sla-save">
          {c('slaSave')}
        </Button>
      </div>
    </div>
  );
}
