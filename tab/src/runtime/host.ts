import { app, authentication } from '@microsoft/teams-js';
import { localeFrom, type Locale } from '../i18n/messages';

export type ThemeName = 'default' | 'dark' | 'contrast';

export interface HostContext {
  inTeams: boolean;
  locale: Locale;
  theme: ThemeName;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** Teams SSO token (Entra ID v2, audience = our app); only in Teams. */
  getSsoToken(): Promise<string>;
}

const asTheme = (value: string | null | undefined): ThemeName =>
  value === 'dark' || value === 'contrast' ? value : 'default';

/**
 * Teams when the page is framed by Teams; a plain browser otherwise. teams-js is only initialised inside a frame,
 * because outside Teams its handshake never completes.
 */
export async function detectHost(): Promise<HostContext> {
  const params = new URLSearchParams(window.location.search);
  const framed = window.parent !== window || params.get('inTeams') === '1';
  if (framed) {
    try {
      await app.initialize();
      const context = await app.getContext();
      app.notifySuccess();
      return {
        inTeams: true,
        locale: localeFrom(context.app.locale),
        theme: asTheme(context.app.theme),
        onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
        getSsoToken: () => authentication.getAuthToken(),
      };
    } catch {
      // Framed by something that is not Teams (e.g. a preview tool): behave as a browser.
    }
  }
  const prefersDark = window.matchMedia?.('(prefers-color-scheme: dark)').matches;
  return {
    inTeams: false,
    locale: localeFrom(params.get('lang') ?? navigator.language),
    theme: params.has('theme') ? asTheme(params.get('theme')) : prefersDark ? 'dark' : 'default',
    onThemeChange: () => undefined,
    getSsoToken: () => Promise.reject(new Error('not in Teams')),
  };
}
