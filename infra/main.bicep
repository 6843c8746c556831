// HousingLedger in one resource group: the function app on Flex Consumption, its storage, the Key Vault that
// signs the ledger, monitoring, the role assignments that let the app's identity use them, and the staff console
// (a Static Web App with the function app as its backend).
// See docs/deploy.md.

metadata description = 'HousingLedger: Azure Functions .NET isolated worker on Flex Consumption with identity-based storage and Key Vault signing.'

targetScope = 'resourceGroup'

@description('Azure region of every resource. Flex Consumption must be offered there.')
param location string = resourceGroup().location

@description('Short lowercase prefix of every resource name (letters and digits).')
@minLength(2)
@maxLength(10)
param baseName string = 'hledger'

@description('Globally unique storage account name: 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param storageAccountName string = '${baseName}st${take(uniqueString(resourceGroup().id), 10)}'

@description('Globally unique Key Vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param keyVaultName string = '${baseName}-kv-${take(uniqueString(resourceGroup().id), 8)}'

@description('Globally unique name of the Key Vault that holds suppliers\' webhook secrets: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param webhookVaultName string = '${baseName}-wh-${take(uniqueString(resourceGroup().id), 8)}'

@description('Globally unique function app name.')
@minLength(2)
@maxLength(60)
param functionAppName string = '${baseName}-func-${uniqueString(resourceGroup().id)}'

@description('Name of the Flex Consumption plan.')
param planName string = '${baseName}-plan'

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string = '${baseName}-log'

@description('Name of the Application Insights component.')
param applicationInsightsName string = '${baseName}-appi'

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_ZRS'

@description('Blob container that holds the function app package.')
param deploymentContainerName string = 'app-package'

@description('Days each payment file stays write-once (WORM) after it is written.')
@minValue(1)
@maxValue(146000)
param paymentFileRetentionDays int = 2557

@description('Set to true after locking the payment-batches retention policy (docs/deploy.md); the template then leaves the policy alone.')
param paymentFileRetentionLocked bool = false

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 90

@description('Name of the EC P-256 key in Key Vault that signs ledger blocks and checkpoints.')
param signingKeyName string = 'ledger-signing'

@description('Name of the Key Vault secret that holds the operator API key.')
param operatorApiKeySecretName string = 'operator-api-key'

// No @minLength here: az compiles main.bicepparam once without command-line overrides, where this is still ''.
// The Key Vault module refuses a key shorter than 32 characters when the deployment runs.
@description('The operator\'s own API key (SPEC section 9), at least 32 characters. Stored in Key Vault only.')
@secure()
param operatorApiKey string

@description('Six-field NCRONTAB schedule of the nightly settlement, in UTC.')
param settlementSchedule string = '0 0 2 * * *'

@description('Six-field NCRONTAB schedule of the catch-up timer that appends accepted events whose queue message was lost.')
param ledgerCatchUpSchedule string = '0 * * * * *'

@description('The operator\'s fee per settled job, in pence, charged on each association\'s monthly fee statement.')
@minValue(0)
param settlementFeePerJobPence int = 0

@description('Most instances the function app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each function app instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Region of the staff console\'s Static Web App, one where Static Web Apps are offered. It holds the console\'s files only; every request for data goes on to the function app.')
param consoleLocation string

@description('Name of the staff console\'s Static Web App.')
param consoleName string = '${baseName}-console-${uniqueString(resourceGroup().id)}'

@description('Tags for every resource.')
param tags object = {
  service: 'housingledger'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: logAnalyticsName
    applicationInsightsName: applicationInsightsName
    retentionInDays: logRetentionInDays
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageAccountName
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    paymentFileRetentionDays: paymentFileRetentionDays
    paymentFileRetentionLocked: paymentFileRetentionLocked
    tags: tags
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    location: location
    name: keyVaultName
    signingKeyName: signingKeyName
    operatorApiKeySecretName: operatorApiKeySecretName
    operatorApiKey: operatorApiKey
    tags: tags
  }
}

module webhookVault 'modules/webhook-vault.bicep' = {
  name: 'webhook-vault'
  params: {
    location: location
    name: webhookVaultName
    tags: tags
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    location: location
    planName: planName
    appName: functionAppName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    signingKeyUri: keyVault.outputs.signingKeyUriWithVersion
    operatorApiKeySecretUri: keyVault.outputs.operatorApiKeySecretUri
    webhookVaultUri: webhookVault.outputs.uri
    settlementSchedule: settlementSchedule
    ledgerCatchUpSchedule: ledgerCatchUpSchedule
    settlementFeePerJobPence: settlementFeePerJobPence
    tags: tags
  }
}

module console 'modules/console.bicep' = {
  name: 'console'
  params: {
    location: consoleLocation
    name: consoleName
    functionAppId: functionApp.outputs.id
    functionAppLocation: location
    tags: tags
  }
}

// Every name here is known before deployment starts, so What-If can predict the role assignments; the
// dependencies are therefore spelt out.
module appAccess 'modules/app-access.bicep' = {
  name: 'app-access'
  params: {
    functionAppName: functionAppName
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    signingKeyName: signingKeyName
    operatorApiKeySecretName: operatorApiKeySecretName
    webhookVaultName: webhookVaultName
    applicationInsightsName: applicationInsightsName
  }
  dependsOn: [
    functionApp
    storage
    keyVault
    webhookVault
    monitoring
  ]
}

output functionAppName string = functionApp.outputs.name
output defaultHostName string = functionApp.outputs.defaultHostName
@description('The signing key version the app signs with (Signing__KeyVaultKeyId).')
output signingKeyUri string = keyVault.outputs.signingKeyUriWithVersion
output keyVaultName string = keyVault.outputs.name
output webhookVaultName string = webhookVault.outputs.name
output storageAccountName string = storage.outputs.name
output consoleName string = console.outputs.name
@description('Where staff open the console.')
output consoleHostName string = console.outputs.defaultHostName
