import { Button, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { NEWS_CATEGORY_IDS, type NewsItemView } from '../../api/news';
import { attempt, formatJst } from '../../hooks/use-load';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';
import { Section } from '../Section/Section';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: 0, listStyle: 'none', margin: 0 },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, border: 'none', padding: 0, margin: `${tokens.spacingVerticalM} 0 0` },
});

/** お知らせ for the employee: the latest news for them, and which categories reach them in chat (通知設定). */
export function NewsSettings(props: {
  locale: Locale;
  items: NewsItemView[] | undefined;
  categories: string[] | undefined;
  onSave: (categories: string[]) => Promise<unknown>;
  onError: (message: string) => void;
}) {
  const styles = useStyles();
  const t = (key: MessageKey) => translate(props.locale, key);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(props.categories ?? []));
  useEffect(() => setChosen(new Set(props.categories ?? [])), [props.categories]);
  return (
    <Section id="my-news" title={t('myNewsHeading')}>
      {props.items?.length === 0 && <Text>{t('myNewsNone')}</Text>}
      <ul className={styles.list} data-testid="my-news">
        {props.items?.map((item) => (
          <li key={item.id}>
            <Text size={200}>
              {t(`category_${item.category}`)} · {formatJst(item.publishedAt ?? item.updatedAt, props.locale)}
            </Text>
            <br />
            {item.link ? (
              <a href={item.link} target="_blank" rel="noreferrer">
                <Text weight="semibold">{item.title}</Text>
              </a>
            ) : (
              <Text weight="semibold">{item.title}</Text>
            )}
            {item.summary && (
              <>
                <br />
                <Text size={200}>{item.summary}</Text>
              </>
            )}
          </li>
        ))}
      </ul>
      <fieldset className={styles.choices} data-testid="news-settings">
        <legend>
          <Text weight="semibold">{t('myNewsSettings')}</Text>
        </legend>
        {NEWS_CATEGORY_IDS.map((category) => (
          <Checkbox
            key={category}
            label={t(`category_${category}`)}
            checked={chosen.has(category)}
            onChange={(_event, change) =>
              setChosen((current) => {
                const next = new Set(current);
                if (change.checked === true) next.add(category);
                else next.delete(category);
                return next;
              })
            }
            data-testid={`news-setting-${category}`}
          />
        ))}
      </fieldset>
      <Text size={200}>{t('myNewsLocked')}</Text>
      <Text size={200} data-testid="news-settings-essential">
        {t('myNewsEssential')}
      </Text>
      <div>
        <Button onClick={() => void attempt(() => props.onSave(NEWS_CATEGORY_IDS.filter((category) => chosen.has(category))), props.onError)} data-testid="news-settings-save">
          {t('save')}
        </Button>
      </div>
    </Section>
  );
}
