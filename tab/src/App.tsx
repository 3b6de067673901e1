import { FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, createApiClient, type Profile } from './api/client';
import { ProfileCard } from './components/ProfileCard/ProfileCard';
import { SkillAssessment } from './components/SkillAssessment/SkillAssessment';
import { TrainingSessions } from './components/TrainingSessions/TrainingSessions';
import { ExamPasses } from './components/ExamPasses/ExamPasses';
import type { MySkills } from './api/skills';
import { translate, type MessageKey } from './i18n/messages';
import { DevSignIn } from './pages/DevSignIn';
import type { HostContext, ThemeName } from './runtime/host';
import type { RuntimeConfig } from './runtime/runtime-config';
import { fluentTheme } from './runtime/theme';

const TOKEN_KEY = 'dx-navi.dev-token';

const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  main: { maxWidth: '960px', margin: '0 auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export function App(props: { config: RuntimeConfig; host: HostContext }) {
  const { config, host } = props;
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [devToken, setDevToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [profile, setProfile] = useState<Profile | undefined>();
  const [skills, setSkills] = useState<MySkills | undefined>();
  const [error, setError] = useState<string | undefined>();
  const t = (key: MessageKey) => translate(host.locale, key);

  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.lang = host.locale;
    document.body.style.margin = '0';
  }, [host.locale]);

  const getToken = useMemo(() => {
    if (host.inTeams) return () => host.getSsoToken();
    return devToken ? () => Promise.resolve(devToken) : undefined;
  }, [host, devToken]);
  const api = useMemo(() => createApiClient({ baseUrl: config.apiBaseUrl, locale: host.locale, getToken }), [config.apiBaseUrl, host.locale, getToken]);
  const anonymousApi = useMemo(() => createApiClient({ baseUrl: config.apiBaseUrl, locale: host.locale }), [config.apiBaseUrl, host.locale]);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setDevToken(null);
    setProfile(undefined);
    setSkills(undefined);
  }, []);

  const saveSkills = useCallback(
    async (input: { ticked: string[]; goals: Record<string, number>; mindsetChecks: string[] }) => {
      try {
        setError(undefined);
        setSkills(await api.saveMySkills(input));
      } catch (reason) {
        setError(reason instanceof Error ? reason.message : String(reason));
      }
    },
    [api],
  );

  useEffect(() => {
    if (!getToken) return;
    let cancelled = false;
    setError(undefined);
    Promise.all([api.me(), api.mySkills()]).then(
      ([me, mine]) => {
        if (cancelled) return;
        setProfile(me);
        setSkills(mine);
      },
      (reason: unknown) => {
        if (cancelled) return;
        if (reason instanceof ApiError && reason.status === 401 && !host.inTeams) signOut();
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, getToken, host.inTeams, signOut]);

  const pick = useCallback(
    async (employeeId: string) => {
      try {
        const { accessToken } = await anonymousApi.devToken(employeeId);
        sessionStorage.setItem(TOKEN_KEY, accessToken);
        setDevToken(accessToken);
      } catch (reason) {
        setError(reason instanceof Error ? reason.message : String(reason));
      }
    },
    [anonymousApi],
  );
  const loadIdentities = useCallback(() => anonymousApi.devIdentities(), [anonymousApi]);

  let content;
  if (profile)
    content = (
      <>
        <ProfileCard profile={profile} locale={host.locale} />
        <TrainingSessions
          locale={host.locale}
          load={api.sessions}
          enroll={api.enroll}
          cancel={api.cancelEnrollment}
          onError={setError}
        />
        <ExamPasses locale={host.locale} load={api.exams} record={api.recordExam} remove={api.removeExam} onError={setError} />
        {skills && <SkillAssessment locale={host.locale} jobLevel={profile.jobLevel} skills={skills} onSave={saveSkills} />}
      </>
    );
  else if (getToken) content = error ? null : <Spinner label={t('loading')} />;
  else if (config.devSignIn) content = <DevSignIn locale={host.locale} load={loadIdentities} onPick={(id) => void pick(id)} />;
  else content = <MessageBar intent="warning"><MessageBarBody>{t('openInTeams')}</MessageBarBody></MessageBar>;

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.page}>
      <main className={styles.main}>
        <header className={styles.header}>
          <Title2 as="h1">{t('appTitle')}</Title2>
          {!host.inTeams && devToken && (
            <Link as="button" onClick={signOut}>
              {t('signOut')}
            </Link>
          )}
        </header>
        {error && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {content}
      </main>
    </FluentProvider>
  );
}
