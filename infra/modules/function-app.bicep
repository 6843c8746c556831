// The function app on the Flex Consumption plan: Linux, the .NET isolated worker runtime (dotnet-isolated 10.0), a
// system-assigned identity, and app settings that carry addresses and Key Vault references only, never a secret.

@description('Azure region of the plan and the app; Flex Consumption must be offered there.')
param location string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Globally unique function app name (its host name is <name>.azurewebsites.net).')
param appName string

@description('Most instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Storage account of the host (AzureWebJobsStorage) and of the app\'s tables, queues and blobs.')
param storageAccountName string

@description('Blob endpoint of the storage account, with a trailing slash.')
param blobEndpoint string

@description('Queue endpoint of the storage account, with a trailing slash.')
param queueEndpoint string

@description('Table endpoint of the storage account, with a trailing slash.')
param tableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Versioned URI of the Key Vault key that signs ledger blocks.')
param signingKeyUri string

@description('Versionless URI of the Key Vault secret that holds the operator API key.')
param operatorApiKeySecretUri string

@description('Address of the Key Vault that holds suppliers\' webhook secrets, https://<vault>.vault.azure.net/.')
param webhookVaultUri string

@description('Six-field NCRONTAB schedule of the nightly settlement, in UTC.')
param settlementSchedule string

@description('Six-field NCRONTAB schedule of the ledger catch-up timer.')
param ledgerCatchUpSchedule string

@description('The operator\'s fee per settled job, in pence.')
@minValue(0)
param settlementFeePerJobPence int

@description('Tags for every resource.')
param tags object

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Flex Consumption takes the runtime from functionAppConfig.runtime below: its documentation lists
      // FUNCTIONS_WORKER_RUNTIME (replaced by runtime.name), FUNCTIONS_WORKER_RUNTIME_VERSION (runtime.version) and
      // FUNCTIONS_EXTENSION_VERSION (set by the platform) as settings not to use, so none of them is set here.
      appSettings: [
        // Identity-based host storage: the account by name and each service by URI, signed in with the
        // system-assigned identity. The app reads the same settings for its own clients.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storageAccountName
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: blobEndpoint
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: queueEndpoint
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: tableEndpoint
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsightsConnectionString
        }
        {
          // Local authentication is off on the component: telemetry is sent with the app's identity.
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'Authorization=AAD'
        }
        {
          // Resolved by the platform with the app's identity; the value never appears in the app settings.
          name: 'Operator__ApiKey'
          value: '@Microsoft.KeyVault(SecretUri=${operatorApiKeySecretUri})'
        }
        {
          name: 'Signing__KeyVaultKeyId'
          value: signingKeyUri
        }
        {
          name: 'WebhookSecrets__KeyVaultUri'
          value: webhookVaultUri
        }
        {
          name: 'Settlement__Schedule'
          value: settlementSchedule
        }
        {
          name: 'Ledger__CatchUpSchedule'
          value: ledgerCatchUpSchedule
        }
        {
          name: 'Settlement__FeePerJobPence'
          value: string(settlementFeePerJobPence)
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      // The app is published framework-dependent for .NET 10 (scripts/publish): this runtime brings .NET and
      // ASP.NET Core, and the host starts the worker as worker.config.json in the package says.
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

output name string = app.name
output defaultHostName string = app.properties.defaultHostName
output principalId string = app.identity.principalId
output id string = app.id
