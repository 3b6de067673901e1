import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_SURVEY_KEY, loadConfig } from '../../bot/src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('config', () => {
  it('when nothing is set, then the local stack runs on the embedded Azurite with the dev sign-in', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.storage).toEqual({ kind: 'embedded-azurite', tablePort: 10002, queuePort: 10001, dataDir: '.data' });
    expect(config.tabAuth.kind).toBe('dev');
    expect(config.bot.appId).toBeUndefined();
  });

  it('when STORAGE_CONNECTION_STRING is set, then that account is used and no Azurite is wanted', () => {
    const config = loadConfig({ STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' });
    expect(config.storage).toEqual({ kind: 'connection-string', connectionString: 'UseDevelopmentStorage=true' });
  });

  it('when PORT is not a number, then the error names PORT', () => {
    expect(problemsOf({ PORT: 'eighty' }).join('\n')).toMatch(/^PORT: /m);
  });

  it('when TAB_ENDPOINT is not a URL, then the error names TAB_ENDPOINT', () => {
    expect(problemsOf({ TAB_ENDPOINT: 'localhost:53000' }).join('\n')).toMatch(/^TAB_ENDPOINT: /m);
  });

  it('when only AAD_APP_CLIENT_ID is set, then the error names AAD_APP_TENANT_ID', () => {
    expect(problemsOf({ AAD_APP_CLIENT_ID: '11111111-2222-4333-8444-555555555555' }).join('\n')).toMatch(/^AAD_APP_TENANT_ID: /m);
  });

  it('when AAD_APP_CLIENT_ID is not a GUID, then the error names it', () => {
    expect(problemsOf({ AAD_APP_CLIENT_ID: 'my-app', AAD_APP_TENANT_ID: '11111111-2222-4333-8444-555555555555' }).join('\n')).toMatch(
      /^AAD_APP_CLIENT_ID: must be a GUID/m,
    );
  });

  it('when MicrosoftAppId is set without a password, then the error names MicrosoftAppPassword', () => {
    expect(problemsOf({ MicrosoftAppId: 'abc' }).join('\n')).toMatch(/^MicrosoftAppPassword: /m);
  });

  it('when running in production without bot auth, SSO or storage, then every missing variable is named', () => {
    const problems = problemsOf({ NODE_ENV: 'production' }).join('\n');
    expect(problems).toMatch(/^MicrosoftAppId: /m);
    expect(problems).toMatch(/^AAD_APP_CLIENT_ID: /m);
    expect(problems).toMatch(/^STORAGE_ACCOUNT_NAME: /m);
    expect(problems).toMatch(/^SECRET_SURVEY_KEY: is required in production/m);
    expect(problems).toMatch(/^TENANT_ID: is required in production/m);
  });

  it('when TENANT_ID names another tenant than the tab app, then start-up refuses; unset, the tab app\'s tenant is the lock', () => {
    const tab = { AAD_APP_CLIENT_ID: '11111111-2222-4333-8444-555555555555', AAD_APP_TENANT_ID: '22222222-2222-4333-8444-555555555555' };
    expect(problemsOf({ ...tab, TENANT_ID: '33333333-2222-4333-8444-555555555555' }).join('\n')).toMatch(/^TENANT_ID: must be the tenant of AAD_APP_TENANT_ID/m);
    expect(loadConfig(tab).tenantId).toBe('22222222-2222-4333-8444-555555555555');
    expect(loadConfig({ DEV_TENANT_ID: '44444444-2222-4333-8444-555555555555' }).tenantId).toBe('44444444-2222-4333-8444-555555555555');
  });

  it('when BOOTSTRAP_ADMIN_UPNS lists addresses, then they are read lower-cased; anything else is named', () => {
    expect(loadConfig({ BOOTSTRAP_ADMIN_UPNS: ' Digi@City.example.jp, b@city.example.jp ' }).bootstrapAdminUpns).toEqual(['digi@city.example.jp', 'b@city.example.jp']);
    expect(problemsOf({ BOOTSTRAP_ADMIN_UPNS: 'digi' }).join('\n')).toMatch(/^BOOTSTRAP_ADMIN_UPNS/m);
  });

  it('when GRAPH_CLIENT_SECRET is set, then the Entra profile fill is on with the SSO app as client; http authorities and a missing client id are named', () => {
    expect(loadConfig({}).graphProfile).toBeUndefined();
    const sso = { AAD_APP_CLIENT_ID: '11111111-2222-4333-8444-555555555555', AAD_APP_TENANT_ID: '99999999-2222-4333-8444-555555555555' };
    expect(loadConfig({ ...sso, GRAPH_CLIENT_SECRET: 's3cret' }).graphProfile).toEqual({
      tenantId: '99999999-2222-4333-8444-555555555555',
      clientId: '11111111-2222-4333-8444-555555555555',
      clientSecret: 's3cret',
      authorityHost: 'https://login.microsoftonline.com',
      graphBaseUrl: 'https://graph.microsoft.com',
      timeoutMs: 3000,
    });
    expect(problemsOf({ GRAPH_CLIENT_SECRET: 's3cret' }).join('\n')).toMatch(/^GRAPH_CLIENT_ID/m);
    expect(problemsOf({ GRAPH_CLIENT_SECRET: 's3cret', GRAPH_CLIENT_ID: 'c', GRAPH_AUTHORITY_HOST: 'http://127.0.0.1:1' }).join('\n')).toMatch(/^GRAPH_AUTHORITY_HOST: must be an absolute https URL/m);
    expect(problemsOf({ GRAPH_BASE_URL: 'graph.microsoft.com' }).join('\n')).toMatch(/^GRAPH_BASE_URL/m);
  });

  it('when no survey key is set outside production, then the documented public development key is used', () => {
    expect(loadConfig({}).surveyKey).toBe(DEV_SURVEY_KEY);
    expect(loadConfig({ NODE_ENV: 'test', SECRET_SURVEY_KEY: '' }).surveyKey).toBe(DEV_SURVEY_KEY);
  });

  it('when SECRET_SURVEY_KEY is shorter than 32 characters, then the error names it; a long one is used as given', () => {
    expect(problemsOf({ SECRET_SURVEY_KEY: 'too-short' }).join('\n')).toMatch(/^SECRET_SURVEY_KEY: must be at least 32 characters/m);
    const key = 'k'.repeat(32);
    expect(loadConfig({ SECRET_SURVEY_KEY: key }).surveyKey).toBe(key);
  });

  it('when Entra SSO is configured, then tokens for the client id and its api:// URI are accepted', () => {
    const clientId = '11111111-2222-4333-8444-555555555555';
    const config = loadConfig({ AAD_APP_CLIENT_ID: clientId, AAD_APP_TENANT_ID: '99999999-2222-4333-8444-555555555555', TAB_ENDPOINT: 'https://dxnavi.example.jp' });
    expect(config.tabAuth).toEqual({
      kind: 'entra',
      clientId,
      tenantId: '99999999-2222-4333-8444-555555555555',
      audiences: [clientId, `api://dxnavi.example.jp/${clientId}`],
    });
  });

  it('when the survey key is a Key Vault reference App Service could not resolve, then start-up refuses and says how to fix it', () => {
    const problems = problemsOf({ SECRET_SURVEY_KEY: '@Microsoft.KeyVault(VaultName=dxnavikv;SecretName=survey-key)' }).join('\n');
    expect(problems).toMatch(/^SECRET_SURVEY_KEY: is an unresolved Key Vault reference/m);
  });

  it('when production runs with the managed identity as bot identity, then no app password is asked for', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: '22222222-2222-4333-8444-555555555555',
      AAD_APP_CLIENT_ID: '33333333-2222-4333-8444-555555555555',
      AAD_APP_TENANT_ID: '22222222-2222-4333-8444-555555555555',
      STORAGE_ACCOUNT_NAME: 'dxnavist',
      SECRET_SURVEY_KEY: 'k'.repeat(48),
      TENANT_ID: '22222222-2222-4333-8444-555555555555',
    });
    expect(config.bot).toMatchObject({ appType: 'UserAssignedMSI', appPassword: undefined });
  });

  it('when the Application Insights connection string is malformed, then the error names it', () => {
    expect(problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://example.invalid' }).join('\n')).toMatch(/^APPLICATIONINSIGHTS_CONNECTION_STRING: /m);
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=https://x/' }).telemetryConnectionString).toContain('InstrumentationKey=');
  });
});
