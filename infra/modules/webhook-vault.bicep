// The vault that holds suppliers' webhook secrets (one Key Vault secret per supplier, a version per rotation).
// It is a vault of its own because the app must write these secrets: Key Vault Secrets Officer, the least built-in
// role that can, covers every secret in its scope, and here that scope holds webhook secrets and nothing else.
// Access is by Azure RBAC only; nothing here grants anyone a role.

@description('Azure region of the vault.')
param location string

@description('Globally unique vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

@description('Tags for every resource.')
param tags object

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // A deleted secret stays recoverable for the retention period, so one mistaken command cannot cut every
    // supplier off; it also means the app's role cannot purge what it may delete.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

output name string = vault.name
@description('The vault\'s address, https://<vault>.vault.azure.net/ (WebhookSecrets__KeyVaultUri).')
output uri string = vault.properties.vaultUri
