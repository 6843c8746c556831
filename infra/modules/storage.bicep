// The service's one storage account: the ledger and state tables, the pipeline's queues, payment files,
// exports, timer leases and the Flex deployment package. Reached by managed identity only.

@description('Azure region of the storage account.')
param location string

@description('Globally unique storage account name: 3-24 lowercase letters and digits.')
@minLength(3)
@maxLength(24)
param name string

@description('Replication of the account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param skuName string

@description('Blob container that holds the function app package for Flex Consumption deployments.')
param deploymentContainerName string

@description('Days each payment file stays write-once (WORM) after it is written.')
@minValue(1)
@maxValue(146000)
param paymentFileRetentionDays int

@description('True once the payment-batches policy has been locked; the template then leaves it alone.')
param paymentFileRetentionLocked bool

@description('Tags for every resource.')
param tags object

// The names the app uses (HousingLedger.Infrastructure.Storage.StorageNames).
var tableNames = [
  'ledger'
  'state'
  'directory'
  'signingkeys'
]
var queueNames = [
  'ledger-append'
  'ledger-append-poison'
  'work-orders'
  'work-orders-poison'
  'payment-batches'
]
var paymentBatchesContainerName = 'payment-batches'
var plainContainerNames = [
  'exports'
  'locks'
  deploymentContainerName
]

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    // No account keys and no SAS signed with them: every caller signs in with Entra ID.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
  properties: {
    // Payment files are protected by a container-level WORM policy, which needs no versioning; the app
    // never overwrites a blob, so versions would only add cost.
    isVersioningEnabled: false
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource paymentBatchesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: paymentBatchesContainerName
  properties: {
    publicAccess: 'None'
  }
}

// Time-based retention: a payment file can be created and read, never changed or deleted, until it is
// older than the retention period. Created unlocked; docs/deploy.md says how and when to lock it. ARM can
// only write an unlocked policy (a locked one is only ever extended), so after locking it is not redeployed.
resource paymentBatchesImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2025-06-01' = if (!paymentFileRetentionLocked) {
  parent: paymentBatchesContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: paymentFileRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource plainContainers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = [
  for containerName in plainContainerNames: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-06-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-06-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
