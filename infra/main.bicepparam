// Parameters for one HousingLedger deployment. Edit the names and region here; pass the operator API key on
// the command line (-p operatorApiKey=...) or in HL_OPERATOR_API_KEY, never in this file.
using 'main.bicep'

param location = 'uksouth'
param baseName = 'hledger'

// Static Web Apps are not offered in UK South; West Europe is the nearest region that has them.
param consoleLocation = 'westeurope'

// '' unless given at deployment time; a key shorter than 32 characters stops the deployment at the Key Vault.
param operatorApiKey = readEnvironmentVariable('HL_OPERATOR_API_KEY', '')

param settlementSchedule = '0 0 2 * * *'
param ledgerCatchUpSchedule = '0 * * * * *'
param settlementFeePerJobPence = 0
// Seven years of write-once payment files. After locking the policy (docs/deploy.md), set the second to true.
param paymentFileRetentionDays = 2557
param paymentFileRetentionLocked = false
