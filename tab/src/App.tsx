import { FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, createApiClient, type Profile } from './api/client';
import type { Catalog } from './api/catalog';
import type { MySkills } from './api/skills';
import { ProfileCard } from './components/ProfileCard/ProfileCard';
import { translate, type MessageKey } from './i18n/messages';
import { DevSignIn } from './pages/DevSignIn';
import { AwardsPage } from './pages/awards/AwardsPage';
import { ConsultPage } from './pages/consult/ConsultPage';
import { DepartmentPage, EvidencePage, SkillsPage, TrainingPage } from './pages/pages';
import type { HostContext, ThemeName } from './runtime/host';
import type { RuntimeConfig } from './runtime/runtime-config';
import { fluentTheme } from './runtime/theme';

const TOKEN_KEY = 'dx-navi.dev-token';
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const PAGES = ['skills', 'training', 'evidence', 'consult', 'awards', 'department', 'admin'] as const;
type PageId = (typeof PAGES)[number];

const useStyles = makeStyles({
  page: { minHeight: '100vh', boxSizing: 'border-box', padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  main: { maxWidth: '1040px', margin: '0 auto', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  tabs: { overflowX: 'auto' },
});

const pageFromHash = (): PageId => {
  const wanted = window.location.hash.replace(/^#/, '');
  return (PAGES as readonly string[]).includes(wanted) ? (wanted as PageId) : 'skills';
};

export function App(props: { config: RuntimeConfig; host: HostContext }) {
  const { config, host } = props;
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const [devToken, setDevToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const [profile, setProfile] = useState<Profile | undefined>();
  const [skills, setSkills] = useState<MySkills | undefined>();
  const [catalog, setCatalog] = useState<Catalog | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  // First run: nobody is admin yet, so the tab says how to make the first one.
  const [noAdmin, setNoAdmin] = useState(false);
  const [page, setPage] = useState<PageId>(pageFromHash);
  // Bumped after anything that changes sessions or skills, so every panel that shows them reloads.
  const [revision, setRevision] = useState(0);
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
  const showError = useCallback((message: string) => {
    setNotice(undefined);
    setError(message);
  }, []);
  const showNotice = useCallback((message: string) => {
    setError(undefined);
    setNotice(message);
  }, []);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(TOKEN_KEY);
    setDevToken(null);
    setProfile(undefined);
    setSkills(undefined);
  }, []);

  const reloadCatalog = useCallback(() => api.catalog().then(setCatalog, (reason: unknown) => showError(String(reason))), [api, showError]);
  const changed = useCallback(async () => {
    setRevision((current) => current + 1);
    setSkills(await api.mySkills());
  }, [api]);

  useEffect(() => {
    if (!getToken) return;
    let cancelled = false;
    setError(undefined);
    const loaded = Promise.all([api.me(), api.mySkills(), api.catalog()]).then(
      ([me, mine, loadedCatalog]) => {
        if (cancelled) return;
        setProfile(me);
        setSkills(mine);
        setCatalog(loadedCatalog);
      },
      (reason: unknown) => {
        if (cancelled) return;
        if (reason instanceof ApiError && reason.status === 401 && !host.inTeams) signOut();
        setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
    // Asked after /me, whose load is what makes a BOOTSTRAP_ADMIN_UPNS person or a DXNavi.Admin holder admin.
    void loaded
      .then(() => api.directorySetup())
      .then(
        (setup) => !cancelled && setNoAdmin(!setup.hasAdmin),
        () => undefined,
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

  const isAdmin = profile?.roles.includes('admin') ?? false;
  const seesDepartment = isAdmin || Boolean(profile?.roles.includes('promoter')) || profile?.jobLevel === 'manager';
  const visiblePages = PAGES.filter((id) => (id === 'admin' ? isAdmin : id === 'department' ? seesDepartment : true));
  const current = visiblePages.includes(page) ? page : 'skills';
  const common = { locale: host.locale, api, onError: showError, onNotice: showNotice, revision, onChanged: changed };

  let content;
  if (profile && skills && catalog)
    content = (
      <>
        <ProfileCard profile={profile} locale={host.locale} />
        <TabList
          className={styles.tabs}
          selectedValue={current}
          onTabSelect={(_event, data) => {
            setPage(data.value as PageId);
            window.history.replaceState(null, '', `#${String(data.value)}`);
          }}
          aria-label={t('appTitle')}
        >
          {visiblePages.map((id) => (
            <Tab key={id} value={id} data-testid={`nav-${id}`}>
              {t(`nav_${id}`)}
            </Tab>
          ))}
        </TabList>
        <div role="tabpanel" aria-label={t(`nav_${current}`)}>
          {current === 'skills' && <SkillsPage {...common} profile={profile} skills={skills} onSkillsSaved={setSkills} />}
          {current === 'training' && <TrainingPage {...common} catalog={catalog} />}
          {current === 'evidence' && <EvidencePage {...common} />}
          {current === 'consult' && <ConsultPage {...common} />}
          {current === 'awards' && <AwardsPage {...common} profile={profile} />}
          {current === 'department' && <DepartmentPage {...common} />}
          {current === 'admin' && (
            <Suspense fallback={<Spinner label={t('loading')} />}>
              <AdminPage {...common} catalog={catalog} onCatalogChanged={reloadCatalog} />
            </Suspense>
          )}
        </div>
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
          <MessageBar intent="error" role="alert" data-testid="error-bar">
            <MessageBarBody>
              <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
        {noAdmin && getToken && (
          <MessageBar intent="warning" data-testid="no-admin-bar">
            <MessageBarBody>
              <MessageBarTitle>{t('noAdminTitle')}</MessageBarTitle>
              {t('noAdminBody')}
            </MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="success" role="status" data-testid="notice-bar">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {content}
      </main>
    </FluentProvider>
  );
}
