// The vault that holds the ledger's signing key (which never leaves it) and the operator's API key.
// Access is by Azure RBAC only; nothing here grants anyone a role.

@description('Azure region of the vault.')
param location string

@description('Globally unique vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

@description('Name of the EC P-256 key that signs ledger blocks and checkpoints.')
param signingKeyName string

@description('Name of the secret that holds the operator API key.')
param operatorApiKeySecretName string

@description('The operator API key (SPEC section 9).')
@secure()
@minLength(32)
param operatorApiKey string

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
    // A deleted signing key stays recoverable for the retention period: not even an owner can purge it
    // early, so one mistaken command cannot end the ledger's signing identity.
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// ARM creates the first version only; later deployments leave an existing key (and its versions) alone.
resource signingKey 'Microsoft.KeyVault/vaults/keys@2024-11-01' = {
  parent: vault
  name: signingKeyName
  tags: tags
  properties: {
    kty: 'EC'
    curveName: 'P-256'
    keyOps: [
      'sign'
      'verify'
    ]
    attributes: {
      enabled: true
    }
  }
}

resource operatorApiKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: operatorApiKeySecretName
  tags: tags
  properties: {
    value: operatorApiKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output signingKeyName string = signingKey.name
@description('The current version of the signing key, e.g. https://<vault>.vault.azure.net/keys/<name>/<version>.')
output signingKeyUriWithVersion string = signingKey.properties.keyUriWithVersion
output operatorApiKeySecretName string = operatorApiKeySecret.name
@description('Versionless address of the operator API key secret: Key Vault references follow its newest version.')
output operatorApiKeySecretUri string = operatorApiKeySecret.properties.secretUri
