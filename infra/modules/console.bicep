// The staff console: a Static Web App serving the files scripts/build-console builds, with the function app linked
// as its backend, so the console and its API share one origin (/api is proxied to the function app) and the
// console's Content-Security-Policy can allow that origin alone. Backend linking needs the Standard plan.

@description('Static Web Apps are offered in a few regions only; the console holds no data, only its files.')
param location string

param name string

@description('The function app that answers /api.')
param functionAppId string

@description('The function app\'s region, where Static Web Apps forwards /api.')
param functionAppLocation string

param tags object

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    // Content is deployed from scripts/build-console's folder with a deployment token, not from a repository.
    provider: 'None'
    stagingEnvironmentPolicy: 'Disabled'
    allowConfigFileUpdates: true
  }
}

resource backend 'Microsoft.Web/staticSites/linkedBackends@2024-04-01' = {
  parent: site
  name: 'function-app'
  properties: {
    backendResourceId: functionAppId
    region: functionAppLocation
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostname
