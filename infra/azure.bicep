// DX Navi on Azure: one Linux App Service (bot endpoint, tab API and built tab on one origin), an Azure Bot
// registered with Teams, and a Storage account (tables + queues) reached through the Web App's managed identity.
@maxLength(20)
@minLength(4)
@description('Base name for every resource, e.g. dxnavidev')
param resourceBaseName string

@description('Client id of the bot\'s Entra app (single tenant), written by botAadApp/create')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app')
param botAadAppClientSecret string

@description('Client id of the Entra app behind tab SSO')
param aadAppClientId string

@description('Tenant of the ward')
param aadAppTenantId string

@description('Teams app id, for deep links into the personal tab')
param teamsAppId string

@secure()
@description('Keeps survey participation apart from answers (HMAC and AES-GCM keys are derived from it); never change it while a round is open.')
@minLength(32)
param surveyKey string

param webAppSku string = 'B1'
param botDisplayName string = 'DX Navi'
param location string = resourceGroup().location

var webAppName = resourceBaseName
var storageAccountName = toLower(take(replace('${resourceBaseName}st', '-', ''), 24))
var tabDomain = '${webAppName}.azurewebsites.net'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

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
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: serverFarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appCommandLine: 'node dist/bot/index.js'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'HOST', value: '0.0.0.0' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        // The bot authenticates to the Bot Connector with its single-tenant Entra app (client secret kept in
        // the app settings, set by provision); the ward's tenant is the only one it serves.
        { name: 'MicrosoftAppId', value: botAadAppClientId }
        { name: 'MicrosoftAppPassword', value: botAadAppClientSecret }
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppTenantId', value: aadAppTenantId }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_TENANT_ID', value: aadAppTenantId }
        { name: 'TAB_ENDPOINT', value: 'https://${tabDomain}' }
        { name: 'TAB_DOMAIN', value: tabDomain }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'STORAGE_ACCOUNT_NAME', value: storageAccount.name }
        { name: 'SECRET_SURVEY_KEY', value: surveyKey }
      ]
    }
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storageAccount
  name: guid(storageAccount.id, webApp.id, storageTableDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storageAccount
  name: guid(storageAccount.id, webApp.id, storageQueueDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: webApp.identity.principalId
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
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: aadAppTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = tabDomain
output TAB_ENDPOINT string = 'https://${tabDomain}'
output STORAGE_ACCOUNT_NAME string = storageAccount.name
