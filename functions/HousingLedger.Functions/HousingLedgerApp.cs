using HousingLedger.Functions.Api;
using HousingLedger.Functions.Access;
using HousingLedger.Functions.Contracts;
using HousingLedger.Functions.Fees;
using HousingLedger.Functions.Jobs;
using HousingLedger.Functions.Parties;
using HousingLedger.Functions.Performance;
using HousingLedger.Functions.Pipeline;
using HousingLedger.Functions.Settlement;
using HousingLedger.Functions.Witnesses;
using HousingLedger.Functions.WorkOrders;
using HousingLedger.Infrastructure.Directories;
using HousingLedger.Infrastructure.Ledger;
using HousingLedger.Infrastructure.PaymentFiles;
using HousingLedger.Infrastructure.Secrets;
using HousingLedger.Infrastructure.Signing;
using HousingLedger.Infrastructure.State;
using HousingLedger.Infrastructure.Storage;
using HousingLedger.Ledger;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HousingLedger.Functions;

/// <summary>The service's registrations, the same under the Functions host and the standalone host.</summary>
public static class HousingLedgerApp
{
    public static IServiceCollection AddHousingLedger(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorage(configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context => Problems.Standardise(context.ProblemDetails));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<OperatorOptions>().BindConfiguration("Operator");
        services.AddOptions<SigningOptions>().BindConfiguration("Signing").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookSecretOptions>().BindConfiguration("WebhookSecrets").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WorkOrderOptions>().BindConfiguration("WorkOrders");
        services.AddOptions<SettlementOptions>().BindConfiguration("Settlement").ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WorkOrderDelivery.HttpClientName);

        services.AddSingleton<ApiGate>();
        services.AddSingleton<TableLedgerStore>();
        services.AddSingleton<StateStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<ContractStore>();
        services.AddSingleton<ContractJobIndex>();
        services.AddSingleton<JobListIndex>();
        services.AddSingleton<SpendIndex>();
        services.AddSingleton<SupplierPerformance>();
        services.AddSingleton<PartyStore>();
        services.AddSingleton<SettlementStore>();
        services.AddSingleton<CosignatureStore>();
        services.AddSingleton<DirectoryStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<SigningKeyRegistry>();
        services.AddSingleton<ISigningKey>(provider => SigningOptions.CreateKey(provider));
        services.AddSingleton<IWebhookSecretVault>(provider => WebhookSecretOptions.CreateVault(provider));
        services.AddSingleton<SupplierSecretStore>();
        services.AddSingleton<SupplierWebhookSecrets>();
        services.AddSingleton<WebhookSecretRotation>();
        services.AddSingleton<ApiKeys>();
        services.AddSingleton<KeyManagement>();
        services.AddSingleton<Suspension>();
        services.AddSingleton<Checkpoints>();
        services.AddSingleton<EventIntake>();
        services.AddSingleton<JobEvents>();
        services.AddSingleton<JobDecisions>();
        services.AddSingleton<TextErasure>();
        services.AddSingleton<SupplierEvents>();
        services.AddSingleton<ContractRegistration>();
        services.AddSingleton<ContractSharing>();
        services.AddSingleton<Onboarding>();
        services.AddSingleton<BankDetailsStore>();
        services.AddSingleton<SupplierHolders>();
        services.AddSingleton<BankDetailsChanges>();
        services.AddSingleton<BankDetailsConfirmations>();
        services.AddSingleton<IAppendedEventHandler, BankDetailsFanOut>();
        services.AddSingleton<WitnessRegistration>();
        services.AddSingleton<CosignatureIntake>();
        services.AddSingleton<LedgerAppender>();
        services.AddSingleton<IAppendedEventHandler, WorkOrderIssuer>();
        services.AddSingleton<WorkOrderDelivery>();
        services.AddSingleton<PaymentFileStore>();
        services.AddSingleton<BatchFiling>();
        services.AddSingleton<SettlementRunner>();
        services.AddSingleton<FeeStatementStore>();
        services.AddSingleton<ChainFees>();
        services.AddSingleton<FeeStatementClosing>();
        return services;
    }
}
