// What the function app's identity may do, each grant on the narrowest scope that works:
// storage data on the account, signing on the one key, reading on the one secret, writing and reading webhook
// secrets in the vault that holds only those, telemetry on the component.

@description('Name of the function app whose system-assigned identity gets the roles.')
param functionAppName string

@description('Name of the storage account.')
param storageAccountName string

@description('Name of the Key Vault.')
param keyVaultName string

@description('Name of the signing key in the vault.')
param signingKeyName string

@description('Name of the operator API key secret in the vault.')
param operatorApiKeySecretName string

@description('Name of the Key Vault that holds suppliers\' webhook secrets.')
param webhookVaultName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

// Azure built-in role definition ids, the same in every tenant.
var builtInRoles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultCryptoUser: '12338af0-0e69-4776-bea7-57ae8d297424'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Blob Data Owner is the role Azure Functions requires for its host storage (AzureWebJobsStorage), which
// here is also the app's own account and holds the deployment package.
var storageRoles = [
  builtInRoles.storageBlobDataOwner
  builtInRoles.storageQueueDataContributor
  builtInRoles.storageTableDataContributor
]

resource functionApp 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName

  resource signingKey 'keys' existing = {
    name: signingKeyName
  }

  resource operatorApiKeySecret 'secrets' existing = {
    name: operatorApiKeySecretName
  }
}

resource webhookVault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: webhookVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in storageRoles: {
    name: guid(storageAccount.id, functionApp.id, role)
    scope: storageAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Sign and verify with the key, and read its versions' public halves for the JWKS.
resource signingAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault::signingKey.id, functionApp.id, builtInRoles.keyVaultCryptoUser)
  scope: vault::signingKey
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultCryptoUser)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Lets the platform resolve the Operator__ApiKey Key Vault reference.
resource operatorApiKeyAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault::operatorApiKeySecret.id, functionApp.id, builtInRoles.keyVaultSecretsUser)
  scope: vault::operatorApiKeySecret
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsUser)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Registering a supplier and rotating its secret write a secret version; webhooks and work orders read one.
// Secrets User cannot write, so this is the least built-in role that works; the vault holds nothing else.
resource webhookVaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(webhookVault.id, functionApp.id, builtInRoles.keyVaultSecretsOfficer)
  scope: webhookVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.keyVaultSecretsOfficer)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, functionApp.id, builtInRoles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', builtInRoles.monitoringMetricsPublisher)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}
