// DX Navi on Azure: one Linux App Service (bot endpoint, tab API and built tab on one origin), an Azure Bot
// registered with Teams, a Storage account (tables + queues), a Key Vault for the one secret the app has, and
// Application Insights. No password or key sits in any app setting: the app authenticates to the Bot Connector,
// Storage and Key Vault with one user-assigned managed identity.
@maxLength(20)
@minLength(4)
@description('Base name for every resource, e.g. dxnavidev')
param resourceBaseName string

@description('Client id of the Entra app behind tab SSO (single tenant)')
param aadAppClientId string

@description('Tenant of the ward: the only tenant the bot and the tab API accept')
param aadAppTenantId string

@description('Teams app id, for deep links into the personal tab')
param teamsAppId string

@secure()
@description('Keeps survey participation apart from answers (HMAC and AES-GCM keys are derived from it); never change it while a round is open. Stored in Key Vault only.')
@minLength(32)
param surveyKey string

@secure()
@description('Client secret of the tab\'s Entra app for the optional Entra profile fill (on-behalf-of Graph /me, issue 12). Empty leaves the fill off. Stored in Key Vault only.')
param graphClientSecret string = ''

param webAppSku string = 'B1'
param botDisplayName string = 'DX Navi'
param location string = resourceGroup().location

var webAppName = resourceBaseName
var storageAccountName = toLower(take(replace('${resourceBaseName}st', '-', ''), 24))
var keyVaultName = toLower(take(replace('${resourceBaseName}kv', '-', ''), 24))
var tabDomain = '${webAppName}.azurewebsites.net'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

// The app's one identity: the bot's Bot Framework identity (UserAssignedMSI) and its credential for Storage
// and Key Vault.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    // The app authenticates with its managed identity only; no account keys exist in any setting.
    allowSharedKeyAccess: false
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storageAccount
  name: 'default'
}

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource surveyKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'survey-key'
  properties: { value: surveyKey }
}

resource graphClientSecretSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(graphClientSecret)) {
  parent: keyVault
  name: 'graph-client-secret'
  properties: { value: graphClientSecret }
}

// The Entra profile fill is on only when its secret was given; the setting is then a Key Vault reference too.
var graphProfileSettings = empty(graphClientSecret) ? [] : [
  { name: 'GRAPH_CLIENT_SECRET', value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=graph-client-secret)' }
]

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logAnalytics.id
  }
}

resource serverFarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: serverFarm.id
    httpsOnly: true
    // Key Vault references are resolved with the user-assigned identity (the default is a system identity).
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appCommandLine: 'node dist/bot/index.js'
      // A readiness probe: 503 while Storage or the delivery queue cannot be reached takes the instance out.
      healthCheckPath: '/healthz'
      appSettings: concat([
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        // Bot Framework auth with the managed identity: no app password exists.
        { name: 'MicrosoftAppId', value: identity.properties.clientId }
        { name: 'MicrosoftAppType', value: 'UserAssignedMSI' }
        { name: 'MicrosoftAppTenantId', value: aadAppTenantId }
        // DefaultAzureCredential (Storage) picks the user-assigned identity by its client id.
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }
        // The tenant lock (issue 12): the ward's tenant, the one the tab app lives in.
        { name: 'TENANT_ID', value: aadAppTenantId }
        { name: 'TAB_ENDPOINT', value: 'https://${tabDomain}' }
        { name: 'TAB_DOMAIN', value: tabDomain }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'STORAGE_ACCOUNT_NAME', value: storageAccount.name }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'SECRET_SURVEY_KEY', value: '@Microsoft.KeyVault(VaultName=${keyVault.name};SecretName=${surveyKeySecret.name})' }
      ], graphProfileSettings)
    }
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storageAccount
  name: guid(storageAccount.id, identity.id, storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storageAccount
  name: guid(storageAccount.id, identity.id, storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Read secrets only: the identity can neither list nor change them.
resource keyVaultRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: keyVault
  name: guid(keyVault.id, identity.id, keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output BOT_ID string = identity.properties.clientId
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = tabDomain
output TAB_ENDPOINT string = 'https://${tabDomain}'
output STORAGE_ACCOUNT_NAME string = storageAccount.name
