import { Button, Caption1, Input, Spinner, Subtitle1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { DevIdentity } from '../api/client';
import { translate, type Locale, type MessageKey } from '../i18n/messages';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', padding: 0, margin: 0, listStyle: 'none' },
  item: { width: '100%', justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingBlock: tokens.spacingVerticalS },
  who: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start' },
  group: { marginBlockStart: tokens.spacingVerticalM },
  search: { maxWidth: '360px', width: '100%' },
});

const normalized = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Outside Teams: pick someone to sign in as, grouped by 課 and filterable: the sample people and everyone else on the
 * imported roster (signing in as a roster-only person makes their identity, linked to the row by UPN).
 */
export function DevSignIn(props: { locale: Locale; load: () => Promise<DevIdentity[]>; onPick: (employeeId: string) => void }) {
  const styles = useStyles();
  const [identities, setIdentities] = useState<DevIdentity[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [filter, setFilter] = useState('');
  const { load, locale } = props;
  useEffect(() => {
    load().then(setIdentities, (reason: unknown) => setError(String(reason)));
  }, [load]);
  const t = (key: MessageKey) => translate(locale, key);
  const unregistered = translate(locale, 'notRegistered');
  const groups = useMemo(() => {
    const wanted = normalized(filter);
    const byDepartment = new Map<string, DevIdentity[]>();
    for (const identity of identities ?? []) {
      if (wanted && !normalized(`${identity.displayName}${identity.departmentName}${identity.staffNumber ?? ''}`).includes(wanted)) continue;
      const key = identity.departmentName || unregistered;
      byDepartment.set(key, [...(byDepartment.get(key) ?? []), identity]);
    }
    return [...byDepartment];
  }, [identities, filter, unregistered]);
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
      <Input className={styles.search} data-testid="dev-identity-filter" aria-label={t('devSignInSearch')} placeholder={t('devSignInSearch')} value={filter} onChange={(_event, data) => setFilter(data.value)} />
      {groups.length === 0 && (
        <p>
          <Text>{t('devSignInNoMatch')}</Text>
        </p>
      )}
      {groups.map(([department, people]) => (
        <div key={department} className={styles.group} data-testid="dev-identity-group">
          <Subtitle2 as="h3">{department}</Subtitle2>
          <ul className={styles.list}>
            {people.map((identity) => (
              <li key={identity.id}>
                <Button className={styles.item} appearance="subtle" data-testid={`dev-identity-${identity.id}`} onClick={() => props.onPick(identity.id)}>
                  <span className={styles.who}>
                    <Text weight="semibold">{identity.displayName}</Text>
                    <Caption1>
                      {identity.jobLevel ? t(identity.jobLevel) : t('notRegistered')}
                      {identity.staffNumber ? ` ・ ${identity.staffNumber}` : ''}
                      {identity.roles.filter((role) => role !== 'employee').map((role) => ` ・ ${t(`role_${role}` as MessageKey)}`)}
                      {identity.linked ? '' : ` ・ ${t('devSignInRosterOnly')}`}
                    </Caption1>
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
