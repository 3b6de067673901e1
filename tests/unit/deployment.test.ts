import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (path: string) => readFileSync(path, 'utf8');
interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
const toolkit = parse(read('teamsapp.yml')) as { version: string; provision: Step[]; deploy: Step[] };
const bicep = read('infra/azure.bicep');
const appSettings = /appSettings: (?:concat\()?\[([\s\S]*?)\n\s*\]/.exec(bicep)?.[1] ?? '';

describe('deployment', () => {
  it('when the Toolkit project is read, then it is on schema v1.11 or later and creates a single-tenant Entra app with a service principal and no secret', () => {
    const [major, minor] = toolkit.version.replace(/^v/, '').split('.').map(Number) as [number, number];
    expect(major * 100 + minor).toBeGreaterThanOrEqual(111);
    const entraApps = toolkit.provision.filter((step) => step.uses === 'aadApp/create');
    expect(entraApps.length).toBeGreaterThan(0);
    for (const app of entraApps) {
      expect(app.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateServicePrincipal: true });
      expect(app.with?.generateClientSecret).not.toBe(true);
      expect(Object.keys(app.writeToEnvironmentFile ?? {})).not.toContain('clientSecret');
    }
    expect(toolkit.provision.map((step) => step.uses)).not.toContain('botAadApp/create');
  });

  it('when the Bicep is read, then the App Service runs Node 24 LTS, probes /healthz and exports to Application Insights', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|24-lts'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(appSettings).toContain("{ name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }");
  });

  it('when the App Service settings are read, then no secret value is in them: the bot is a managed identity and the survey key a Key Vault reference', () => {
    expect(appSettings).not.toMatch(/MicrosoftAppPassword|ClientSecret|AccountKey/);
    expect(appSettings).toContain("{ name: 'MicrosoftAppType', value: 'UserAssignedMSI' }");
    expect(appSettings).toMatch(/\{ name: 'SECRET_SURVEY_KEY', value: '@Microsoft\.KeyVault\(VaultName=\$\{keyVault\.name\};SecretName=\$\{surveyKeySecret\.name\}\)' \}/);
    // The Entra profile fill's client secret, when given, is a Key Vault secret and its setting a reference to it.
    expect(bicep).toMatch(/resource graphClientSecretSecret 'Microsoft\.KeyVault\/vaults\/secrets@[\d-]+' = if \(!empty\(graphClientSecret\)\)/);
    expect(bicep).toContain("{ name: 'GRAPH_CLIENT_SECRET', value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=graph-client-secret)' }");
    expect(bicep).toContain('], graphProfileSettings)');
    expect(bicep).toContain("msaAppType: 'UserAssignedMSI'");
    // The identity may only read secrets (Key Vault Secrets User), nothing broader.
    expect(bicep).toContain("var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'");
    expect(bicep).not.toMatch(/Key Vault (Administrator|Secrets Officer)|00482a5a-887f-4fb3-b363-3b7fe8e74483|b86a8fe4-44ce-4948-aee5-eccb2c155cd7/);
  });

  it('when the Entra app manifest is read, then every page it names exists in the built tab', () => {
    const manifest = read('aad.manifest.json');
    for (const [, page] of manifest.matchAll(/\$\{\{TAB_ENDPOINT\}\}\/([\w.-]+\.html)/g)) {
      expect(existsSync(`tab/${page}`), `${page} is referenced but not in tab/`).toBe(true);
    }
    expect(manifest).not.toMatch(/auth-(start|end)\.html/);
  });

  it('when a newcomer looks for the Node version, then .nvmrc and engines both say 24', () => {
    expect(read('.nvmrc').trim()).toBe('24');
    expect((JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node).toBe('>=24');
  });
});
