// Parameters for one HousingLedger deployment. Edit the names and region here; pass the operator API key on
// the command line (-p operatorApiKey=...) or in HL_OPERATOR_API_KEY, never in this file.
using 'main.bicep'

param location = 'uksouth'
param baseName = 'hledger'

// Empty unless given at deployment time, and then the deployment stops at the Key Vault: a key needs 32+ characters.
param operatorApiKey = readEnvironmentVariable('HL_OPERATOR_API_KEY', '')

param settlementSchedule = '0 0 2 * * *'
param settlementFeePerJobPence = 0
param paymentFileRetentionDays = 2557
