import { Avatar, Badge, Card, CardHeader, Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Profile } from '../../api/client';
import { translate, type Locale, type MessageKey } from '../../i18n/messages';

const useStyles = makeStyles({
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Who is signed in: name, department, job level and roles. */
export function ProfileCard(props: { profile: Profile; locale: Locale }) {
  const styles = useStyles();
  const { profile } = props;
  const t = (key: MessageKey) => translate(props.locale, key);
  return (
    <Card aria-labelledby="profile-name">
      <CardHeader
        image={<Avatar name={profile.displayName} color="colorful" size={48} />}
        header={
          <Text as="h2" size={500} weight="semibold" id="profile-name" data-testid="employee-name">
            {profile.displayName}
          </Text>
        }
        description={
          <div className={styles.badges}>
            {profile.roles.map((role) => (
              <Badge key={role} appearance={role === 'employee' ? 'outline' : 'filled'}>
                {t(`role_${role}` as MessageKey)}
              </Badge>
            ))}
          </div>
        }
      />
      <dl className={styles.facts}>
        <dt>
          <Caption1>{t('department')}</Caption1>
        </dt>
        <dd style={{ margin: 0 }} data-testid="employee-department">
          <Text>{profile.department?.name ?? t('notRegistered')}</Text>
        </dd>
        <dt>
          <Caption1>{t('jobLevel')}</Caption1>
        </dt>
        <dd style={{ margin: 0 }} data-testid="employee-job-level">
          <Text>{profile.jobLevel ? t(profile.jobLevel) : t('notRegistered')}</Text>
        </dd>
      </dl>
    </Card>
  );
}
