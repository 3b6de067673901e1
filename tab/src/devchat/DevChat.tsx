import { Button, FluentProvider, Input, MessageBar, MessageBarBody, Switch, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createApiClient, type DevIdentity } from '../api/client';
import { translate, type Locale } from '../i18n/messages';
import { DevSignIn } from '../pages/DevSignIn';
import type { HostContext } from '../runtime/host';
import type { RuntimeConfig } from '../runtime/runtime-config';
import { fluentTheme } from '../runtime/theme';
import { activityFactory } from './activities';
import { AdaptiveCardView, type CardActionEvent } from './AdaptiveCardView';

interface ChatEntry {
  key: string;
  from: 'user' | 'bot';
  activityId?: string;
  text?: string;
  cards: unknown[];
}

interface Recorded {
  seq: number;
  kind: 'send' | 'update' | 'delete';
  activityId: string;
  activity: { text?: string; attachments?: { contentType: string; content: unknown }[] };
}

const useStyles = makeStyles({
  page: { minHeight: '100vh', padding: tokens.spacingHorizontalL, boxSizing: 'border-box' },
  log: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '760px', margin: '0 auto', paddingBottom: '96px' },
  bot: { alignSelf: 'flex-start', maxWidth: '100%', padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow4 },
  user: { alignSelf: 'flex-end', padding: tokens.spacingHorizontalM, borderRadius: tokens.borderRadiusLarge, backgroundColor: tokens.colorBrandBackground2 },
  composer: { position: 'fixed', insetInline: 0, bottom: 0, display: 'flex', gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground3 },
});

const cardsOf = (activity: Recorded['activity']) =>
  (activity.attachments ?? []).filter((attachment) => attachment.contentType === 'application/vnd.microsoft.card.adaptive').map((attachment) => attachment.content);

/** A local stand-in for Teams' chat: posts real activities to /api/messages and shows what the bot sent. */
export function DevChat(props: { config: RuntimeConfig; host: HostContext }) {
  const { config, host } = props;
  const styles = useStyles();
  const [locale, setLocale] = useState<Locale>(host.locale);
  const [user, setUser] = useState<DevIdentity | undefined>();
  const [entries, setEntries] = useState<ChatEntry[]>([]);
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState<string | undefined>();
  const lastSeq = useRef(0);
  const api = useMemo(() => createApiClient({ baseUrl: config.apiBaseUrl, locale }), [config.apiBaseUrl, locale]);
  const factory = useMemo(() => (user ? activityFactory(config, user, locale === 'en' ? 'en-US' : 'ja-JP') : undefined), [config, user, locale]);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);

  const post = useCallback(
    async (activity: unknown) => {
      const response = await fetch(`${config.apiBaseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
      const text = await response.text();
      return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    },
    [config.apiBaseUrl],
  );

  useEffect(() => {
    if (!factory) return;
    const key = `dx-navi.devchat.installed.${factory.conversationId}`;
    if (!sessionStorage.getItem(key)) {
      sessionStorage.setItem(key, '1');
      void post(factory.install());
    }
    const timer = setInterval(async () => {
      const response = await fetch(`${config.apiBaseUrl}/dev/connector/_recorded?conversationId=${encodeURIComponent(factory.conversationId)}&after=${lastSeq.current}`);
      if (!response.ok) return;
      const { activities } = (await response.json()) as { activities: Recorded[] };
      if (activities.length === 0) return;
      lastSeq.current = activities[activities.length - 1]!.seq;
      setEntries((current) => {
        let next = [...current];
        for (const recorded of activities) {
          if (recorded.kind === 'delete') next = next.filter((entry) => entry.activityId !== recorded.activityId);
          else if (recorded.kind === 'update') next = next.map((entry) => (entry.activityId === recorded.activityId ? { ...entry, text: recorded.activity.text, cards: cardsOf(recorded.activity) } : entry));
          else next.push({ key: `bot-${recorded.seq}`, from: 'bot', activityId: recorded.activityId, text: recorded.activity.text, cards: cardsOf(recorded.activity) });
        }
        return next;
      });
    }, 700);
    return () => clearInterval(timer);
  }, [factory, post, config.apiBaseUrl]);

  const send = async () => {
    if (!factory || !draft.trim()) return;
    setEntries((current) => [...current, { key: crypto.randomUUID(), from: 'user', text: draft, cards: [] }]);
    setDraft('');
    await post(factory.text(draft));
  };

  const onCardAction = useCallback(
    (activityId: string | undefined) => async (event: CardActionEvent) => {
      if (!factory) return;
      if (event.type === 'open-url' && event.url) window.open(event.url, '_blank', 'noopener');
      if (event.type === 'submit') await post(factory.submit(event.data, activityId ?? ''));
      if (event.type === 'execute') {
        const response = await post(factory.execute(event.verb ?? '', event.data, activityId ?? ''));
        const body = (response && 'body' in response ? response.body : response) as { type?: string; value?: unknown } | undefined;
        if (body?.type === 'application/vnd.microsoft.card.adaptive') {
          setEntries((current) => current.map((entry) => (entry.activityId === activityId ? { ...entry, cards: [body.value] } : entry)));
        } else if (body?.type === 'application/vnd.microsoft.error') {
          setNotice((body.value as { message?: string } | undefined)?.message ?? 'error');
        } else if (typeof body?.value === 'string') {
          setNotice(body.value);
        }
      }
    },
    [factory, post],
  );
  const dark = host.theme !== 'default';

  return (
    <FluentProvider theme={fluentTheme(host.theme)} className={styles.page}>
      <MessageBar intent="warning">
        <MessageBarBody>{t('devChatBanner')}</MessageBarBody>
      </MessageBar>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap' }}>
        <Title3 as="h1">DX Navi</Title3>
        <Switch label="English" checked={locale === 'en'} onChange={(_event, data) => setLocale(data.checked ? 'en' : 'ja')} />
      </header>
      {!user ? (
        <DevSignIn locale={locale} load={() => api.devIdentities()} onPick={(id) => void api.devIdentities().then((all) => setUser(all.find((identity) => identity.id === id)))} />
      ) : (
        <>
          {notice && (
            <MessageBar intent="info">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          <section className={styles.log} aria-live="polite">
            {entries.map((entry) =>
              entry.from === 'user' ? (
                <div key={entry.key} className={styles.user}>
                  <Text>{entry.text}</Text>
                </div>
              ) : (
                <div key={entry.key} className={styles.bot} data-testid="bot-message">
                  {entry.text && <Text style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</Text>}
                  {entry.cards.map((card, index) => (
                    <AdaptiveCardView key={index} card={card} dark={dark} onAction={onCardAction(entry.activityId)} />
                  ))}
                </div>
              ),
            )}
          </section>
          <form
            className={styles.composer}
            onSubmit={(event) => {
              event.preventDefault();
              void send();
            }}
          >
            <Input style={{ flex: 1 }} value={draft} onChange={(_event, data) => setDraft(data.value)} placeholder={t('chatPlaceholder')} aria-label={t('chatPlaceholder')} data-testid="chat-input" />
            <Button appearance="primary" type="submit" data-testid="chat-send">
              {t('send')}
            </Button>
          </form>
        </>
      )}
    </FluentProvider>
  );
}
