import { Button, Caption1, Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { DevIdentity } from '../api/client';
import { translate, type Locale, type MessageKey } from '../i18n/messages';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', padding: 0, margin: 0, listStyle: 'none' },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingBlock: tokens.spacingVerticalS },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
});

/** Outside Teams: pick a sample employee; the local identity provider signs a token for them. */
export function DevSignIn(props: { locale: Locale; load: () => Promise<DevIdentity[]>; onPick: (employeeId: string) => void }) {
  const styles = useStyles();
  const [identities, setIdentities] = useState<DevIdentity[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const { load, locale } = props;
  useEffect(() => {
    load().then(setIdentities, (reason: unknown) => setError(String(reason)));
  }, [load]);
  const t = (key: MessageKey) => translate(locale, key);
  if (error) return <Text role="alert">{error}</Text>;
  if (!identities) return <Spinner label={t('loading')} />;
  return (
    <section aria-labelledby="dev-sign-in-title">
      <Subtitle1 as="h2" id="dev-sign-in-title">
        {t('devSignInTitle')}
      </Subtitle1>
      <p>
        <Text>{t('devSignInIntro')}</Text>
      </p>
      <ul className={styles.list}>
        {identities.map((identity) => (
          <li key={identity.id}>
            <Button className={styles.item} appearance="subtle" data-testid={`dev-identity-${identity.id}`} onClick={() => props.onPick(identity.id)}>
              <span className={styles.who}>
                <Text weight="semibold">{identity.displayName}</Text>
                <Caption1>
                  {identity.departmentName || t('notRegistered')} ・ {identity.jobLevel ? t(identity.jobLevel) : t('notRegistered')}
                  {identity.roles.filter((role) => role !== 'employee').map((role) => ` ・ ${t(`role_${role}` as MessageKey)}`)}
                </Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
